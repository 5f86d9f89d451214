import type { VNode } from 'preact';
import { BackLink } from '../../../platform/views/components/back-link.tsx';
import { Table } from '../../../platform/views/components/table.tsx';
import { formatLondonDateTime } from '../../../platform/views/london-time.ts';
import { PageLinks } from '../../../platform/views/page-links.tsx';
import type { PartnershipReads } from '../participants.service.ts';
import { partnershipPaths } from '../partnerships.paths.ts';

export function ReadsPage({ reads }: { reads: PartnershipReads }): VNode {
  const { partnership } = reads;
  const path = partnershipPaths.of(partnership.id, 'reads');
  return (
    <>
      <BackLink href={partnershipPaths.of(partnership.id, 'partnership')} text="Back to the partnership" />
      <span class="govuk-caption-l">{partnership.title}</span>
      <h1 class="govuk-heading-l">Who has read this partnership</h1>
      <p class="govuk-body">
        Every time someone opens the partnership’s notes, goals, documents or other content, it is recorded here: who,
        when and what. Nobody outside the partnership can read its content.
      </p>
      {reads.total === 0 ? (
        <p class="govuk-body">Nobody has read it yet.</p>
      ) : (
        <>
          <Table
            caption={`${reads.total} ${reads.total === 1 ? 'read' : 'reads'}, newest first`}
            captionClasses="govuk-table__caption--s"
            head={[{ text: 'When' }, { text: 'Who' }, { text: 'What' }]}
            rows={reads.reads.map((read) => [
              { text: formatLondonDateTime(read.occurredAt) },
              { text: read.readerName },
              { text: read.description },
            ])}
          />
          <PageLinks
            page={reads.page}
            pageCount={reads.pageCount}
            hrefFor={(page) => (page === 1 ? path : `${path}?page=${page}`)}
            label="Pages of reads"
          />
        </>
      )}
    </>
  );
}
