import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { AppDb } from '../../platform/db/database.ts';
import { planCarriedPriorities } from './plan-sharing.tables.ts';
import { planPriorities, plans } from './plans.tables.ts';

export interface CarriedPriority {
  title: string;
  detail: string;
}

export type CarriedPriorityRow = CarriedPriority & { id: string };

export async function listCarriedPriorities(db: AppDb, planId: string): Promise<CarriedPriorityRow[]> {
  return db
    .select({ id: planCarriedPriorities.id, title: planCarriedPriorities.title, detail: planCarriedPriorities.detail })
    .from(planCarriedPriorities)
    .where(eq(planCarriedPriorities.planId, planId))
    .orderBy(asc(planCarriedPriorities.position));
}

/**
 * Closes the plan over the version the form was opened on: what each priority achieved, the
 * medium-term priorities carried forward, and the plan's status. False when someone saved in between.
 */
export async function closePlan(
  db: AppDb,
  {
    planId,
    version,
    closedByPersonId,
    achieved,
    carried,
  }: {
    planId: string;
    version: number;
    closedByPersonId: string;
    achieved: Map<string, string>;
    carried: CarriedPriority[];
  },
): Promise<boolean> {
  const closed = await db
    .update(plans)
    .set({
      status: 'closed',
      closedAt: new Date(),
      closedByPersonId,
      updatedAt: new Date(),
      version: sql`${plans.version} + 1`,
    })
    .where(and(eq(plans.id, planId), eq(plans.version, version)))
    .returning({ id: plans.id });
  if (closed.length === 0) return false;
  for (const [priorityId, text] of achieved) {
    await db
      .update(planPriorities)
      .set({ achieved: text, updatedAt: new Date(), version: sql`${planPriorities.version} + 1` })
      .where(and(eq(planPriorities.planId, planId), eq(planPriorities.id, priorityId)));
  }
  if (carried.length > 0) {
    await db.insert(planCarriedPriorities).values(carried.map((each, position) => ({ planId, ...each, position })));
  }
  return true;
}

/** The closed plan's carried priorities among `ids`, in their order. */
export async function findCarriedPriorities(db: AppDb, planId: string, ids: string[]): Promise<CarriedPriorityRow[]> {
  if (ids.length === 0) return [];
  return db
    .select({ id: planCarriedPriorities.id, title: planCarriedPriorities.title, detail: planCarriedPriorities.detail })
    .from(planCarriedPriorities)
    .where(and(eq(planCarriedPriorities.planId, planId), inArray(planCarriedPriorities.id, ids)))
    .orderBy(asc(planCarriedPriorities.position));
}
