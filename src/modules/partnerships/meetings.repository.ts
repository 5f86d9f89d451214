import { and, asc, eq, sql } from 'drizzle-orm';
import type { AppDb } from '../../platform/db/database.ts';
import { people } from '../people/people.tables.ts';
import {
  meetingActions,
  meetingNotes,
  partnershipMeetings,
  partnershipTimeEntries,
  type MeetingStatus,
} from './meetings.tables.ts';

export type MeetingRow = Omit<typeof partnershipMeetings.$inferSelect, 'creationKey'> & {
  /** Minutes counted against the budget once it was held. */
  minutesUsed: number | null;
};

const meetingColumns = {
  id: partnershipMeetings.id,
  partnershipId: partnershipMeetings.partnershipId,
  kind: partnershipMeetings.kind,
  startsAt: partnershipMeetings.startsAt,
  durationMinutes: partnershipMeetings.durationMinutes,
  place: partnershipMeetings.place,
  videoLink: partnershipMeetings.videoLink,
  agenda: partnershipMeetings.agenda,
  preparation: partnershipMeetings.preparation,
  status: partnershipMeetings.status,
  reminderSentAt: partnershipMeetings.reminderSentAt,
  version: partnershipMeetings.version,
  createdAt: partnershipMeetings.createdAt,
  updatedAt: partnershipMeetings.updatedAt,
  minutesUsed: partnershipTimeEntries.minutes,
};

function selectMeetings(db: AppDb) {
  return db
    .select(meetingColumns)
    .from(partnershipMeetings)
    .leftJoin(partnershipTimeEntries, eq(partnershipTimeEntries.meetingId, partnershipMeetings.id));
}

export async function listMeetings(db: AppDb, partnershipId: string): Promise<MeetingRow[]> {
  return selectMeetings(db)
    .where(eq(partnershipMeetings.partnershipId, partnershipId))
    .orderBy(asc(partnershipMeetings.startsAt), asc(partnershipMeetings.id));
}

/** A meeting of this partnership, or nothing (another partnership's meeting is not found here). */
export async function findMeeting(
  db: AppDb,
  partnershipId: string,
  meetingId: string,
  { forUpdate = false } = {},
): Promise<MeetingRow | null> {
  const query = selectMeetings(db).where(
    and(eq(partnershipMeetings.id, meetingId), eq(partnershipMeetings.partnershipId, partnershipId)),
  );
  const [row] = forUpdate ? await query.for('update', { of: partnershipMeetings }) : await query;
  return row ?? null;
}

export type MeetingValues = Pick<
  typeof partnershipMeetings.$inferInsert,
  'kind' | 'startsAt' | 'durationMinutes' | 'place' | 'videoLink' | 'agenda' | 'preparation'
>;

/** Inserts a meeting, or finds the one its creation key already made. */
export async function insertMeeting(
  db: AppDb,
  values: MeetingValues & { partnershipId: string; creationKey: string },
): Promise<string> {
  const [inserted] = await db
    .insert(partnershipMeetings)
    .values(values)
    .onConflictDoNothing({ target: partnershipMeetings.creationKey })
    .returning({ id: partnershipMeetings.id });
  if (inserted) return inserted.id;
  const [existing] = await db
    .select({ id: partnershipMeetings.id })
    .from(partnershipMeetings)
    .where(
      and(
        eq(partnershipMeetings.creationKey, values.creationKey),
        eq(partnershipMeetings.partnershipId, values.partnershipId),
      ),
    );
  if (!existing) throw new Error('meeting neither inserted nor found');
  return existing.id;
}

/** Changes a meeting over `version`; false when someone saved in between. */
export async function updateMeeting(
  db: AppDb,
  { id, version, values }: { id: string; version: number; values: Partial<MeetingValues> & { status?: MeetingStatus } },
): Promise<boolean> {
  const rows = await db
    .update(partnershipMeetings)
    .set({ ...values, updatedAt: new Date(), version: sql`${partnershipMeetings.version} + 1` })
    .where(and(eq(partnershipMeetings.id, id), eq(partnershipMeetings.version, version)))
    .returning({ id: partnershipMeetings.id });
  return rows.length > 0;
}

export type NoteRow = typeof meetingNotes.$inferSelect & { updatedByName: string | null };

export async function findNote(db: AppDb, meetingId: string, { forUpdate = false } = {}): Promise<NoteRow | null> {
  const query = db
    .select({
      id: meetingNotes.id,
      meetingId: meetingNotes.meetingId,
      partnershipId: meetingNotes.partnershipId,
      ciphertext: meetingNotes.ciphertext,
      updatedByPersonId: meetingNotes.updatedByPersonId,
      version: meetingNotes.version,
      createdAt: meetingNotes.createdAt,
      updatedAt: meetingNotes.updatedAt,
      updatedByName: people.displayName,
    })
    .from(meetingNotes)
    .leftJoin(people, eq(people.id, meetingNotes.updatedByPersonId))
    .where(eq(meetingNotes.meetingId, meetingId));
  const [row] = forUpdate ? await query.for('update', { of: meetingNotes }) : await query;
  return row ?? null;
}

/** The first notes of a meeting; false when someone else's first notes got there first. */
export async function insertNote(db: AppDb, values: typeof meetingNotes.$inferInsert): Promise<boolean> {
  const rows = await db
    .insert(meetingNotes)
    .values(values)
    .onConflictDoNothing({ target: meetingNotes.meetingId })
    .returning({ id: meetingNotes.id });
  return rows.length > 0;
}

export async function updateNote(
  db: AppDb,
  { id, version, ciphertext, personId }: { id: string; version: number; ciphertext: string; personId: string | null },
): Promise<boolean> {
  const rows = await db
    .update(meetingNotes)
    .set({ ciphertext, updatedByPersonId: personId, updatedAt: new Date(), version: sql`${meetingNotes.version} + 1` })
    .where(and(eq(meetingNotes.id, id), eq(meetingNotes.version, version)))
    .returning({ id: meetingNotes.id });
  return rows.length > 0;
}

export interface MeetingActionRow {
  id: string;
  meetingId: string;
  title: string;
  ownerPersonId: string | null;
  ownerName: string | null;
  dueOn: string | null;
  done: boolean;
}

export async function listMeetingActions(db: AppDb, meetingId: string): Promise<MeetingActionRow[]> {
  return db
    .select({
      id: meetingActions.id,
      meetingId: meetingActions.meetingId,
      title: meetingActions.title,
      ownerPersonId: meetingActions.ownerPersonId,
      ownerName: people.displayName,
      dueOn: meetingActions.dueOn,
      done: meetingActions.done,
    })
    .from(meetingActions)
    .leftJoin(people, eq(people.id, meetingActions.ownerPersonId))
    .where(eq(meetingActions.meetingId, meetingId))
    .orderBy(asc(meetingActions.done), asc(meetingActions.dueOn), asc(meetingActions.createdAt));
}

export async function insertMeetingAction(db: AppDb, values: typeof meetingActions.$inferInsert): Promise<void> {
  await db.insert(meetingActions).values(values).onConflictDoNothing({ target: meetingActions.creationKey });
}

/** Ticks exactly the given actions of the meeting as done, and the rest as not done. */
export async function setActionsDone(db: AppDb, meetingId: string, doneIds: readonly string[]): Promise<void> {
  const done =
    doneIds.length === 0
      ? sql`false`
      : sql`${meetingActions.id} in (${sql.join(
          doneIds.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})`;
  await db
    .update(meetingActions)
    .set({
      done: sql`${done}`,
      updatedAt: new Date(),
      version: sql`${meetingActions.version} + 1`,
    })
    .where(and(eq(meetingActions.meetingId, meetingId), sql`${meetingActions.done} is distinct from (${done})`));
}
