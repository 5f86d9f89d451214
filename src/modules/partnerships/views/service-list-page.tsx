import type { VNode } from 'preact';
import { Button } from '../../../platform/views/components/button.tsx';
import { TableHead } from '../../../platform/views/components/table.tsx';
import { partnershipPaths } from '../partnerships.paths.ts';
import { formatPounds, serviceKindLabels } from '../services.schemas.ts';
import type { ServiceRow } from '../services.service.ts';
import { OpenTag } from './service-parts.tsx';

/** The services of the providers the viewer runs. */
export function ServiceListPage({ services, providers }: { services: ServiceRow[]; providers: number }): VNode {
  return (
    <>
      <h1 class="govuk-heading-l">Mentoring services</h1>
      <p class="govuk-body">
        Each service sets the kind of mentoring, its term, time budget, fee and agreement, and has its own enquiry form.{' '}
        <a class="govuk-link" href={partnershipPaths.enquiries}>
          Enquiries to triage
        </a>
      </p>
      <Button text="Create a service" href={partnershipPaths.serviceNew} />
      {services.length === 0 ? (
        <p class="govuk-body">There are no services yet.</p>
      ) : (
        <table class="govuk-table">
          <caption class="govuk-table__caption govuk-table__caption--m">Services</caption>
          <TableHead
            head={[
              { text: 'Service' },
              ...(providers > 1 ? [{ text: 'Provider' }] : []),
              { text: 'Kind' },
              { text: 'Fee' },
              { text: 'Enquiries' },
            ]}
          />
          <tbody class="govuk-table__body">
            {services.map((service) => (
              <tr class="govuk-table__row" key={service.id}>
                <td class="govuk-table__cell">
                  <a class="govuk-link" href={partnershipPaths.service(service.id)}>
                    {service.name}
                  </a>
                </td>
                {providers > 1 && <td class="govuk-table__cell">{service.providerName}</td>}
                <td class="govuk-table__cell">{serviceKindLabels[service.kind]}</td>
                <td class="govuk-table__cell">{formatPounds(service.feePence)}</td>
                <td class="govuk-table__cell">
                  <OpenTag open={service.open} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
