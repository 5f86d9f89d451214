import { allowedIds } from '../../platform/access/access.ts';
import type { AuditRequestContext } from '../../platform/audit/audit.ts';
import type { Viewer } from '../../platform/auth/viewer.ts';
import type { AppDb } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { listPlans, listPlansSharedWithMe, sharePlan } from '../plans/index.ts';
import { leadReview, listReviews, takePartInReview } from '../reviews/index.ts';
import { loadPartnership, recordPartnershipRead } from './partnership-access.service.ts';
import { seePartnershipContent } from './partnerships.policy.ts';
import * as repository from './partnerships.repository.ts';

/**
 * A trust-to-trust partnership's diagnostic and plan (SPEC section 2): the mentee trust reviewed
 * against a framework with the mentor trust as peer challenge, and the development plan that
 * follows, shared with the mentor trust. Both live in their own modules (their own access rules);
 * the partnership records which they are.
 */

export interface TrustToTrust {
  partnership: repository.PartnershipRow;
  /** The linked review, when the viewer takes part in it; `linked` says whether there is one at all. */
  diagnostic: { linked: boolean; review: { id: string; title: string; partnerName: string | null } | null };
  plan: { linked: boolean; plan: { id: string; title: string } | null };
  /** Reviews of the mentee trust the viewer leads, and its plans they read, to link. */
  reviewChoices: Array<{ id: string; title: string }>;
  planChoices: Array<{ id: string; title: string }>;
}

async function loadTrustToTrust(db: AppDb, actor: Viewer | null, partnershipId: string, forUpdate = false) {
  const partnership = await loadPartnership(db, { actor, partnershipId, permission: seePartnershipContent, forUpdate });
  if (partnership.kind !== 'trust_to_trust') throw AppError.notFound();
  return partnership;
}

export async function getTrustToTrust({
  db,
  actor,
  partnershipId,
  audit,
}: {
  db: AppDb;
  actor: Viewer | null;
  partnershipId: string;
  audit: AuditRequestContext;
}): Promise<TrustToTrust> {
  const partnership = await loadTrustToTrust(db, actor, partnershipId);
  const [{ mine: reviews }, plans, shared, inReview] = await Promise.all([
    listReviews({ db, actor, page: 1 }),
    listPlans({ db, actor }),
    listPlansSharedWithMe({ db, actor }),
    allowedIds(db, {
      actor,
      permission: takePartInReview,
      ids: partnership.diagnosticReviewId ? [partnership.diagnosticReviewId] : [],
    }),
  ]);
  const trustPlans = plans.organisations.find((each) => each.id === partnership.menteeTrustId)?.plans ?? [];
  const review = reviews.find((each) => each.id === partnership.diagnosticReviewId && inReview.has(each.id));
  // The mentor trust reads the plan through its share; the mentee trust as its own.
  const plan = [...trustPlans, ...shared].find((each) => each.id === partnership.planId);
  await recordPartnershipRead(db, { actor, partnership, kind: 'partnership.diagnostic' }, audit);
  return {
    partnership,
    diagnostic: {
      linked: partnership.diagnosticReviewId !== null,
      review: review ? { id: review.id, title: review.title, partnerName: review.partnerOrganisationName } : null,
    },
    plan: { linked: partnership.planId !== null, plan: plan ? { id: plan.id, title: plan.title } : null },
    reviewChoices: reviews
      .filter((each) => each.organisationId === partnership.menteeTrustId && each.part !== 'rater')
      .map(({ id, title }) => ({ id, title })),
    planChoices: trustPlans.filter((each) => each.status !== 'closed').map(({ id, title }) => ({ id, title })),
  };
}

/** Makes a review of the mentee trust, which the actor leads, the partnership's diagnostic. */
export async function linkDiagnostic({
  db,
  actor,
  partnershipId,
  reviewId,
}: {
  db: AppDb;
  actor: Viewer | null;
  partnershipId: string;
  reviewId: string;
}): Promise<'linked' | 'not-the-mentee-trust'> {
  const partnership = await loadTrustToTrust(db, actor, partnershipId);
  const led = await allowedIds(db, { actor, permission: leadReview, ids: [reviewId] });
  if (!led.has(reviewId)) throw AppError.notFound();
  const { mine } = await listReviews({ db, actor, page: 1 });
  if (mine.find((each) => each.id === reviewId)?.organisationId !== partnership.menteeTrustId)
    return 'not-the-mentee-trust';
  await repository.setLinks(db, partnershipId, { diagnosticReviewId: reviewId });
  return 'linked';
}

/**
 * Makes one of the mentee trust's plans the partnership's development plan, and shares it with
 * the mentor trust to read and comment (through the plans module, which logs the share).
 */
export async function linkPlan({
  db,
  actor,
  partnershipId,
  planId,
  audit,
}: {
  db: AppDb;
  actor: Viewer | null;
  partnershipId: string;
  planId: string;
  audit: AuditRequestContext;
}): Promise<'linked' | 'not-the-mentee-trust' | 'no-mentor-trust'> {
  const partnership = await loadTrustToTrust(db, actor, partnershipId);
  const { organisations } = await listPlans({ db, actor });
  const plan = organisations.flatMap((each) => each.plans).find((each) => each.id === planId);
  if (!plan) throw AppError.notFound();
  if (plan.organisationId !== partnership.menteeTrustId) return 'not-the-mentee-trust';
  if (!partnership.mentorTrustId) return 'no-mentor-trust';
  const shared = await sharePlan({
    db,
    actor,
    planId,
    shareWith: { organisationId: partnership.mentorTrustId },
    access: 'comment',
    audit,
  });
  if (shared.outcome === 'refused') throw AppError.conflict(shared.message);
  await repository.setLinks(db, partnershipId, { planId });
  return 'linked';
}
