import type { VNode } from 'preact';
import { Button } from '../../../platform/views/components/button.tsx';
import { NotificationBanner } from '../../../platform/views/components/notification-banner.tsx';
import { SummaryList } from '../../../platform/views/components/summary-list.tsx';
import { TableHead } from '../../../platform/views/components/table.tsx';
import { partnershipPaths } from '../partnerships.paths.ts';
import { formatPounds, serviceKindLabels } from '../services.schemas.ts';
import type { ServiceRow } from '../services.service.ts';
import { BUDGET_COMPONENT_LABELS, BUDGET_COMPONENTS, formatHours } from '../time-budget.ts';
import { OpenTag, serviceBudgetMinutes } from './service-parts.tsx';

export const serviceDoneMessages: Record<string, string> = {
  created: 'The service has been created',
  saved: 'Your changes have been saved',
};

/** A service with everything it sets, and the link enquirers use. */
export function ServicePage({
  service,
  enquiryLink,
  done,
}: {
  service: ServiceRow;
  enquiryLink: string;
  done: string | null;
}): VNode {
  const minutes = serviceBudgetMinutes(service);
  const total = BUDGET_COMPONENTS.reduce((sum, component) => sum + minutes[component], 0);
  return (
    <>
      {done && <NotificationBanner type="success" text={done} />}
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <span class="govuk-caption-l">{service.providerName}</span>
          <h1 class="govuk-heading-l">{service.name}</h1>
          <p class="govuk-body">
            <OpenTag open={service.open} />
          </p>
          <h2 class="govuk-heading-m">Enquiries</h2>
          {service.open ? (
            <>
              <p class="govuk-body">Anyone can ask about the service on its enquiry form, signed in or not:</p>
              <p class="govuk-body tandem-break-words">
                <a class="govuk-link" href={partnershipPaths.enquire(service.id)}>
                  {enquiryLink}
                </a>
              </p>
            </>
          ) : (
            <p class="govuk-body">
              The service is closed to enquiries: its enquiry form ({enquiryLink}) shows “page not found”.
            </p>
          )}
          <p class="govuk-body">
            <a class="govuk-link" href={partnershipPaths.enquiries}>
              Enquiries to triage
            </a>
          </p>
          <h2 class="govuk-heading-m">About the service</h2>
          <SummaryList
            rows={[
              { key: { text: 'Kind' }, value: { text: serviceKindLabels[service.kind] } },
              {
                key: { text: 'Description' },
                value: { text: service.description || 'None given', classes: 'tandem-pre-line' },
              },
              {
                key: { text: 'Term' },
                value: { text: `${service.termMonths} ${service.termMonths === 1 ? 'month' : 'months'}` },
              },
              { key: { text: 'Suggested meeting pattern' }, value: { text: service.meetingPattern } },
              {
                key: { text: 'Fee' },
                value: { text: `${formatPounds(service.feePence)}${service.feePence ? ' plus VAT' : ''}` },
              },
            ]}
          />
          <table class="govuk-table">
            <caption class="govuk-table__caption govuk-table__caption--m">Time budget</caption>
            <TableHead head={[{ text: 'Part of the term' }, { text: 'Hours', format: 'numeric' }]} />
            <tbody class="govuk-table__body">
              {BUDGET_COMPONENTS.map((component) => (
                <tr class="govuk-table__row" key={component}>
                  <th scope="row" class="govuk-table__header">
                    {BUDGET_COMPONENT_LABELS[component]}
                  </th>
                  <td class="govuk-table__cell govuk-table__cell--numeric">{formatHours(minutes[component])}</td>
                </tr>
              ))}
              <tr class="govuk-table__row">
                <th scope="row" class="govuk-table__header">
                  Total
                </th>
                <td class="govuk-table__cell govuk-table__cell--numeric">{formatHours(total)}</td>
              </tr>
            </tbody>
          </table>
          <h2 class="govuk-heading-m">Agreement template</h2>
          <div class="govuk-inset-text tandem-pre-line">{service.agreementTemplate}</div>
          <Button
            text="Change the service"
            href={partnershipPaths.serviceEdit(service.id)}
            classes="govuk-button--secondary"
          />
          <p class="govuk-body">
            <a class="govuk-link" href={partnershipPaths.services}>
              All mentoring services
            </a>
          </p>
        </div>
      </div>
    </>
  );
}
