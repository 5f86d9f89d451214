import type { AuditRequestContext } from '../../platform/audit/audit.ts';
import type { Viewer } from '../../platform/auth/viewer.ts';
import { isUniqueViolation, type AppDb } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { lookUpWithinMissLimit } from '../../platform/http/lookup-limit.ts';
import { assertOpen, loadReview } from './review-access.service.ts';
import { lead } from './reviews.policy.ts';
import * as ratingsRepository from './ratings.repository.ts';
import * as repository from './reviews.repository.ts';

export type AddParticipantOutcome =
  | { outcome: 'added'; displayName: string }
  | { outcome: 'no-account' }
  /** The actor has drawn a blank on too many addresses lately; nothing was looked up. */
  | { outcome: 'lookup-limited' }
  | { outcome: 'already-taking-part' }
  | { outcome: 'unknown-group' }
  | { outcome: 'partner-not-in-a-trust' }
  | { outcome: 'partner-from-another-trust'; partnerName: string };

/**
 * Adds a person with a Tandem account to the review, in a group, as a lead, or both.
 * Everyone in the partner group comes from one other trust: the first of them names it.
 */
export async function addParticipant({
  db,
  actor,
  reviewId,
  email,
  groupId,
  asLead,
  audit = {},
}: {
  db: AppDb;
  actor: Viewer | null;
  reviewId: string;
  email: string;
  groupId: string | null;
  asLead: boolean;
  audit?: AuditRequestContext;
}): Promise<AddParticipantOutcome> {
  if (!actor) throw AppError.notFound();
  const { personId } = actor;
  return db.transaction(async (tx) => {
    const review = await loadReview(tx, { actor, reviewId, permission: lead, forUpdate: true });
    assertOpen(review);
    const lookup = await lookUpWithinMissLimit(tx, { personId, purpose: 'review.participant', audit }, async () => {
      const found = await repository.findPersonByEmail(tx, email);
      return found && !found.deactivatedAt ? found : null;
    });
    if (lookup.outcome === 'limited') return { outcome: 'lookup-limited' };
    if (lookup.outcome === 'missing') return { outcome: 'no-account' };
    const person = lookup.found;
    const groups = await repository.listGroups(tx, reviewId);
    const group = groupId ? groups.find((each) => each.id === groupId) : null;
    if (groupId && !group) return { outcome: 'unknown-group' };
    if (group?.partner) {
      const trusts = await repository.listOtherTrustsOfPerson(tx, person.id, review.organisationId);
      const partner = review.partnerOrganisationId
        ? trusts.find((trust) => trust.id === review.partnerOrganisationId)
        : trusts[0];
      if (!partner && review.partnerOrganisationId) {
        return { outcome: 'partner-from-another-trust', partnerName: review.partnerOrganisationName ?? '' };
      }
      if (!partner) return { outcome: 'partner-not-in-a-trust' };
      if (!review.partnerOrganisationId) {
        await repository.updateReview(tx, reviewId, { partnerOrganisationId: partner.id });
      }
    }
    try {
      await tx.transaction(async (savepoint) =>
        repository.insertParticipant(savepoint, { reviewId, personId: person.id, groupId, lead: asLead }),
      );
    } catch (error) {
      if (isUniqueViolation(error)) return { outcome: 'already-taking-part' };
      throw error;
    }
    return { outcome: 'added', displayName: person.displayName };
  });
}

export type RemoveParticipantOutcome =
  | { outcome: 'removed' }
  | { outcome: 'last-lead' }
  | { outcome: 'has-ratings'; rated: number }
  | { outcome: 'not-found' };

/**
 * Takes someone out of a review. A review always keeps a lead, and a participant who has rated
 * stays: their ratings are part of the review and are never deleted behind their back.
 */
export async function removeParticipant({
  db,
  actor,
  reviewId,
  participantId,
}: {
  db: AppDb;
  actor: Viewer | null;
  reviewId: string;
  participantId: string;
}): Promise<RemoveParticipantOutcome> {
  return db.transaction(async (tx) => {
    const review = await loadReview(tx, { actor, reviewId, permission: lead, forUpdate: true });
    assertOpen(review);
    const participants = await repository.listParticipants(tx, reviewId);
    const participant = participants.find((each) => each.id === participantId);
    if (!participant) return { outcome: 'not-found' };
    if (participant.lead && participants.filter((each) => each.lead).length === 1) return { outcome: 'last-lead' };
    const saved = await ratingsRepository.listRatingsOfParticipant(tx, participantId);
    if (saved.length > 0) return { outcome: 'has-ratings', rated: saved.length };
    await repository.deleteParticipant(tx, { reviewId, participantId });
    return { outcome: 'removed' };
  });
}

/** One participant, for the remove confirmation page. */
export async function getParticipant({
  db,
  actor,
  reviewId,
  participantId,
}: {
  db: AppDb;
  actor: Viewer | null;
  reviewId: string;
  participantId: string;
}): Promise<repository.ParticipantRow | null> {
  await loadReview(db, { actor, reviewId, permission: lead });
  const participants = await repository.listParticipants(db, reviewId);
  return participants.find((each) => each.id === participantId) ?? null;
}
