import { and, asc, eq, inArray, isNull, lte, ne } from 'drizzle-orm';
import type { AppDb } from '../../../platform/db/database.ts';
import { people } from '../../people/people.tables.ts';
import { planActions, plans } from '../plans.tables.ts';
import { planActionDigests } from './digest.tables.ts';

/** An open action due by some day, with what a list or an email says about it. */
export interface DueActionRow {
  id: string;
  planId: string;
  planTitle: string;
  title: string;
  /** "2026-11-30" */
  dueDate: string;
  status: (typeof planActions.$inferSelect)['status'];
  ownerPersonId: string;
  ownerName: string;
  ownerEmail: string;
}

/**
 * Open actions (not done, not dropped) due on or before `dueBy`, overdue ones included, in plans
 * that are not closed, owned by people whose account is active: one owner's, or everyone's.
 * Whether the owner may still read each plan is for the service to ask the policy.
 */
export async function listOpenActionsDueBy(
  db: AppDb,
  { dueBy, ownerPersonId }: { dueBy: string; ownerPersonId?: string },
): Promise<DueActionRow[]> {
  return db
    .select({
      id: planActions.id,
      planId: planActions.planId,
      planTitle: plans.title,
      title: planActions.title,
      dueDate: planActions.dueDate,
      status: planActions.status,
      ownerPersonId: planActions.ownerPersonId,
      ownerName: people.displayName,
      ownerEmail: people.email,
    })
    .from(planActions)
    .innerJoin(plans, eq(plans.id, planActions.planId))
    .innerJoin(people, eq(people.id, planActions.ownerPersonId))
    .where(
      and(
        ownerPersonId ? eq(planActions.ownerPersonId, ownerPersonId) : undefined,
        inArray(planActions.status, ['not_started', 'in_progress']),
        lte(planActions.dueDate, dueBy),
        ne(plans.status, 'closed'),
        isNull(people.deactivatedAt),
      ),
    )
    .orderBy(asc(planActions.ownerPersonId), asc(planActions.dueDate), asc(planActions.title), asc(planActions.id));
}

/**
 * Claims this week's digest for the person: true when this call claimed it, false when it had
 * been claimed (sent, or being sent by another run) already.
 */
export async function claimDigest(db: AppDb, { personId, weekStart }: { personId: string; weekStart: string }) {
  const rows = await db
    .insert(planActionDigests)
    .values({ personId, weekStart })
    .onConflictDoNothing()
    .returning({ personId: planActionDigests.personId });
  return rows.length > 0;
}

/** Gives a claim back when its message could not be written, for the job's retry to send it. */
export async function releaseDigest(db: AppDb, { personId, weekStart }: { personId: string; weekStart: string }) {
  await db
    .delete(planActionDigests)
    .where(and(eq(planActionDigests.personId, personId), eq(planActionDigests.weekStart, weekStart)));
}
