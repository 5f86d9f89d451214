import { eq } from 'drizzle-orm';
import { reviewGroups, reviewParticipants } from '../src/modules/reviews/reviews.tables.ts';
import type { AppDb } from '../src/platform/db/database.ts';
import { createReviewScene } from '../test/support/review-scene.ts';
import type { SignedIn } from '../test/support/sign-in.ts';
import type { PageVisit } from './support/page-visit.ts';

/**
 * The pages people use to run a review: the list, starting one, the review's page, its people
 * and groups, rating an element, agreeing a rating, closing, and benchmarking. Each visitor is made a lead and
 * a rater of an open review first, since nobody else may see these pages.
 */
export async function reviewSetupVisits(db: AppDb): Promise<PageVisit[]> {
  const scene = await createReviewScene(db, { title: 'Setup pages review', raters: 2 });
  const { reviewId } = scene;
  const groups = await db.select().from(reviewGroups).where(eq(reviewGroups.reviewId, reviewId));
  const [firstGroup] = groups.filter((group) => !group.partner);
  const emptyGroup = groups.find((group) => group.name === 'External facilitator');
  const [rater] = await db
    .select()
    .from(reviewParticipants)
    .where(eq(reviewParticipants.personId, scene.raters[0]?.id ?? ''));
  if (!firstGroup || !emptyGroup || !rater) throw new Error('the review scene has no groups or raters');
  const element = scene.elementKeys[0] ?? '';

  /** The visitor joins the review as a lead rating in its first group. */
  const joinAsLead = async (signedIn: SignedIn | null) => {
    if (!signedIn) return;
    await db
      .insert(reviewParticipants)
      .values({ reviewId, personId: signedIn.person.id, groupId: firstGroup.id, lead: true });
  };
  const lead = (name: string, route: string, path: string, heading: string | RegExp): PageVisit => ({
    name,
    route,
    path,
    visitors: ['ceo'],
    status: 200,
    heading: () => heading,
    prepare: joinAsLead,
  });
  const base = `/reviews/${reviewId}`;
  return [
    {
      name: 'reviews',
      route: '/reviews',
      path: '/reviews',
      visitors: ['ceo', 'programme_manager'],
      status: 200,
      heading: () => 'Reviews',
    },
    {
      name: 'review-start',
      route: '/organisations/:id/reviews/new',
      path: '/organisations/:id/reviews/new',
      pathFor: (signedIn) => `/organisations/${signedIn?.organisation.id ?? ''}/reviews/new`,
      visitors: ['ceo'],
      status: 200,
      heading: () => 'Start a review',
    },
    lead('review', '/reviews/:id', base, /Setup pages review/),
    {
      name: 'review-as-provider',
      route: '/reviews/:id',
      path: base,
      visitors: ['programme_manager'],
      status: 200,
      heading: () => /Setup pages review/,
    },
    lead('review-groups', '/reviews/:id/groups', `${base}/groups`, 'Groups'),
    lead(
      'review-group-remove',
      '/reviews/:id/groups/:groupId/remove',
      `${base}/groups/${emptyGroup.id}/remove`,
      'Remove the group “External facilitator”?',
    ),
    lead(
      'review-participant-new',
      '/reviews/:id/participants/new',
      `${base}/participants/new`,
      'Add a person to the review',
    ),
    lead(
      'review-participant-remove',
      '/reviews/:id/participants/:participantId/remove',
      `${base}/participants/${rater.id}/remove`,
      /^Remove .* from the review\?$/,
    ),
    lead('review-rate', '/reviews/:id/rate', `${base}/rate`, 'Your ratings'),
    lead('review-rate-element', '/reviews/:id/rate/:elementKey', `${base}/rate/${element}`, /.+/),
    lead('review-agree', '/reviews/:id/agree/:elementKey', `${base}/agree/${element}`, /^Agree the rating of /),
    lead('review-close', '/reviews/:id/close', `${base}/close`, 'Close the review?'),
    lead('review-benchmarks', '/reviews/:id/benchmarks', `${base}/benchmarks`, 'Benchmarks'),
    {
      name: 'benchmarking-consent',
      route: '/organisations/:id/benchmarking',
      path: '/organisations/:id/benchmarking',
      pathFor: (signedIn) => `/organisations/${signedIn?.organisation.id ?? ''}/benchmarking`,
      visitors: ['ceo'],
      status: 200,
      heading: () => 'Benchmarking',
    },
  ];
}
