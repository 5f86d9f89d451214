/** Every review URL, built in one place (route patterns in `routes`, links from the functions). */
const routes = {
  list: '/reviews',
  start: '/organisations/:id/reviews/new',
  review: '/reviews/:id',
  groups: '/reviews/:id/groups',
  group: '/reviews/:id/groups/:groupId',
  groupRemove: '/reviews/:id/groups/:groupId/remove',
  participantNew: '/reviews/:id/participants/new',
  participantRemove: '/reviews/:id/participants/:participantId/remove',
  rate: '/reviews/:id/rate',
  rateElement: '/reviews/:id/rate/:elementKey',
  agree: '/reviews/:id/agree/:elementKey',
  close: '/reviews/:id/close',
  evidence: '/reviews/:id/evidence/:evidenceId',
  heatMap: '/reviews/:id/heat-map',
  groupComparison: '/reviews/:id/group-comparison',
  peerChallenge: '/reviews/:id/peer-challenge',
  history: '/reviews/:id/history',
  export: '/reviews/:id/export',
} as const;

export const reviewDoneMessages = {
  started: 'Review started. Add the people taking part, then they can rate.',
  'participant-added': 'Added to the review.',
  'participant-removed': 'Removed from the review.',
  'group-saved': 'Group saved.',
  'group-removed': 'Group removed.',
  'rating-saved': 'Your rating is saved.',
  'agreed-saved': 'Agreed rating saved.',
  closed: 'Review closed. Its ratings can no longer change.',
} as const;

export type ReviewDone = keyof typeof reviewDoneMessages;

const withDone = (path: string, done?: ReviewDone) => (done ? `${path}?done=${done}` : path);
const segment = (value: string) => encodeURIComponent(value);

export const reviewPaths = {
  routes,
  list: routes.list,
  start: (organisationId: string) => `/organisations/${organisationId}/reviews/new`,
  review: (id: string, done?: ReviewDone) => withDone(`/reviews/${id}`, done),
  groups: (id: string, done?: ReviewDone) => withDone(`/reviews/${id}/groups`, done),
  group: (id: string, groupId: string) => `/reviews/${id}/groups/${groupId}`,
  groupRemove: (id: string, groupId: string) => `/reviews/${id}/groups/${groupId}/remove`,
  participantNew: (id: string) => `/reviews/${id}/participants/new`,
  participantRemove: (id: string, participantId: string) => `/reviews/${id}/participants/${participantId}/remove`,
  rate: (id: string, done?: ReviewDone) => withDone(`/reviews/${id}/rate`, done),
  rateElement: (id: string, elementKey: string, done?: ReviewDone) =>
    withDone(`/reviews/${id}/rate/${segment(elementKey)}`, done),
  agree: (id: string, elementKey: string) => `/reviews/${id}/agree/${segment(elementKey)}`,
  close: (id: string) => `/reviews/${id}/close`,
  evidence: (id: string, evidenceId: string) => `/reviews/${id}/evidence/${evidenceId}`,
  heatMap: (id: string, done?: ReviewDone) => withDone(`/reviews/${id}/heat-map`, done),
  groupComparison: (id: string) => `/reviews/${id}/group-comparison`,
  peerChallenge: (id: string) => `/reviews/${id}/peer-challenge`,
  history: (id: string) => `/reviews/${id}/history`,
  export: (id: string, format: 'pdf' | 'csv' | 'xlsx') => `/reviews/${id}/export?format=${format}`,
};
