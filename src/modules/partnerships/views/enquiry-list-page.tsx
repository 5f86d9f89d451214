import type { VNode } from 'preact';
import { Button } from '../../../platform/views/components/button.tsx';
import { Select } from '../../../platform/views/components/select.tsx';
import { TableHead } from '../../../platform/views/components/table.tsx';
import { Tag } from '../../../platform/views/components/tag.tsx';
import { formatLondonDate } from '../../../platform/views/london-time.ts';
import type { EnquiryRow } from '../enquiries.service.ts';
import { partnershipPaths } from '../partnerships.paths.ts';
import { enquiryStatuses, type EnquiryStatus } from '../partnerships.tables.ts';

export const enquiryStatusLabels: Record<EnquiryStatus, string> = {
  new: 'New',
  accepted: 'Accepted into matching',
  referred: 'Referred elsewhere',
  closed: 'Closed',
};

export function EnquiryStatusTag({ status }: { status: EnquiryStatus }): VNode {
  const colour = {
    new: 'govuk-tag--blue',
    accepted: 'govuk-tag--green',
    referred: 'govuk-tag--yellow',
    closed: 'govuk-tag--grey',
  }[status];
  return <Tag text={enquiryStatusLabels[status]} classes={colour} />;
}

/** The enquiries to the viewer's providers' services: new ones first, filtered by status. */
export function EnquiryListPage({
  enquiries,
  status,
}: {
  enquiries: EnquiryRow[];
  status: EnquiryStatus | null;
}): VNode {
  return (
    <>
      <h1 class="govuk-heading-l">Enquiries</h1>
      <form method="get" action={partnershipPaths.enquiries} novalidate>
        <Select
          id="status"
          name="status"
          label={{ text: 'Show', classes: 'govuk-label--s' }}
          value={status ?? ''}
          items={[
            { value: '', text: 'All enquiries' },
            ...enquiryStatuses.map((each) => ({ value: each, text: enquiryStatusLabels[each] })),
          ]}
        />
        <Button text="Show enquiries" classes="govuk-button--secondary" />
      </form>
      {enquiries.length === 0 ? (
        <p class="govuk-body">{status ? 'There are no enquiries with that status.' : 'There are no enquiries yet.'}</p>
      ) : (
        <table class="govuk-table">
          <caption class="govuk-table__caption govuk-table__caption--m">
            {status ? enquiryStatusLabels[status] : 'All enquiries'}
          </caption>
          <TableHead head={[{ text: 'Received' }, { text: 'From' }, { text: 'Service' }, { text: 'Status' }]} />
          <tbody class="govuk-table__body">
            {enquiries.map((enquiry) => (
              <tr class="govuk-table__row" key={enquiry.id}>
                <td class="govuk-table__cell">{formatLondonDate(enquiry.createdAt)}</td>
                <td class="govuk-table__cell">
                  <a class="govuk-link" href={partnershipPaths.enquiry(enquiry.id)}>
                    {enquiry.name}
                  </a>
                  <br />
                  {enquiry.trustName ?? enquiry.organisationName}
                </td>
                <td class="govuk-table__cell">{enquiry.serviceName}</td>
                <td class="govuk-table__cell">
                  <EnquiryStatusTag status={enquiry.status} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p class="govuk-body">
        <a class="govuk-link" href={partnershipPaths.services}>
          Mentoring services
        </a>
      </p>
    </>
  );
}
