/** Every plan URL, built in one place (route patterns in `routes`, links from the functions). */
const routes = {
  list: '/plans',
  create: '/plans/new',
  myActions: '/plans/my-actions',
  fromReview: '/plans/from-review/:reviewId/:elementKey',
  plan: '/plans/:id',
  edit: '/plans/:id/edit',
  timeline: '/plans/:id/timeline',
  priorityNew: '/plans/:id/priorities/new',
  priority: '/plans/:id/priorities/:priorityId',
  priorityMove: '/plans/:id/priorities/:priorityId/move',
  actionNew: '/plans/:id/priorities/:priorityId/actions/new',
  action: '/plans/:id/actions/:actionId',
  actionEdit: '/plans/:id/actions/:actionId/edit',
  updateNew: '/plans/:id/actions/:actionId/updates/new',
  /** A progress update's evidence file, named by the update. */
  evidence: '/plans/:id/evidence/:evidenceId',
  milestoneNew: '/plans/:id/milestones/new',
  milestone: '/plans/:id/milestones/:milestoneId',
  /** Downloads: the plan as a PDF for a board pack, and its actions as a CSV file. */
  exportPdf: '/plans/:id/export.pdf',
  actionsCsv: '/plans/:id/actions.csv',
  sharing: '/plans/:id/sharing',
  shareRevoke: '/plans/:id/sharing/:shareId/revoke',
  comments: '/plans/:id/priorities/:priorityId/comments',
  close: '/plans/:id/close',
  nextPlan: '/plans/:id/next',
} as const;

export const planDoneMessages = {
  created: 'Plan created. Add its priorities, then the actions for each.',
  'plan-saved': 'Plan details saved.',
  'priority-added': 'Priority added.',
  'priority-saved': 'Priority saved.',
  'priority-moved': 'Priority moved.',
  'action-added': 'Action added.',
  'action-saved': 'Action saved.',
  'update-posted': 'Progress update posted.',
  'milestone-added': 'Milestone added.',
  'milestone-saved': 'Milestone saved.',
  shared: 'Plan shared. They can read it now, and find it under “Shared with you” in their plans.',
  'share-unchanged': 'The plan was already shared that way: nothing has changed.',
  'share-revoked': 'Sharing stopped. They can no longer read the plan.',
  'comment-posted': 'Comment posted.',
  closed: 'Plan closed. What it achieved and its medium-term priorities are recorded below.',
} as const;

export type PlanDone = keyof typeof planDoneMessages;

/** Where a priority made from a review came from: carried from the heat map to the priority form. */
export interface ReviewElementRef {
  reviewId: string;
  elementKey: string;
}

const withDone = (path: string, done?: PlanDone) => (done ? `${path}?done=${done}` : path);
const segment = (value: string) => encodeURIComponent(value);

export const planPaths = {
  routes,
  list: routes.list,
  create: routes.create,
  myActions: routes.myActions,
  fromReview: (reviewId: string, elementKey: string) => `/plans/from-review/${reviewId}/${segment(elementKey)}`,
  plan: (id: string, done?: PlanDone) => withDone(`/plans/${id}`, done),
  edit: (id: string) => `/plans/${id}/edit`,
  timeline: (id: string) => `/plans/${id}/timeline`,
  priorityNew: (id: string, from?: ReviewElementRef) =>
    from
      ? `/plans/${id}/priorities/new?review=${from.reviewId}&element=${segment(from.elementKey)}`
      : `/plans/${id}/priorities/new`,
  priority: (id: string, priorityId: string) => `/plans/${id}/priorities/${priorityId}`,
  priorityMove: (id: string, priorityId: string) => `/plans/${id}/priorities/${priorityId}/move`,
  actionNew: (id: string, priorityId: string) => `/plans/${id}/priorities/${priorityId}/actions/new`,
  action: (id: string, actionId: string, done?: PlanDone) => withDone(`/plans/${id}/actions/${actionId}`, done),
  actionEdit: (id: string, actionId: string) => `/plans/${id}/actions/${actionId}/edit`,
  updateNew: (id: string, actionId: string) => `/plans/${id}/actions/${actionId}/updates/new`,
  evidence: (id: string, updateId: string) => `/plans/${id}/evidence/${updateId}`,
  milestoneNew: (id: string) => `/plans/${id}/milestones/new`,
  milestone: (id: string, milestoneId: string) => `/plans/${id}/milestones/${milestoneId}`,
  exportPdf: (id: string) => `/plans/${id}/export.pdf`,
  actionsCsv: (id: string) => `/plans/${id}/actions.csv`,
  sharing: (id: string, done?: PlanDone) => withDone(`/plans/${id}/sharing`, done),
  shareRevoke: (id: string, shareId: string) => `/plans/${id}/sharing/${shareId}/revoke`,
  comments: (id: string, priorityId: string, done?: PlanDone) =>
    withDone(`/plans/${id}/priorities/${priorityId}/comments`, done),
  close: (id: string) => `/plans/${id}/close`,
  /** A new plan, starting from a closed plan's medium-term priorities. */
  nextPlan: (previousPlanId: string) => `/plans/${previousPlanId}/next`,
};
