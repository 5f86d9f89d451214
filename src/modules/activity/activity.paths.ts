/** Every URL of the activity module, built in one place. */
export const activityPaths = {
  accountActivity: ({ page = 1 }: { page?: number } = {}): string =>
    page > 1 ? `/account/activity?page=${page}` : '/account/activity',
  /** `query` holds the filters as typed, so the next page keeps them. */
  auditLog: ({ page = 1, query = {} }: { page?: number; query?: Record<string, string> } = {}): string => {
    const search = new URLSearchParams(Object.entries(query).filter(([, value]) => value !== ''));
    if (page > 1) search.set('page', String(page));
    const text = search.toString();
    return text ? `/admin/audit?${text}` : '/admin/audit';
  },
} as const;
