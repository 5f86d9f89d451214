import type { AuditRequestContext } from '../../platform/audit/audit.ts';
import type { Viewer } from '../../platform/auth/viewer.ts';
import type { AppDb } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { loadAsParticipant } from './establishing.service.ts';
import * as goalsRepository from './goals.repository.ts';
import {
  assertState,
  recordPartnershipRead,
  type ParticipantRow,
  type PartnershipRow,
} from './partnership-access.service.ts';
import { listParticipants, setState } from './partnerships.repository.ts';
import { partnershipSides, type PartnershipSide, type PartnershipState } from './partnerships.tables.ts';
import * as repository from './third-term-review.repository.ts';

export type { GoalReviewRow } from './third-term-review.repository.ts';

/**
 * The third-term review (SPEC section 2, step 9): each side writes its view of progress on every
 * goal (the mentor side's and the mentee side's; in a triad, the peers' one view). A person writes
 * for their own side only. The first save opens the review.
 */
export const reviewWritableStates: readonly PartnershipState[] = ['meetings', 'review'];
const reviewReadableStates: readonly PartnershipState[] = ['meetings', 'review', 'closed'];

export interface ReviewPage {
  partnership: PartnershipRow;
  me: ParticipantRow;
  goals: goalsRepository.GoalRow[];
  reviews: repository.GoalReviewRow[];
  /** The sides taking part, each of which gives its view of every goal. */
  sides: PartnershipSide[];
  participants: ParticipantRow[];
  editable: boolean;
}

/** The sides that review: those with someone taking part, in the order mentor, mentee, peer. */
export function reviewingSides(participants: Array<{ side: PartnershipSide }>): PartnershipSide[] {
  return partnershipSides.filter((side) => participants.some((each) => each.side === side));
}

/** A view still to write: the goal and the side whose view it is. */
export interface MissingView {
  goalId: string;
  goalTitle: string;
  side: PartnershipSide;
}

export function missingViews(
  goals: goalsRepository.GoalRow[],
  reviews: repository.GoalReviewRow[],
  sides: PartnershipSide[],
): MissingView[] {
  return goals.flatMap((goal) =>
    sides
      .filter((side) => !reviews.some((each) => each.goalId === goal.id && each.side === side))
      .map((side) => ({ goalId: goal.id, goalTitle: goal.title, side })),
  );
}

/** The review's content, without recording a read: for the pages that record their own. */
export async function reviewContent(
  db: AppDb,
  { actor, partnershipId, forUpdate = false }: { actor: Viewer | null; partnershipId: string; forUpdate?: boolean },
): Promise<ReviewPage> {
  const { partnership, me } = await loadAsParticipant(db, { actor, partnershipId, forUpdate });
  const participants = await listParticipants(db, [partnershipId]);
  return {
    partnership,
    me,
    goals: await goalsRepository.listGoals(db, partnershipId),
    reviews: await repository.listGoalReviews(db, partnershipId),
    sides: reviewingSides(participants),
    participants,
    editable: reviewWritableStates.includes(partnership.state),
  };
}

/** The review page; a read of the partnership's content. Before the meetings there is nothing to review. */
export async function getReviewPage({
  db,
  actor,
  partnershipId,
  audit,
  forWriting = false,
}: {
  db: AppDb;
  actor: Viewer | null;
  partnershipId: string;
  audit: AuditRequestContext;
  /** For a form sent back: refused (409) unless views may be written now. */
  forWriting?: boolean;
}): Promise<ReviewPage> {
  const page = await reviewContent(db, { actor, partnershipId });
  assertState(page.partnership, forWriting ? reviewWritableStates : reviewReadableStates);
  await recordPartnershipRead(db, { actor, partnership: page.partnership, kind: 'partnership.review' }, audit);
  return page;
}

/** One goal's progress as typed, over the version of the side's view the form was opened on (0: none yet). */
export interface ProgressEntry {
  goalId: string;
  progress: string;
  version: number;
}

export type ReviewSaveOutcome =
  { outcome: 'saved' } | { outcome: 'stale'; current: ReviewPage; staleGoalIds: string[] };

/**
 * Saves the actor's side's view of the goals given, all or none: if someone of the same side saved
 * one of them since the form opened, nothing is saved and the person sees what is saved now.
 */
export async function saveReview({
  db,
  actor,
  partnershipId,
  side,
  entries,
}: {
  db: AppDb;
  actor: Viewer | null;
  partnershipId: string;
  /** The side the form was for: a person answers for their own side only. */
  side: string;
  entries: ProgressEntry[];
}): Promise<ReviewSaveOutcome> {
  if (!actor) throw AppError.notFound();
  return db.transaction(async (tx) => {
    const page = await reviewContent(tx, { actor, partnershipId, forUpdate: true });
    const { partnership, me } = page;
    if (side !== me.side) throw AppError.forbidden('A person writes their own side’s view only');
    assertState(partnership, reviewWritableStates);
    const ours = new Map(page.reviews.filter((each) => each.side === me.side).map((each) => [each.goalId, each]));
    const known = entries.filter((entry) => page.goals.some((goal) => goal.id === entry.goalId));
    const staleGoalIds = known
      .filter((entry) => (ours.get(entry.goalId)?.version ?? 0) !== entry.version)
      .map((entry) => entry.goalId);
    if (staleGoalIds.length > 0) return { outcome: 'stale', current: page, staleGoalIds };
    for (const entry of known) {
      const values = { goalId: entry.goalId, side: me.side, progress: entry.progress, authorPersonId: actor.personId };
      if (ours.has(entry.goalId)) await repository.updateGoalReview(tx, { ...values, version: entry.version });
      else await repository.insertGoalReview(tx, { ...values, partnershipId });
    }
    if (partnership.state === 'meetings' && known.length > 0) await setState(tx, partnershipId, 'review');
    return { outcome: 'saved' };
  });
}
