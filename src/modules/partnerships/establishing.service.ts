import type { AuditRequestContext } from '../../platform/audit/audit.ts';
import type { Viewer } from '../../platform/auth/viewer.ts';
import type { AppDb } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/app-error.ts';
import * as repository from './establishing.repository.ts';
import * as goalsRepository from './goals.repository.ts';
import {
  assertState,
  loadPartnership,
  recordPartnershipRead,
  type ParticipantRow,
  type PartnershipRow,
} from './partnership-access.service.ts';
import { partnershipPaths } from './partnerships.paths.ts';
import { seePartnershipContent } from './partnerships.policy.ts';
import { listParticipants, setState } from './partnerships.repository.ts';
import type { PartnershipState } from './partnerships.tables.ts';

export type { EstablishingRow, EstablishingText } from './establishing.repository.ts';
export type { GoalRow } from './goals.repository.ts';

/**
 * The establishing meeting (SPEC section 2, step 6): the mentee's leadership story, current and
 * future needs, the year's objectives, and goals with measures of success. Both sides sit in the
 * meeting, so either writes; the record and the goals can be refined while the meetings run.
 */
export const establishingStates: readonly PartnershipState[] = ['establishing', 'meetings'];

/** The actor's own place in the partnership: they were allowed its content, so they take part. */
export async function participationOf(db: AppDb, partnershipId: string, actor: Viewer | null): Promise<ParticipantRow> {
  const me = (await listParticipants(db, [partnershipId])).find((each) => each.personId === actor?.personId);
  if (!me) throw AppError.notFound();
  return me;
}

/** Participants' view of the partnership, for any page of its content. */
export async function loadAsParticipant(
  db: AppDb,
  { actor, partnershipId, forUpdate = false }: { actor: Viewer | null; partnershipId: string; forUpdate?: boolean },
): Promise<{ partnership: PartnershipRow; me: ParticipantRow }> {
  const partnership = await loadPartnership(db, {
    actor,
    partnershipId,
    permission: seePartnershipContent,
    forUpdate,
  });
  return { partnership, me: await participationOf(db, partnershipId, actor) };
}

export interface EstablishingPage {
  partnership: PartnershipRow;
  me: ParticipantRow;
  record: repository.EstablishingRow | null;
  goals: goalsRepository.GoalRow[];
  /** The record and goals can be written now. */
  editable: boolean;
  /** What is still needed before the meetings can start (empty when ready). */
  missing: string[];
}

function missingToStart(record: repository.EstablishingRow | null, goals: goalsRepository.GoalRow[]): string[] {
  return [
    ...(record?.leadershipStory.trim() ? [] : ['the mentee’s leadership story']),
    ...(goals.length > 0 ? [] : ['at least one goal']),
  ];
}

/** The establishing page: its record and goals. Every look is a read of the partnership's content. */
export async function getEstablishingPage({
  db,
  actor,
  partnershipId,
  audit,
}: {
  db: AppDb;
  actor: Viewer | null;
  partnershipId: string;
  audit: AuditRequestContext;
}): Promise<EstablishingPage> {
  const { partnership, me } = await loadAsParticipant(db, { actor, partnershipId });
  const record = await repository.findEstablishing(db, partnershipId);
  const goals = await goalsRepository.listGoals(db, partnershipId);
  await recordPartnershipRead(db, { actor, partnership, kind: 'partnership.establishing' }, audit);
  return {
    partnership,
    me,
    record,
    goals,
    editable: establishingStates.includes(partnership.state),
    missing: missingToStart(record, goals),
  };
}

export type EstablishingSaveOutcome = { outcome: 'saved' } | { outcome: 'stale'; current: repository.EstablishingRow };

/**
 * Saves the establishing record: the first save makes it (sent as version 0); a later one replaces
 * it only over the version the form was opened on. Otherwise the person is shown what is saved now.
 */
export async function saveEstablishing({
  db,
  actor,
  partnershipId,
  version,
  text,
}: {
  db: AppDb;
  actor: Viewer | null;
  partnershipId: string;
  version: number;
  text: repository.EstablishingText;
}): Promise<EstablishingSaveOutcome> {
  return db.transaction(async (tx) => {
    // Held, so that two first saves at once cannot both think they are first.
    const { partnership } = await loadAsParticipant(tx, { actor, partnershipId, forUpdate: true });
    assertState(partnership, establishingStates);
    const current = await repository.findEstablishing(tx, partnershipId);
    if (!current) {
      await repository.insertEstablishing(tx, { partnershipId, values: text });
      return { outcome: 'saved' };
    }
    if (await repository.updateEstablishing(tx, { partnershipId, version, values: text })) return { outcome: 'saved' };
    return { outcome: 'stale', current };
  });
}

/**
 * "Establishing is done: start the meetings": a lead of either side moves the partnership on, once
 * the record has the leadership story and there is at least one goal.
 */
export async function startMeetings({
  db,
  actor,
  partnershipId,
}: {
  db: AppDb;
  actor: Viewer | null;
  partnershipId: string;
}): Promise<void> {
  await db.transaction(async (tx) => {
    const { partnership, me } = await loadAsParticipant(tx, { actor, partnershipId, forUpdate: true });
    if (!me.lead) throw AppError.forbidden('Only a lead of either side starts the meetings');
    assertState(partnership, ['establishing']);
    const missing = missingToStart(
      await repository.findEstablishing(tx, partnershipId),
      await goalsRepository.listGoals(tx, partnershipId),
    );
    if (missing.length > 0) {
      throw AppError.conflict('Establishing is not done yet', {
        title: 'Establishing is not done yet',
        paragraphs: [`Before the meetings start, the establishing record needs ${missing.join(' and ')}.`],
        link: { href: partnershipPaths.of(partnershipId, 'establishing'), text: 'Go to establishing the partnership' },
      });
    }
    await setState(tx, partnershipId, 'meetings');
  });
}
