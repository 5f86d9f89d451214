import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { AppDb } from '../../platform/db/database.ts';
import { people } from '../people/people.tables.ts';
import { calendarFeeds, partnershipMeetings } from './meetings.tables.ts';
import { partnershipParticipants, partnerships } from './partnerships.tables.ts';

/** Makes the person's feed, replacing any they had: the old token's hash is gone, so its URL stops working. */
export async function replaceFeed(db: AppDb, personId: string, tokenHash: string): Promise<void> {
  await db
    .insert(calendarFeeds)
    .values({ personId, tokenHash })
    .onConflictDoUpdate({ target: calendarFeeds.personId, set: { tokenHash, createdAt: new Date() } });
}

export async function findFeedOf(db: AppDb, personId: string): Promise<{ createdAt: Date } | null> {
  const [row] = await db
    .select({ createdAt: calendarFeeds.createdAt })
    .from(calendarFeeds)
    .where(eq(calendarFeeds.personId, personId));
  return row ?? null;
}

/** The feed's owner, while their account is active: a deactivated account's feed is gone with it. */
export async function findFeedByHash(db: AppDb, tokenHash: string): Promise<{ personId: string } | null> {
  const [row] = await db
    .select({ personId: calendarFeeds.personId })
    .from(calendarFeeds)
    .innerJoin(people, eq(people.id, calendarFeeds.personId))
    .where(and(eq(calendarFeeds.tokenHash, tokenHash), isNull(people.deactivatedAt)));
  return row ?? null;
}

export interface FeedMeetingRow {
  id: string;
  partnershipId: string;
  partnershipTitle: string;
  kind: (typeof partnershipMeetings.$inferSelect)['kind'];
  status: (typeof partnershipMeetings.$inferSelect)['status'];
  startsAt: Date;
  durationMinutes: number;
  place: string;
  videoLink: string | null;
  updatedAt: Date;
}

/** The meetings of every partnership the person takes part in (filtered in SQL by participation). */
export async function listMeetingsOfParticipant(db: AppDb, personId: string): Promise<FeedMeetingRow[]> {
  return db
    .select({
      id: partnershipMeetings.id,
      partnershipId: partnershipMeetings.partnershipId,
      partnershipTitle: partnerships.title,
      kind: partnershipMeetings.kind,
      status: partnershipMeetings.status,
      startsAt: partnershipMeetings.startsAt,
      durationMinutes: partnershipMeetings.durationMinutes,
      place: partnershipMeetings.place,
      videoLink: partnershipMeetings.videoLink,
      updatedAt: partnershipMeetings.updatedAt,
    })
    .from(partnershipMeetings)
    .innerJoin(partnerships, eq(partnerships.id, partnershipMeetings.partnershipId))
    .innerJoin(
      partnershipParticipants,
      and(
        eq(partnershipParticipants.partnershipId, partnershipMeetings.partnershipId),
        eq(partnershipParticipants.personId, personId),
      ),
    )
    .where(inArray(partnershipMeetings.status, ['planned', 'held', 'cancelled']))
    .orderBy(asc(partnershipMeetings.startsAt));
}
