import type { VNode } from 'preact';
import { Table } from '../../../platform/views/components/table.tsx';
import { PAGE_SIZE, type EventsPage } from '../activity.service.ts';
import { describeForSubject, originForSubject } from '../event-descriptions.ts';
import { formatLondonDateTime } from '../../../platform/views/london-time.ts';
import { activityPaths } from '../activity.paths.ts';
import { PageLinks, ResultCount } from '../../../platform/views/page-links.tsx';

export function AccountActivityPage({ result, viewerPersonId }: { result: EventsPage; viewerPersonId: string }): VNode {
  return (
    <>
      <h1 class="govuk-heading-l">Account activity</h1>
      <p class="govuk-body">
        Sign-ins, changes to your password, two-factor authentication and roles, and anything else done to your account,
        newest first. If you do not recognise something, change your password and tell an administrator.
      </p>
      {result.total === 0 ? (
        <p class="govuk-body">There is no activity on your account yet.</p>
      ) : (
        <>
          <ResultCount page={result.page} pageSize={PAGE_SIZE} shown={result.events.length} total={result.total} />
          <Table
            caption="Activity on your account"
            captionClasses="govuk-visually-hidden"
            head={[{ text: 'Date and time' }, { text: 'What happened' }, { text: 'Where from (IP address)' }]}
            rows={result.events.map((event) => [
              { text: formatLondonDateTime(event.occurredAt) },
              { text: describeForSubject(event, viewerPersonId) },
              { text: originForSubject(event, viewerPersonId) },
            ])}
          />
          <PageLinks
            page={result.page}
            pageCount={result.pageCount}
            hrefFor={(page) => activityPaths.accountActivity({ page })}
          />
        </>
      )}
    </>
  );
}
