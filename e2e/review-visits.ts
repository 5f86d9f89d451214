import type { AppDb } from '../src/platform/db/database.ts';
import { reviewPaths } from '../src/modules/reviews/index.ts';
import { createReviewLead } from '../test/support/review-factories.ts';
import { createReviewScene, createReviewsYearOnYear } from '../test/support/review-scene.ts';
import type { SignedIn } from '../test/support/sign-in.ts';
import type { PageVisit } from './support/page-visit.ts';

/**
 * The pages that show a review's results, against reviews made through the reviews services:
 * last year's closed review and this year's (see createReviewsYearOnYear), and an anonymous one
 * with too few answers to show.
 * Each visitor joins the review as a lead before opening the page: only participants see it.
 */
export async function reviewVisits(db: AppDb): Promise<PageVisit[]> {
  const { earlier, current } = await createReviewsYearOnYear(db, {
    trustName: 'Browser Suite Review Trust',
    titles: ['Browser suite review 2025', 'Browser suite review 2026'],
  });
  const anonymous = await createReviewScene(db, { title: 'Browser suite anonymous review', anonymous: true });

  const asLead = (reviewId: string) => async (signedIn: SignedIn | null) => {
    if (signedIn) await createReviewLead(db, reviewId, signedIn.person);
  };
  const visit = (name: string, route: string, heading: string, reviewId: string): PageVisit => ({
    name,
    route,
    path: route.replace(':id', reviewId),
    visitors: ['ceo'],
    status: 200,
    heading: () => heading,
    prepare: asLead(reviewId),
  });
  const { routes } = reviewPaths;
  return [
    visit('review-heat-map', routes.heatMap, 'Heat map', current.reviewId),
    visit('review-heat-map-anonymous', routes.heatMap, 'Heat map', anonymous.reviewId),
    visit('review-group-comparison', routes.groupComparison, 'Group comparison', current.reviewId),
    visit('review-peer-challenge', routes.peerChallenge, 'Peer challenge', current.reviewId),
    visit('review-history', routes.history, 'History', current.reviewId),
    visit('review-history-first', routes.history, 'History', earlier.reviewId),
  ];
}
