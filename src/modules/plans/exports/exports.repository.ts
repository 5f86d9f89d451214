import { desc, eq } from 'drizzle-orm';
import type { AppDb } from '../../../platform/db/database.ts';
import { planProgressUpdates } from '../plans.tables.ts';

/** The newest progress update of each of a plan's actions that has one (by its date, then when it was posted). */
export async function listLastUpdates(
  db: AppDb,
  planId: string,
): Promise<Array<{ actionId: string; updatedOn: string; note: string }>> {
  return db
    .selectDistinctOn([planProgressUpdates.actionId], {
      actionId: planProgressUpdates.actionId,
      updatedOn: planProgressUpdates.updatedOn,
      note: planProgressUpdates.note,
    })
    .from(planProgressUpdates)
    .where(eq(planProgressUpdates.planId, planId))
    .orderBy(planProgressUpdates.actionId, desc(planProgressUpdates.updatedOn), desc(planProgressUpdates.createdAt));
}
