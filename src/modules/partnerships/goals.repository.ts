import { and, asc, eq, max, sql } from 'drizzle-orm';
import type { AppDb } from '../../platform/db/database.ts';
import { partnershipGoals } from './meetings.tables.ts';

export type GoalRow = Omit<typeof partnershipGoals.$inferSelect, 'creationKey'>;

export interface GoalText {
  title: string;
  measureOfSuccess: string;
}

const goalColumns = {
  id: partnershipGoals.id,
  partnershipId: partnershipGoals.partnershipId,
  title: partnershipGoals.title,
  measureOfSuccess: partnershipGoals.measureOfSuccess,
  position: partnershipGoals.position,
  version: partnershipGoals.version,
  createdAt: partnershipGoals.createdAt,
  updatedAt: partnershipGoals.updatedAt,
};

/** The partnership's goals in the order they were added. */
export async function listGoals(db: AppDb, partnershipId: string): Promise<GoalRow[]> {
  return db
    .select(goalColumns)
    .from(partnershipGoals)
    .where(eq(partnershipGoals.partnershipId, partnershipId))
    .orderBy(asc(partnershipGoals.position), asc(partnershipGoals.createdAt));
}

/** One goal of the partnership: a goal of another partnership is none. */
export async function findGoal(db: AppDb, partnershipId: string, goalId: string): Promise<GoalRow | null> {
  const [row] = await db
    .select(goalColumns)
    .from(partnershipGoals)
    .where(and(eq(partnershipGoals.id, goalId), eq(partnershipGoals.partnershipId, partnershipId)));
  return row ?? null;
}

/**
 * Adds a goal after the others; the same creation key sent again finds the goal it made (of this
 * partnership only: a key of another partnership's goal finds nothing, and null says so).
 */
export async function insertGoal(
  db: AppDb,
  values: GoalText & { partnershipId: string; creationKey: string },
): Promise<string | null> {
  const [last] = await db
    .select({ position: max(partnershipGoals.position) })
    .from(partnershipGoals)
    .where(eq(partnershipGoals.partnershipId, values.partnershipId));
  const [inserted] = await db
    .insert(partnershipGoals)
    .values({ ...values, position: (last?.position ?? -1) + 1 })
    .onConflictDoNothing({ target: partnershipGoals.creationKey })
    .returning({ id: partnershipGoals.id });
  if (inserted) return inserted.id;
  const [existing] = await db
    .select({ id: partnershipGoals.id })
    .from(partnershipGoals)
    .where(
      and(
        eq(partnershipGoals.creationKey, values.creationKey),
        eq(partnershipGoals.partnershipId, values.partnershipId),
      ),
    );
  return existing?.id ?? null;
}

/** Changes a goal over `version`; false when someone saved it in between. */
export async function updateGoal(
  db: AppDb,
  {
    partnershipId,
    goalId,
    version,
    values,
  }: { partnershipId: string; goalId: string; version: number; values: GoalText },
): Promise<boolean> {
  const rows = await db
    .update(partnershipGoals)
    .set({ ...values, updatedAt: new Date(), version: sql`${partnershipGoals.version} + 1` })
    .where(
      and(
        eq(partnershipGoals.id, goalId),
        eq(partnershipGoals.partnershipId, partnershipId),
        eq(partnershipGoals.version, version),
      ),
    )
    .returning({ id: partnershipGoals.id });
  return rows.length > 0;
}
