import type { FastifyInstance } from 'fastify';
import type { AppDb } from '../../platform/db/database.ts';
import { actionRoutes } from './actions.routes.tsx';
import { exportRoutes } from './exports/exports.routes.ts';
import { closingRoutes } from './closing.routes.tsx';
import { commentRoutes } from './comments.routes.tsx';
import { fromReviewRoutes } from './from-review.routes.tsx';
import { milestoneRoutes } from './milestones.routes.tsx';
import { planPaths } from './plans.paths.ts';
import { planRoutes } from './plans.routes.tsx';
import { priorityRoutes } from './priorities.routes.tsx';
import { progressRoutes } from './progress.routes.tsx';
import { sharingRoutes } from './sharing.routes.tsx';
import { timelineRoutes } from './timeline.routes.tsx';

export { planPaths } from './plans.paths.ts';
/** For trust-to-trust partnerships: the mentee trust's plans, one of them shared with the mentor trust. */
export { listPlans } from './plans.service.ts';
export { listPlansSharedWithMe, sharePlan } from './sharing.service.ts';
/** For the home page: the viewer's own actions overdue or due within a fortnight. */
export { actionsForHome, type HomeAction } from './digest/home-actions.service.ts';
/** The weekly email of actions overdue or due, declared with the app's other jobs. */
export { registerWeeklyDigest, WEEKLY_DIGEST_JOB } from './digest/weekly-digest.ts';

/**
 * Development plans: a trust's plan or a person's own, with priorities (made from a review's
 * findings or written afresh), actions with owners and due dates, progress updates with
 * evidence, and milestones. Who sees and changes what is in plans.policy.ts.
 */
export async function plansModule(app: FastifyInstance, { db }: { db: AppDb }): Promise<void> {
  app.navigation.add({
    label: 'Plans',
    href: planPaths.list,
    order: 27,
    visibleTo: (viewer) => viewer !== null,
  });
  await app.register(planRoutes, { db });
  await app.register(priorityRoutes, { db });
  await app.register(actionRoutes, { db });
  await app.register(progressRoutes, { db });
  await app.register(milestoneRoutes, { db });
  await app.register(timelineRoutes, { db });
  await app.register(fromReviewRoutes, { db });
  await app.register(exportRoutes, { db });
  await app.register(sharingRoutes, { db });
  await app.register(commentRoutes, { db });
  await app.register(closingRoutes, { db });
}
