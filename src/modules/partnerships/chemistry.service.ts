import { randomUUID } from 'node:crypto';
import { assertAllowed, permissionsOn } from '../../platform/access/access.ts';
import type { AuditRequestContext } from '../../platform/audit/audit.ts';
import type { Viewer } from '../../platform/auth/viewer.ts';
import type { NoteCipher } from '../../platform/crypto/note-cipher.ts';
import { isUniqueViolation, type AppDb } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { scheduleChemistry, seeChemistryConversation } from './chemistry.policy.ts';
import * as repository from './chemistry.repository.ts';
import { matchingStates, rankingFor } from './matching.service.ts';
import {
  assertState,
  loadPartnership,
  mayOn,
  recordPartnershipRead,
  type PartnershipRow,
} from './partnership-access.service.ts';
import { actAsMentee, managePartnership } from './partnerships.policy.ts';
import { partnershipPaths } from './partnerships.paths.ts';
import { findPartnership, insertParticipant, setState } from './partnerships.repository.ts';

export type { ConversationRow } from './chemistry.repository.ts';

/**
 * Chemistry conversations (issue 6 item 4): each with a different mentor, scheduled by the
 * mentee side or the provider; the mentee keeps a sealed outcome note, chooses, and the provider
 * confirms the match, which makes the chosen mentor the partnership's mentor.
 */

/** The form to schedule one: the mentors who may be offered, best first, and the conversations so far. */
export async function getNewConversation({
  db,
  actor,
  partnershipId,
}: {
  db: AppDb;
  actor: Viewer | null;
  partnershipId: string;
}) {
  const partnership = await loadPartnership(db, { actor, partnershipId, permission: scheduleChemistry });
  assertState(partnership, matchingStates);
  const [ranking, conversations, isStaff] = await Promise.all([
    rankingFor(db, partnership),
    repository.listConversations(db, partnershipId),
    mayOn(db, actor, managePartnership, partnershipId),
  ]);
  return { partnership, ranked: ranking.ranked, conversations, isStaff };
}

export type ScheduleOutcome =
  { outcome: 'scheduled'; conversationId: string } | { outcome: 'not-offered' } | { outcome: 'same-mentor' };

/** Schedules a conversation with a ranked mentor; the first moves the partnership on to chemistry. */
export async function scheduleConversation({
  db,
  actor,
  partnershipId,
  mentorProfileId,
  startsAt,
  durationMinutes,
  place,
  creationKey,
}: {
  db: AppDb;
  actor: Viewer | null;
  partnershipId: string;
  mentorProfileId: string;
  startsAt: Date;
  durationMinutes: number;
  place: string;
  creationKey: string;
}): Promise<ScheduleOutcome> {
  try {
    return await db.transaction(async (tx): Promise<ScheduleOutcome> => {
      const partnership = await loadPartnership(tx, {
        actor,
        partnershipId,
        permission: scheduleChemistry,
        forUpdate: true,
      });
      assertState(partnership, matchingStates);
      const { ranked } = await rankingFor(tx, partnership);
      const mentor = ranked.find((each) => each.mentor.id === mentorProfileId)?.mentor;
      if (!mentor) return { outcome: 'not-offered' };
      const conversationId = await repository.insertConversation(tx, {
        id: randomUUID(),
        partnershipId,
        mentorPersonId: mentor.personId,
        startsAt,
        durationMinutes,
        place,
        creationKey,
      });
      if (partnership.state === 'matching') await setState(tx, partnershipId, 'chemistry');
      return { outcome: 'scheduled', conversationId };
    });
  } catch (error) {
    // chemistry_conversations_one_per_mentor: a live conversation with this mentor exists already.
    if (isUniqueViolation(error)) return { outcome: 'same-mentor' };
    throw error;
  }
}

export interface ConversationView {
  partnership: PartnershipRow;
  conversation: Omit<repository.ConversationRow, 'outcomeNoteCiphertext'>;
  /** The mentee side's note, opened for them alone; null for everyone else or when there is none. */
  note: string | null;
  isMenteeSide: boolean;
  /** Mark it held or cancelled: the mentee side and the provider's staff. */
  mayManage: boolean;
}

async function loadConversation(
  db: AppDb,
  { actor, partnershipId, conversationId }: { actor: Viewer | null; partnershipId: string; conversationId: string },
  { forUpdate = false } = {},
) {
  await assertAllowed(db, {
    actor,
    permission: seeChemistryConversation,
    ids: [conversationId],
    whenDenied: 'not-found',
  });
  const conversation = await repository.findConversation(db, { partnershipId, conversationId }, { forUpdate });
  const partnership = conversation ? await findPartnership(db, partnershipId) : null;
  if (!conversation || !partnership) throw AppError.notFound();
  const { isMenteeSide, isStaff } = await permissionsOn(db, {
    actor,
    permissions: { isMenteeSide: actAsMentee, isStaff: managePartnership },
    id: partnershipId,
  });
  return { conversation, partnership, isMenteeSide, mayManage: isMenteeSide || isStaff };
}

/** One conversation, for its mentor, the mentee side and the provider's staff; the note for the mentee side only. */
export async function getConversation({
  db,
  cipher,
  actor,
  partnershipId,
  conversationId,
  audit,
}: {
  db: AppDb;
  cipher: NoteCipher;
  actor: Viewer | null;
  partnershipId: string;
  conversationId: string;
  audit: AuditRequestContext;
}): Promise<ConversationView> {
  const { conversation, partnership, isMenteeSide, mayManage } = await loadConversation(db, {
    actor,
    partnershipId,
    conversationId,
  });
  const { outcomeNoteCiphertext, ...shown } = conversation;
  let note: string | null = null;
  if (isMenteeSide && outcomeNoteCiphertext) {
    note = cipher.decrypt(outcomeNoteCiphertext, conversation.id);
    await recordPartnershipRead(
      db,
      { actor, partnership, kind: 'partnership.chemistry-note', details: { conversationId } },
      audit,
    );
  }
  return { partnership, conversation: shown, note, isMenteeSide, mayManage };
}

/** Saves the mentee side's outcome note, sealed with the conversation's id; an empty note removes it. */
export async function saveOutcomeNote({
  db,
  cipher,
  actor,
  partnershipId,
  conversationId,
  note,
}: {
  db: AppDb;
  cipher: NoteCipher;
  actor: Viewer | null;
  partnershipId: string;
  conversationId: string;
  note: string;
}): Promise<void> {
  await db.transaction(async (tx) => {
    const loaded = await loadConversation(tx, { actor, partnershipId, conversationId }, { forUpdate: true });
    if (!loaded.isMenteeSide) throw AppError.forbidden();
    const sealed = note === '' ? null : cipher.encrypt(note, conversationId);
    await repository.updateConversation(tx, conversationId, { outcomeNoteCiphertext: sealed });
  });
}

/** Marks the conversation held or cancelled while matching goes on; a cancelled one is no longer chosen. */
export async function setConversationStatus({
  db,
  actor,
  partnershipId,
  conversationId,
  status,
}: {
  db: AppDb;
  actor: Viewer | null;
  partnershipId: string;
  conversationId: string;
  status: 'held' | 'cancelled';
}): Promise<void> {
  await db.transaction(async (tx) => {
    const loaded = await loadConversation(tx, { actor, partnershipId, conversationId }, { forUpdate: true });
    if (!loaded.mayManage) throw AppError.forbidden();
    assertState(loaded.partnership, matchingStates);
    if (loaded.conversation.status === 'cancelled' && status === 'held') {
      throw AppError.conflict('A cancelled conversation cannot be held', {
        title: 'That conversation was cancelled',
        paragraphs: ['Schedule a new conversation with this mentor instead.'],
        link: { href: partnershipPaths.of(partnershipId, 'chemistryNew'), text: 'Schedule a conversation' },
      });
    }
    await repository.updateConversation(tx, conversationId, {
      status,
      ...(status === 'cancelled' ? { chosen: false } : {}),
    });
  });
}

/** The mentee side chooses the mentor of a held conversation (a new choice replaces the old one). */
export async function chooseMentor({
  db,
  actor,
  partnershipId,
  conversationId,
}: {
  db: AppDb;
  actor: Viewer | null;
  partnershipId: string;
  conversationId: string;
}): Promise<void> {
  await db.transaction(async (tx) => {
    const partnership = await loadPartnership(tx, { actor, partnershipId, permission: actAsMentee, forUpdate: true });
    assertState(partnership, matchingStates);
    const conversation = await repository.findConversation(tx, { partnershipId, conversationId }, { forUpdate: true });
    if (!conversation) throw AppError.notFound();
    if (conversation.status !== 'held') {
      throw AppError.conflict('Only a held conversation’s mentor can be chosen', {
        title: 'Hold the conversation first',
        paragraphs: [`Mark the conversation with ${conversation.mentorName} as held before you choose them.`],
        link: {
          href: partnershipPaths.of(partnershipId, 'chemistry', { conversationId }),
          text: 'Go to the conversation',
        },
      });
    }
    await repository.clearChosen(tx, partnershipId, conversationId);
    await repository.updateConversation(tx, conversationId, { chosen: true });
  });
}

/**
 * The provider confirms the mentee's choice: the chosen mentor becomes the partnership's lead
 * mentor and the partnership moves on to the agreement, in one transaction over the held row.
 */
export async function confirmMatch({
  db,
  actor,
  partnershipId,
}: {
  db: AppDb;
  actor: Viewer | null;
  partnershipId: string;
}): Promise<void> {
  if (!actor) throw AppError.notFound();
  await db.transaction(async (tx) => {
    const partnership = await loadPartnership(tx, {
      actor,
      partnershipId,
      permission: managePartnership,
      forUpdate: true,
    });
    assertState(partnership, matchingStates);
    const chosen = (await repository.listConversations(tx, partnershipId)).find((each) => each.chosen);
    if (!chosen) {
      throw AppError.conflict('The mentee has not chosen a mentor yet', {
        title: 'The mentee has not chosen a mentor yet',
        paragraphs: ['The mentee chooses after their chemistry conversations; then the match can be confirmed.'],
        link: { href: partnershipPaths.of(partnershipId, 'matching'), text: 'Back to matching' },
      });
    }
    await insertParticipant(tx, { partnershipId, personId: chosen.mentorPersonId, side: 'mentor', lead: true });
    await setState(tx, partnershipId, 'agreement', {
      matchConfirmedAt: new Date(),
      matchConfirmedByPersonId: actor.personId,
    });
  });
}
