import { and, asc, eq, gt, inArray, isNull, lte, ne } from 'drizzle-orm';
import type { AppDb } from '../../platform/db/database.ts';
import { people } from '../people/people.tables.ts';
import { partnershipMeetingNudges, partnershipMeetings } from './meetings.tables.ts';
import { partnershipParticipants, partnerships, type PartnershipSide } from './partnerships.tables.ts';

export interface ReminderMeetingRow {
  id: string;
  partnershipId: string;
  startsAt: Date;
  durationMinutes: number;
  place: string;
  videoLink: string | null;
}

/** Planned meetings starting after `from` and by `until`, not yet reminded of, in partnerships still open. */
export async function listMeetingsToRemind(
  db: AppDb,
  { from, until }: { from: Date; until: Date },
): Promise<ReminderMeetingRow[]> {
  return db
    .select({
      id: partnershipMeetings.id,
      partnershipId: partnershipMeetings.partnershipId,
      startsAt: partnershipMeetings.startsAt,
      durationMinutes: partnershipMeetings.durationMinutes,
      place: partnershipMeetings.place,
      videoLink: partnershipMeetings.videoLink,
    })
    .from(partnershipMeetings)
    .innerJoin(partnerships, eq(partnerships.id, partnershipMeetings.partnershipId))
    .where(
      and(
        eq(partnershipMeetings.status, 'planned'),
        isNull(partnershipMeetings.reminderSentAt),
        gt(partnershipMeetings.startsAt, from),
        lte(partnershipMeetings.startsAt, until),
        ne(partnerships.state, 'closed'),
      ),
    )
    .orderBy(asc(partnershipMeetings.startsAt));
}

/** Claims a meeting's reminder: true for the one run that set reminder_sent_at, false for any other. */
export async function claimReminder(db: AppDb, meetingId: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(partnershipMeetings)
    .set({ reminderSentAt: now })
    .where(
      and(
        eq(partnershipMeetings.id, meetingId),
        isNull(partnershipMeetings.reminderSentAt),
        eq(partnershipMeetings.status, 'planned'),
      ),
    )
    .returning({ id: partnershipMeetings.id });
  return rows.length > 0;
}

/** Gives a claim back when the reminder could not be written, for the job's retry to send it. */
export async function releaseReminder(db: AppDb, meetingId: string): Promise<void> {
  await db.update(partnershipMeetings).set({ reminderSentAt: null }).where(eq(partnershipMeetings.id, meetingId));
}

export interface RecipientRow {
  partnershipId: string;
  personId: string;
  displayName: string;
  email: string;
  side: PartnershipSide;
  lead: boolean;
  organisationId: string | null;
}

/** The participants of the partnerships with an active account, who may be emailed. */
export async function listRecipients(db: AppDb, partnershipIds: string[]): Promise<RecipientRow[]> {
  if (partnershipIds.length === 0) return [];
  return db
    .select({
      partnershipId: partnershipParticipants.partnershipId,
      personId: people.id,
      displayName: people.displayName,
      email: people.email,
      side: partnershipParticipants.side,
      lead: partnershipParticipants.lead,
      organisationId: partnershipParticipants.organisationId,
    })
    .from(partnershipParticipants)
    .innerJoin(people, eq(people.id, partnershipParticipants.personId))
    .where(and(inArray(partnershipParticipants.partnershipId, partnershipIds), isNull(people.deactivatedAt)))
    .orderBy(asc(people.displayName));
}

/** Partnerships in their meetings stage, with the starts of their meetings booked or held (not cancelled). */
export async function listPartnershipsMeeting(db: AppDb): Promise<Array<{ id: string; starts: Date[] }>> {
  const rows = await db
    .select({ id: partnerships.id, startsAt: partnershipMeetings.startsAt })
    .from(partnerships)
    .leftJoin(
      partnershipMeetings,
      and(eq(partnershipMeetings.partnershipId, partnerships.id), ne(partnershipMeetings.status, 'cancelled')),
    )
    .where(eq(partnerships.state, 'meetings'));
  const byId = new Map<string, Date[]>();
  for (const row of rows) {
    const starts = byId.get(row.id) ?? [];
    if (row.startsAt) starts.push(row.startsAt);
    byId.set(row.id, starts);
  }
  return [...byId].map(([id, starts]) => ({ id, starts }));
}

/** Claims the nudge for a partnership and half-term: true when this call claimed it, false when it had been. */
export async function claimNudge(
  db: AppDb,
  claim: { partnershipId: string; schoolYear: string; halfTerm: string },
): Promise<boolean> {
  const rows = await db
    .insert(partnershipMeetingNudges)
    .values(claim)
    .onConflictDoNothing()
    .returning({ partnershipId: partnershipMeetingNudges.partnershipId });
  return rows.length > 0;
}

/** Gives a claim back when its email could not be written, for the job's retry to send it. */
export async function releaseNudge(
  db: AppDb,
  { partnershipId, schoolYear, halfTerm }: { partnershipId: string; schoolYear: string; halfTerm: string },
): Promise<void> {
  await db
    .delete(partnershipMeetingNudges)
    .where(
      and(
        eq(partnershipMeetingNudges.partnershipId, partnershipId),
        eq(partnershipMeetingNudges.schoolYear, schoolYear),
        eq(partnershipMeetingNudges.halfTerm, halfTerm),
      ),
    );
}
