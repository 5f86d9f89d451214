/** Every URL of the outbox pages, built in one place. */
export const paths = {
  list: '/admin/outbox',
  message: '/admin/outbox/:id',
  page: (page: number) => (page <= 1 ? '/admin/outbox' : `/admin/outbox?page=${page}`),
  messageFor: (id: string) => `/admin/outbox/${id}`,
} as const;
