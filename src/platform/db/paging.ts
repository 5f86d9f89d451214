/** A page of a long list, as services hand it to pages: which page it is, and how many there are. */
export interface Paged {
  /** The page shown: the one asked for, or the last one when that was past the end. */
  page: number;
  pageCount: number;
}

/**
 * Fetches page `page` of a list; a page past the end (an old link after the list shrank or a
 * filter changed) shows the last page rather than an empty table. `fetch` answers a limit and
 * offset with its rows and the total the list holds.
 */
export async function fetchPageOrLast<T extends { total: number }>(
  page: number,
  pageSize: number,
  fetch: (limit: number, offset: number) => Promise<T>,
): Promise<T & Paged> {
  const pageCountOf = (total: number) => Math.max(1, Math.ceil(total / pageSize));
  const first = await fetch(pageSize, (page - 1) * pageSize);
  const pageCount = pageCountOf(first.total);
  if (page <= pageCount) return { ...first, page, pageCount };
  const last = await fetch(pageSize, (pageCount - 1) * pageSize);
  return { ...last, page: pageCount, pageCount: pageCountOf(last.total) };
}
