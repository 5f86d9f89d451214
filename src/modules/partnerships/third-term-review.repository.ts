import { and, asc, eq, sql } from 'drizzle-orm';
import type { AppDb } from '../../platform/db/database.ts';
import { people } from '../people/people.tables.ts';
import { goalReviews } from './meetings.tables.ts';
import { mentoringServices, partnerships, type PartnershipSide } from './partnerships.tables.ts';

export interface GoalReviewRow {
  id: string;
  goalId: string;
  side: PartnershipSide;
  progress: string;
  authorPersonId: string | null;
  authorName: string | null;
  version: number;
  updatedAt: Date;
}

/** Every side's view of every goal of the partnership. */
export async function listGoalReviews(db: AppDb, partnershipId: string): Promise<GoalReviewRow[]> {
  return db
    .select({
      id: goalReviews.id,
      goalId: goalReviews.goalId,
      side: goalReviews.side,
      progress: goalReviews.progress,
      authorPersonId: goalReviews.authorPersonId,
      authorName: people.displayName,
      version: goalReviews.version,
      updatedAt: goalReviews.updatedAt,
    })
    .from(goalReviews)
    .leftJoin(people, eq(people.id, goalReviews.authorPersonId))
    .where(eq(goalReviews.partnershipId, partnershipId))
    .orderBy(asc(goalReviews.side));
}

/** A side's first view of a goal; false when one is there already. */
export async function insertGoalReview(
  db: AppDb,
  values: { partnershipId: string; goalId: string; side: PartnershipSide; progress: string; authorPersonId: string },
): Promise<boolean> {
  const rows = await db
    .insert(goalReviews)
    .values(values)
    .onConflictDoNothing({ target: [goalReviews.goalId, goalReviews.side] })
    .returning({ id: goalReviews.id });
  return rows.length > 0;
}

/** A side's view of a goal changed over `version`; false when someone saved it in between. */
export async function updateGoalReview(
  db: AppDb,
  {
    goalId,
    side,
    version,
    progress,
    authorPersonId,
  }: { goalId: string; side: PartnershipSide; version: number; progress: string; authorPersonId: string },
): Promise<boolean> {
  const rows = await db
    .update(goalReviews)
    .set({ progress, authorPersonId, updatedAt: new Date(), version: sql`${goalReviews.version} + 1` })
    .where(and(eq(goalReviews.goalId, goalId), eq(goalReviews.side, side), eq(goalReviews.version, version)))
    .returning({ id: goalReviews.id });
  return rows.length > 0;
}

/** What a service gives a new partnership now: its default budget and meeting pattern. */
export async function findServiceDefaults(db: AppDb, serviceId: string) {
  const [row] = await db
    .select({
      readingMinutes: mentoringServices.readingMinutes,
      schoolVisitsMinutes: mentoringServices.schoolVisitsMinutes,
      establishingMinutes: mentoringServices.establishingMinutes,
      meetingsMinutes: mentoringServices.meetingsMinutes,
      meetingPattern: mentoringServices.meetingPattern,
    })
    .from(mentoringServices)
    .where(eq(mentoringServices.id, serviceId));
  return row ?? null;
}

/** The partnership that extends this one, if it was extended. */
export async function findNextPartnership(db: AppDb, partnershipId: string): Promise<{ id: string } | null> {
  const [row] = await db
    .select({ id: partnerships.id })
    .from(partnerships)
    .where(eq(partnerships.previousPartnershipId, partnershipId))
    .limit(1);
  return row ?? null;
}
