import { and, asc, eq, ne, sql } from 'drizzle-orm';
import type { AppDb } from '../../platform/db/database.ts';
import { people } from '../people/people.tables.ts';
import { partnershipMeetings, partnershipTimeEntries } from './meetings.tables.ts';
import type { LoggedActivity } from './time-budget.ts';

/**
 * The time a partnership has used (its time entries) and has booked (meetings planned, not yet
 * held), as activities for the budget. `exceptMeetingId` leaves one meeting out, to check a change to it.
 */
export async function listUsedAndBooked(
  db: AppDb,
  partnershipId: string,
  { exceptMeetingId }: { exceptMeetingId?: string } = {},
): Promise<{ used: LoggedActivity[]; booked: LoggedActivity[] }> {
  const [used, booked] = await Promise.all([
    db
      .select({ component: partnershipTimeEntries.component, minutes: partnershipTimeEntries.minutes })
      .from(partnershipTimeEntries)
      .where(
        and(
          eq(partnershipTimeEntries.partnershipId, partnershipId),
          eq(partnershipTimeEntries.countsAgainstBudget, true),
          exceptMeetingId
            ? sql`${partnershipTimeEntries.meetingId} is distinct from ${exceptMeetingId}::uuid`
            : undefined,
        ),
      ),
    db
      .select({ kind: partnershipMeetings.kind, minutes: partnershipMeetings.durationMinutes })
      .from(partnershipMeetings)
      .where(
        and(
          eq(partnershipMeetings.partnershipId, partnershipId),
          eq(partnershipMeetings.status, 'planned'),
          exceptMeetingId ? ne(partnershipMeetings.id, exceptMeetingId) : undefined,
        ),
      ),
  ]);
  return {
    used,
    booked: booked.map((row) => ({
      component: row.kind === 'establishing' ? ('establishing' as const) : ('meetings' as const),
      minutes: row.minutes,
    })),
  };
}

/** Inserts a time entry once: a second insert with the same creation key does nothing. */
export async function insertTimeEntry(db: AppDb, values: typeof partnershipTimeEntries.$inferInsert): Promise<void> {
  await db.insert(partnershipTimeEntries).values(values).onConflictDoNothing();
}

export interface ConversationRow {
  id: string;
  occurredOn: string;
  minutes: number;
  description: string;
  countsAgainstBudget: boolean;
  loggedByName: string | null;
}

/** Ad hoc conversations logged between meetings, oldest first. */
export async function listConversations(db: AppDb, partnershipId: string): Promise<ConversationRow[]> {
  return db
    .select({
      id: partnershipTimeEntries.id,
      occurredOn: partnershipTimeEntries.occurredOn,
      minutes: partnershipTimeEntries.minutes,
      description: partnershipTimeEntries.description,
      countsAgainstBudget: partnershipTimeEntries.countsAgainstBudget,
      loggedByName: people.displayName,
    })
    .from(partnershipTimeEntries)
    .leftJoin(people, eq(people.id, partnershipTimeEntries.loggedByPersonId))
    .where(and(eq(partnershipTimeEntries.partnershipId, partnershipId), eq(partnershipTimeEntries.adHoc, true)))
    .orderBy(asc(partnershipTimeEntries.occurredOn), asc(partnershipTimeEntries.createdAt));
}
