import type { VNode } from 'preact';
import { Pagination, type PaginationItem } from './components/pagination.tsx';

/**
 * Page numbers as GOV.UK lays them out: the first, the last, and the ones either side of
 * the current page, with an ellipsis for each gap. Nothing when everything fits on one page.
 */
export function pageNumbers(page: number, pageCount: number): Array<number | 'gap'> {
  const wanted = [...new Set([1, page - 1, page, page + 1, pageCount])]
    .filter((number) => number >= 1 && number <= pageCount)
    .sort((a, b) => a - b);
  const result: Array<number | 'gap'> = [];
  for (const number of wanted) {
    const previous = result.at(-1);
    if (typeof previous === 'number' && number - previous > 1) result.push('gap');
    result.push(number);
  }
  return result;
}

/** GOV.UK pagination for a list split into pages; `label` names the list for screen readers. */
export function PageLinks({
  page,
  pageCount,
  hrefFor,
  label,
}: {
  page: number;
  pageCount: number;
  hrefFor: (page: number) => string;
  label?: string;
}): VNode | null {
  if (pageCount <= 1) return null;
  const items: PaginationItem[] = pageNumbers(page, pageCount).map((number) =>
    number === 'gap'
      ? { ellipsis: true }
      : { number, href: hrefFor(number), ...(number === page ? { current: true } : {}) },
  );
  return (
    <Pagination
      items={items}
      {...(label ? { landmarkLabel: label } : {})}
      previous={page > 1 ? { href: hrefFor(page - 1) } : undefined}
      next={page < pageCount ? { href: hrefFor(page + 1) } : undefined}
    />
  );
}

/** "Showing 26 to 50 of 60 events": so people know where they are in a long list. */
export function ResultCount({
  page,
  pageSize,
  shown,
  total,
  noun = { one: 'event', many: 'events' },
}: {
  page: number;
  pageSize: number;
  shown: number;
  total: number;
  noun?: { one: string; many: string };
}): VNode {
  if (total === 0) return <p class="govuk-body">No {noun.many}.</p>;
  const first = (page - 1) * pageSize + 1;
  return (
    <p class="govuk-body">
      Showing <strong>{first}</strong> to <strong>{first + shown - 1}</strong> of <strong>{total}</strong>{' '}
      {total === 1 ? noun.one : noun.many}
    </p>
  );
}
