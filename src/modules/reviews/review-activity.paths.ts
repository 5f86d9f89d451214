/** The URL of "Who has read your reviews", built in one place. */
export const reviewActivityPaths = {
  routes: { activity: '/organisations/:id/review-activity' },
  activity: (organisationId: string, page = 1): string =>
    `/organisations/${organisationId}/review-activity${page > 1 ? `?page=${page}` : ''}`,
} as const;
