import type { AuditRequestContext } from '../../platform/audit/audit.ts';
import type { Viewer } from '../../platform/auth/viewer.ts';
import type { NoteCipher } from '../../platform/crypto/note-cipher.ts';
import type { AppDb } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { londonDay } from '../../platform/views/london-time.ts';
import { readNotes } from './meeting-notes.service.ts';
import type { MeetingKind } from './meetings.tables.ts';
import * as repository from './meetings.repository.ts';
import { assertState, loadPartnership, mayOn, recordPartnershipRead } from './partnership-access.service.ts';
import { actAsMentee, seePartnershipContent } from './partnerships.policy.ts';
import * as partnerships from './partnerships.repository.ts';
import type { PartnershipState } from './partnerships.tables.ts';
import * as timeEntries from './time-entries.repository.ts';
import {
  checkNewActivity,
  timeBudgetProblems,
  type BudgetComponent,
  type BudgetWarning,
  type LoggedActivity,
} from './time-budget.ts';

export type { MeetingRow, MeetingActionRow } from './meetings.repository.ts';
export type { ConversationRow } from './time-entries.repository.ts';

/** Meetings are booked, changed and held from preparation until the third-term review ends. */
export const MEETING_STATES: readonly PartnershipState[] = ['preparation', 'establishing', 'meetings', 'review'];

export interface MeetingInput {
  kind: MeetingKind;
  startsAt: Date;
  durationMinutes: number;
  place: string;
  videoLink: string | null;
  agenda: string;
  preparation: string;
}

/** The part of the budget a meeting's time counts against. */
export const componentOf = (kind: MeetingKind): BudgetComponent =>
  kind === 'establishing' ? 'establishing' : 'meetings';

export type Overspend = { outcome: 'overspend'; warnings: BudgetWarning[] };
export type MeetingProblem = { outcome: 'invalid'; field: 'duration'; message: string };

export async function loadForContent(db: AppDb, actor: Viewer | null, partnershipId: string, forUpdate = false) {
  return loadPartnership(db, { actor, partnershipId, permission: seePartnershipContent, forUpdate });
}

/** The warnings saving `proposed` would bring: none when it stays within its part and the whole. */
export async function overspendWarnings(
  db: AppDb,
  partnership: partnerships.PartnershipRow,
  proposed: LoggedActivity,
  exceptMeetingId?: string,
): Promise<BudgetWarning[]> {
  const budget = partnerships.budgetOf(partnership);
  if (timeBudgetProblems(budget).length > 0) return [];
  const { used, booked } = await timeEntries.listUsedAndBooked(
    db,
    partnership.id,
    exceptMeetingId ? { exceptMeetingId } : {},
  );
  return checkNewActivity(budget, [...used, ...booked], proposed).warnings;
}

function durationProblem(input: MeetingInput): MeetingProblem | null {
  if (input.durationMinutes < 5) {
    return { outcome: 'invalid', field: 'duration', message: 'Enter how long the meeting lasts: 5 minutes or more' };
  }
  if (input.durationMinutes > 1440) {
    return { outcome: 'invalid', field: 'duration', message: 'A meeting must last 24 hours or less' };
  }
  return null;
}

/**
 * The meetings and the conversations logged between them. What each conversation was about, and
 * when the two sides met, are the partnership's content: the read is audited, as the meeting page's is.
 */
export async function getMeetingsPage({
  db,
  actor,
  partnershipId,
  audit,
}: {
  db: AppDb;
  actor: Viewer | null;
  partnershipId: string;
  audit: AuditRequestContext;
}) {
  const partnership = await loadForContent(db, actor, partnershipId);
  const [meetings, conversations] = await Promise.all([
    repository.listMeetings(db, partnershipId),
    timeEntries.listConversations(db, partnershipId),
  ]);
  await recordPartnershipRead(db, { actor, partnership, kind: 'partnership.meetings' }, audit);
  const now = Date.now();
  const upcoming = meetings.filter((each) => each.status === 'planned' && each.startsAt.getTime() >= now);
  const past = meetings.filter((each) => !upcoming.includes(each)).reverse();
  const usedMinutes =
    meetings.reduce((total, each) => total + (each.minutesUsed ?? 0), 0) +
    conversations.reduce((total, each) => total + each.minutes, 0);
  return { partnership, upcoming, past, conversations, usedMinutes, open: MEETING_STATES.includes(partnership.state) };
}

export async function getMeetingForm({
  db,
  actor,
  partnershipId,
}: {
  db: AppDb;
  actor: Viewer | null;
  partnershipId: string;
}) {
  const partnership = await loadForContent(db, actor, partnershipId);
  assertState(partnership, MEETING_STATES);
  return { partnership, setsAgenda: await mayOn(db, actor, actAsMentee, partnershipId), meeting: null };
}

/** Books a meeting. Either side may; the agenda is the mentee side's to write. */
export async function bookMeeting({
  db,
  actor,
  partnershipId,
  input,
  confirmOverspend,
  creationKey,
}: {
  db: AppDb;
  actor: Viewer | null;
  partnershipId: string;
  input: MeetingInput;
  confirmOverspend: boolean;
  creationKey: string;
}): Promise<{ outcome: 'saved'; meetingId: string } | Overspend | MeetingProblem> {
  return db.transaction(async (tx) => {
    const partnership = await loadForContent(tx, actor, partnershipId, true);
    assertState(partnership, MEETING_STATES);
    const problem = durationProblem(input);
    if (problem) return problem;
    const setsAgenda = await mayOn(tx, actor, actAsMentee, partnershipId);
    const warnings = await overspendWarnings(tx, partnership, {
      component: componentOf(input.kind),
      minutes: input.durationMinutes,
    });
    if (warnings.length > 0 && !confirmOverspend) return { outcome: 'overspend', warnings };
    const meetingId = await repository.insertMeeting(tx, {
      ...input,
      agenda: setsAgenda ? input.agenda : '',
      partnershipId,
      creationKey,
    });
    return { outcome: 'saved', meetingId };
  });
}

async function loadMeeting(
  db: AppDb,
  actor: Viewer | null,
  partnershipId: string,
  meetingId: string,
  forUpdate = false,
) {
  const partnership = await loadForContent(db, actor, partnershipId, forUpdate);
  const meeting = await repository.findMeeting(db, partnershipId, meetingId, { forUpdate });
  if (!meeting) throw AppError.notFound();
  return { partnership, meeting };
}

/** A meeting with its private notes (opened for the reader) and actions; the read is audited. */
export async function getMeetingPage({
  db,
  cipher,
  actor,
  partnershipId,
  meetingId,
  audit,
}: {
  db: AppDb;
  cipher: NoteCipher;
  actor: Viewer | null;
  partnershipId: string;
  meetingId: string;
  audit: AuditRequestContext;
}) {
  const { partnership, meeting } = await loadMeeting(db, actor, partnershipId, meetingId);
  const [notes, actions, people, setsAgenda] = await Promise.all([
    readNotes(db, cipher, meeting),
    repository.listMeetingActions(db, meetingId),
    partnerships.listParticipants(db, [partnershipId]),
    mayOn(db, actor, actAsMentee, partnershipId),
  ]);
  await recordPartnershipRead(db, { actor, partnership, kind: 'partnership.meeting', details: { meetingId } }, audit);
  const open = MEETING_STATES.includes(partnership.state);
  return { partnership, meeting, notes, actions, participants: people, setsAgenda, open };
}

/** Saves a meeting over the version its form was opened on; stale, nothing is written and what is saved comes back. */
export async function saveMeeting({
  db,
  actor,
  partnershipId,
  meetingId,
  input,
  version,
  confirmOverspend,
}: {
  db: AppDb;
  actor: Viewer | null;
  partnershipId: string;
  meetingId: string;
  input: MeetingInput;
  version: number;
  confirmOverspend: boolean;
}): Promise<{ outcome: 'saved' } | { outcome: 'stale'; current: repository.MeetingRow } | Overspend | MeetingProblem> {
  return db.transaction(async (tx) => {
    const { partnership, meeting } = await loadMeeting(tx, actor, partnershipId, meetingId, true);
    assertState(partnership, MEETING_STATES);
    if (meeting.version !== version) return { outcome: 'stale', current: meeting };
    const problem = durationProblem(input);
    if (problem) return problem;
    const setsAgenda = await mayOn(tx, actor, actAsMentee, partnershipId);
    if (meeting.status === 'planned') {
      const proposed = { component: componentOf(input.kind), minutes: input.durationMinutes };
      const warnings = await overspendWarnings(tx, partnership, proposed, meetingId);
      if (warnings.length > 0 && !confirmOverspend) return { outcome: 'overspend', warnings };
    }
    // Held, its time is counted already: the kind and length stay as they were counted.
    const held = meeting.status === 'held';
    const values = {
      ...input,
      agenda: setsAgenda ? input.agenda : meeting.agenda,
      ...(held ? { kind: meeting.kind, durationMinutes: meeting.durationMinutes } : {}),
    };
    if (!(await repository.updateMeeting(tx, { id: meetingId, version, values }))) {
      return { outcome: 'stale', current: meeting };
    }
    return { outcome: 'saved' };
  });
}

/**
 * Marks a planned meeting held (its time counted once, under the creation key `meeting:<id>`)
 * or cancelled. Pressed twice, the second press finds it done and changes nothing.
 */
export async function setMeetingStatus({
  db,
  actor,
  partnershipId,
  meetingId,
  status,
}: {
  db: AppDb;
  actor: Viewer | null;
  partnershipId: string;
  meetingId: string;
  status: 'held' | 'cancelled';
}): Promise<{ outcome: 'saved' | 'unchanged' }> {
  return db.transaction(async (tx) => {
    const { partnership, meeting } = await loadMeeting(tx, actor, partnershipId, meetingId, true);
    assertState(partnership, MEETING_STATES);
    if (meeting.status !== 'planned') return { outcome: 'unchanged' };
    await repository.updateMeeting(tx, { id: meetingId, version: meeting.version, values: { status } });
    if (status === 'held') {
      await timeEntries.insertTimeEntry(tx, {
        partnershipId,
        component: componentOf(meeting.kind),
        minutes: meeting.durationMinutes,
        occurredOn: londonDay(meeting.startsAt),
        description: 'Meeting held',
        meetingId,
        adHoc: false,
        loggedByPersonId: actor?.personId ?? null,
        creationKey: `meeting:${meetingId}`,
      });
    }
    return { outcome: 'saved' };
  });
}
