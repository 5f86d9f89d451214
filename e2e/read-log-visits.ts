import { recordAuditEvent } from '../src/platform/audit/audit.ts';
import type { AppDb } from '../src/platform/db/database.ts';
import { builtinVersion, createReview } from '../test/support/review-factories.ts';
import type { SignedIn } from '../test/support/sign-in.ts';
import type { PageVisit } from './support/page-visit.ts';

/**
 * "Who has read your reviews", as the trust's chief executive sees it: a review of their trust
 * read often enough for a table and its page links (26 reads: two pages).
 */
export function reviewActivityVisit(db: AppDb): PageVisit {
  const recordReads = async (signedIn: SignedIn | null) => {
    if (!signedIn) return;
    const version = await builtinVersion(db, 'trust-development');
    const reviewId = await createReview(db, { organisation: signedIn.organisation, version, closedAt: null });
    for (let minute = 0; minute < 26; minute += 1) {
      const read = minute % 2 === 0 ? { kind: 'review.heat-map' } : { kind: 'review.export', format: 'pdf' };
      await recordAuditEvent(db, {
        action: 'confidential.read',
        actorPersonId: signedIn.person.id,
        organisationId: signedIn.organisation.id,
        details: { ...read, id: reviewId },
        occurredAt: new Date(Date.UTC(2026, 10, 24, 15, minute)),
      });
    }
  };
  return {
    name: 'review-activity',
    route: '/organisations/:id/review-activity',
    path: '/organisations/(their trust)/review-activity',
    pathFor: (signedIn) => `/organisations/${signedIn?.organisation.id ?? 'none'}/review-activity`,
    visitors: ['ceo'],
    status: 200,
    heading: () => 'Who has read your reviews',
    prepare: recordReads,
  };
}
