import type { FastifyInstance } from 'fastify';
import type { AppDb } from '../../platform/db/database.ts';
import { benchmarkRoutes } from './benchmarks.routes.tsx';
import { reviewPeopleRoutes } from './people.routes.tsx';
import { ratingRoutes } from './ratings.routes.tsx';
import { reviewActivityRoutes } from './review-activity.routes.tsx';
import { reviewPaths } from './reviews.paths.ts';
import { resultsRoutes } from './results.routes.tsx';
import { reviewRoutes } from './reviews.routes.tsx';

export { reviewPaths } from './reviews.paths.ts';
/** For development plans: a review's element, read by someone who sees the review's results (anyone else: 404). */
export { findElement, frameworkOf, loadReview } from './review-access.service.ts';
export { seeResultsOf } from './reviews.policy.ts';
/** For trust-to-trust partnerships: the reviews a person leads, one of them the diagnostic. */
export { listReviews } from './reviews.service.ts';
export { lead as leadReview, takePartIn as takePartInReview } from './reviews.policy.ts';

/**
 * Reviews: a trust rated against a published framework version by people in groups, with
 * agreed ratings, results, peer challenge, history, exports and benchmarks. Who sees what is
 * in reviews.policy.ts.
 */
export async function reviewsModule(app: FastifyInstance, { db }: { db: AppDb }): Promise<void> {
  app.navigation.add({
    label: 'Reviews',
    href: reviewPaths.list,
    order: 25,
    visibleTo: (viewer) => viewer !== null,
  });
  await app.register(reviewRoutes, { db });
  await app.register(reviewPeopleRoutes, { db });
  await app.register(ratingRoutes, { db });
  await app.register(resultsRoutes, { db });
  await app.register(benchmarkRoutes, { db });
  // The trust leaders' log of who has read their reviews' content.
  await app.register(reviewActivityRoutes, { db });
}
