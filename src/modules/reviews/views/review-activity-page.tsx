import type { VNode } from 'preact';
import { formatLondonDateTime } from '../../../platform/views/london-time.ts';
import { PageLinks, ResultCount } from '../../../platform/views/page-links.tsx';
import { reviewActivityPaths } from '../review-activity.paths.ts';
import { PAGE_SIZE, type ReviewActivityPage, type ReviewReadRow } from '../review-activity.service.ts';
import { describeReviewRead } from '../review-reads.ts';

export const REVIEW_ACTIVITY_TITLE = 'Who has read your reviews';

/** Email addresses have no spaces: let them wrap rather than widen the table. */
const BREAK_WORDS = 'govuk-!-text-break-word';

function Reader({ read }: { read: ReviewReadRow }): VNode {
  if (!read.readerName && !read.readerEmail) return <>Not recorded</>;
  return (
    <>
      {read.readerName ?? read.readerEmail}
      {read.readerName && read.readerEmail && (
        <>
          <br />
          <span class="govuk-body-s govuk-!-margin-bottom-0">{read.readerEmail}</span>
        </>
      )}
    </>
  );
}

export function ReviewActivityPageView({ activity }: { activity: ReviewActivityPage }): VNode {
  const { organisation } = activity;
  return (
    <>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <span class="govuk-caption-l">{organisation.name}</span>
          <h1 class="govuk-heading-l">{REVIEW_ACTIVITY_TITLE}</h1>
          <p class="govuk-body">
            Each time someone looks at the results of one of {organisation.name}’s reviews, downloads them or an
            evidence file, opens a page for agreeing a rating or looks at a review’s benchmarks, it is recorded here,
            newest first. People reading their own ratings are not listed.
          </p>
          <p class="govuk-body">
            If you do not recognise someone, tell the review’s leads: they can remove people from the review.
          </p>
        </div>
      </div>
      {activity.total === 0 ? (
        <p class="govuk-body">Nobody has read {organisation.name}’s reviews yet.</p>
      ) : (
        <>
          <ResultCount
            page={activity.page}
            pageSize={PAGE_SIZE}
            shown={activity.reads.length}
            total={activity.total}
            noun={{ one: 'read', many: 'reads' }}
          />
          <table class="govuk-table">
            <caption class="govuk-table__caption govuk-visually-hidden">
              Reads of {organisation.name}’s reviews, newest first
            </caption>
            <thead class="govuk-table__head">
              <tr class="govuk-table__row">
                <th scope="col" class="govuk-table__header">
                  Date and time
                </th>
                <th scope="col" class="govuk-table__header">
                  Who
                </th>
                <th scope="col" class="govuk-table__header">
                  Review
                </th>
                <th scope="col" class="govuk-table__header">
                  What they read
                </th>
              </tr>
            </thead>
            <tbody class="govuk-table__body">
              {activity.reads.map((read) => (
                <tr class="govuk-table__row" key={read.id}>
                  <td class="govuk-table__cell">{formatLondonDateTime(read.occurredAt)}</td>
                  <td class={`govuk-table__cell ${BREAK_WORDS}`}>
                    <Reader read={read} />
                  </td>
                  <td class="govuk-table__cell">{read.reviewTitle ?? 'A review no longer found'}</td>
                  <td class="govuk-table__cell">{describeReviewRead(read.details)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <PageLinks
            page={activity.page}
            pageCount={activity.pageCount}
            hrefFor={(page) => reviewActivityPaths.activity(organisation.id, page)}
            label="Pages of reads"
          />
        </>
      )}
    </>
  );
}
