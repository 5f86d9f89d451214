import type { ComponentChildren, VNode } from 'preact';
import { classNames } from '../../../platform/views/components/attributes.ts';
import { BackLink } from '../../../platform/views/components/back-link.tsx';
import { LevelLabel, type FrameworkLevel } from '../../frameworks/index.ts';
import { reviewPaths } from '../reviews.paths.ts';

/** Said wherever an anonymous review holds back an element's answers. */
export const NOT_ENOUGH = 'Not enough responses to show';

/** The back link every results page starts with: to the review's own page. */
export function BackToReview({ reviewId }: { reviewId: string }): VNode {
  return <BackLink href={reviewPaths.review(reviewId)} text="Back to the review" />;
}

/** Text and links in the narrower column GOV.UK pages keep text to, so lines stay easy to read. */
export function TwoThirds({ children }: { children: ComponentChildren }): VNode {
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">{children}</div>
    </div>
  );
}

/** What names a review on its results pages. */
export interface ReviewNames {
  title: string;
  organisationName: string;
}

/** A results page's heading, with the review it belongs to above it. */
export function ResultsHeading({ review, heading }: { review: ReviewNames; heading: string }): VNode {
  return (
    <>
      <span class="govuk-caption-l">
        {review.title}, {review.organisationName}
      </span>
      <h1 class="govuk-heading-l">{heading}</h1>
    </>
  );
}

/** The page title of a results page: what it is, then which review of which trust. */
export function resultsTitle(page: string, review: ReviewNames): string {
  return `${page}: ${review.title}, ${review.organisationName}`;
}

/**
 * A table wider than a phone scrolls in its own box. The box is a named region that takes focus,
 * so someone on a keyboard can scroll it too (axe: scrollable-region-focusable).
 */
export function ScrollingTable({ label, children }: { label: string; children: ComponentChildren }): VNode {
  return (
    <div class="tandem-table-scroll" role="region" aria-label={label} tabindex={0}>
      {children}
    </div>
  );
}

export interface Column {
  label: ComponentChildren;
  numeric?: boolean;
  classes?: string;
}

/** A results table's caption and column headings (each `scope="col"`, so each cell is read with its column). */
export function TableTop({ caption, columns }: { caption: string; columns: Array<string | Column> }): VNode {
  return (
    <>
      <caption class="govuk-table__caption govuk-table__caption--m">{caption}</caption>
      <thead class="govuk-table__head">
        <tr class="govuk-table__row">
          {columns.map((column) => {
            const { label, numeric, classes }: Column = typeof column === 'string' ? { label: column } : column;
            return (
              <th
                scope="col"
                class={classNames('govuk-table__header', numeric && 'govuk-table__header--numeric', classes)}
              >
                {label}
              </th>
            );
          })}
        </tr>
      </thead>
    </>
  );
}

/** A row's element, with the heading it comes under beneath it. */
export function ElementHeader({ name, headingName }: { name: string; headingName?: string | undefined }): VNode {
  return (
    <th scope="row" class="govuk-table__header">
      {name}
      {headingName && (
        <>
          <span class="govuk-visually-hidden">, </span>
          <span class="tandem-table-note">{headingName}</span>
        </>
      )}
    </th>
  );
}

/** A level by its key, as its swatch and label; `otherwise` when there is none to show. */
export function LevelOr({
  levels,
  levelKey,
  otherwise,
}: {
  levels: readonly FrameworkLevel[];
  levelKey: string | null;
  otherwise: string;
}): VNode {
  const level = levelKey === null ? undefined : levels.find((each) => each.key === levelKey);
  return level ? <LevelLabel level={level} /> : <>{otherwise}</>;
}

/** `1 level`, `2 levels`…: counts in words that read naturally. */
export function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

type ResultsPage = 'heat-map' | 'group-comparison' | 'history' | 'peer-challenge';

/**
 * The other ways to see a review's results, each offered only where the viewer may open it:
 * the trust's own results pages to those who see results, peer challenge once there is a partner trust.
 */
export function ResultsLinks({
  reviewId,
  current,
  results,
  peerChallenge,
}: {
  reviewId: string;
  current: ResultsPage;
  results: boolean;
  peerChallenge: boolean;
}): VNode {
  const links: Array<{ page: ResultsPage; href: string; text: string; shown: boolean }> = [
    { page: 'heat-map', href: reviewPaths.heatMap(reviewId), text: 'Heat map', shown: results },
    {
      page: 'group-comparison',
      href: reviewPaths.groupComparison(reviewId),
      text: 'Group comparison',
      shown: results,
    },
    {
      page: 'history',
      href: reviewPaths.history(reviewId),
      text: 'History: this review beside the last one',
      shown: results,
    },
    { page: 'peer-challenge', href: reviewPaths.peerChallenge(reviewId), text: 'Peer challenge', shown: peerChallenge },
  ];
  const others = links.filter((link) => link.shown && link.page !== current);
  return (
    <>
      {others.length > 0 && <h2 class="govuk-heading-m">See the results another way</h2>}
      <ul class="govuk-list">
        {others.map((link) => (
          <li>
            <a class="govuk-link" href={link.href}>
              {link.text}
            </a>
          </li>
        ))}
        <li>
          <a class="govuk-link" href={reviewPaths.review(reviewId)}>
            Back to the review
          </a>
        </li>
      </ul>
    </>
  );
}
