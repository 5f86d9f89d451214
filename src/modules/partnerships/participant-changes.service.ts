import { assertAllowed } from '../../platform/access/access.ts';
import { recordAuditEvent, type AuditRequestContext } from '../../platform/audit/audit.ts';
import type { Viewer } from '../../platform/auth/viewer.ts';
import type { AppDb } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/app-error.ts';
import * as changes from './participant-changes.repository.ts';
import { loadPartnership } from './partnership-access.service.ts';
import { partyOf } from './parties.ts';
import { managePartnership, seePartnershipSummary } from './partnerships.policy.ts';
import { listParticipants, type ParticipantRow } from './partnerships.repository.ts';
import type { PartnershipSide } from './partnerships.tables.ts';

/**
 * Changes to who takes part, for the provider's staff: taking someone out, and making someone a
 * lead contact or no longer one. Both keep each party (a side, or in a triad a trust) answered for:
 * never empty, and never without a lead contact when it had one, since a lead accepts the agreement
 * and records the third-term decision.
 */

/** How each side is named in a sentence: "the only lead contact of the mentor side". */
const sideNames: Record<PartnershipSide, string> = {
  mentor: 'the mentor side',
  mentee: 'the mentee side',
  peer: 'the peers',
};

/** The party someone answers for, in words: their trust in a triad, otherwise their side. */
function partyName(participant: ParticipantRow): { of: string; on: string; to: string } {
  const trust = participant.side === 'peer' ? participant.organisationName : null;
  if (trust) return { of: trust, on: `for ${trust}`, to: `for ${trust}` };
  const side = sideNames[participant.side];
  return { of: side, on: `on ${side}`, to: `to ${side}` };
}

/** Whether `participant` is the last lead contact of their party. */
function lastLead(participants: ParticipantRow[], participant: ParticipantRow): boolean {
  const leads = participants.filter((each) => partyOf(each) === partyOf(participant) && each.lead);
  return participant.lead && leads.length === 1;
}

/** Why someone may not leave, or null when they may. */
function removalProblem(participants: ParticipantRow[], leaving: ParticipantRow): string | null {
  const name = partyName(leaving);
  if (participants.filter((each) => partyOf(each) === partyOf(leaving)).length === 1) {
    return `${leaving.displayName} is the only participant ${name.on}. Add someone else ${name.to} before removing them`;
  }
  if (lastLead(participants, leaving)) {
    return `${leaving.displayName} is the only lead contact of ${name.of}. Add another lead contact ${name.to} before removing them`;
  }
  return null;
}

/**
 * The partnership, held for the change when `forUpdate`, and who takes part. As with adding:
 * outsiders are told the partnership does not exist; participants, that who takes part is the
 * provider's to change.
 */
async function loadForChange(db: AppDb, actor: Viewer | null, partnershipId: string, forUpdate = false) {
  const partnership = await loadPartnership(db, { actor, partnershipId, permission: seePartnershipSummary, forUpdate });
  await assertAllowed(db, { actor, permission: managePartnership, ids: [partnershipId] });
  return { partnership, participants: await listParticipants(db, [partnershipId]) };
}

/** One participant, for the page asking whether to remove them, with why they may not be removed if so. */
export async function getParticipantToRemove({
  db,
  actor,
  partnershipId,
  personId,
}: {
  db: AppDb;
  actor: Viewer | null;
  partnershipId: string;
  personId: string;
}) {
  const { partnership, participants } = await loadForChange(db, actor, partnershipId);
  const participant = participants.find((each) => each.personId === personId);
  if (!participant) throw AppError.notFound();
  return { partnership, participant, problem: removalProblem(participants, participant) };
}

export type ChangeOutcome =
  { outcome: 'done' } | { outcome: 'not-taking-part' } | { outcome: 'refused'; message: string };

/**
 * Takes someone out of a partnership. Access is participation, read in SQL on every request, so
 * they lose it at once. The partnership is held while the parties are counted: two people removing
 * the last two leads of a side at once cannot both succeed.
 */
export async function removeParticipant({
  db,
  actor,
  partnershipId,
  personId,
  audit,
}: {
  db: AppDb;
  actor: Viewer | null;
  partnershipId: string;
  personId: string;
  audit: AuditRequestContext;
}): Promise<ChangeOutcome> {
  return db.transaction(async (tx) => {
    const { participants } = await loadForChange(tx, actor, partnershipId, true);
    const leaving = participants.find((each) => each.personId === personId);
    if (!leaving) return { outcome: 'not-taking-part' };
    const problem = removalProblem(participants, leaving);
    if (problem) return { outcome: 'refused', message: problem };
    await changes.deleteParticipant(tx, { partnershipId, personId });
    // Filed under no organisation, as the partnership's reads are, so the mentee's trust learns
    // nothing; the removed person sees it on their account's activity.
    await recordAuditEvent(
      tx,
      {
        action: 'partnership.participant_removed',
        actorPersonId: actor?.personId ?? null,
        subjectPersonId: personId,
        details: { id: partnershipId, side: leaving.side, lead: leaving.lead },
      },
      audit,
    );
    return { outcome: 'done' };
  });
}

/**
 * Makes someone a lead contact of their party, or no longer one. Asking for what already holds (a
 * second press) changes nothing and records nothing; the last lead of a party stays one.
 */
export async function setParticipantLead({
  db,
  actor,
  partnershipId,
  personId,
  lead,
  audit,
}: {
  db: AppDb;
  actor: Viewer | null;
  partnershipId: string;
  personId: string;
  lead: boolean;
  audit: AuditRequestContext;
}): Promise<ChangeOutcome> {
  return db.transaction(async (tx) => {
    const { participants } = await loadForChange(tx, actor, partnershipId, true);
    const participant = participants.find((each) => each.personId === personId);
    if (!participant) return { outcome: 'not-taking-part' };
    if (participant.lead === lead) return { outcome: 'done' };
    if (!lead && lastLead(participants, participant)) {
      const { of } = partyName(participant);
      return {
        outcome: 'refused',
        message: `${participant.displayName} is the only lead contact of ${of}. Make someone else a lead contact of ${of} first`,
      };
    }
    await changes.updateParticipantLead(tx, { partnershipId, personId, lead });
    await recordAuditEvent(
      tx,
      {
        action: 'partnership.lead_changed',
        actorPersonId: actor?.personId ?? null,
        subjectPersonId: personId,
        details: { id: partnershipId, side: participant.side, lead },
      },
      audit,
    );
    return { outcome: 'done' };
  });
}
