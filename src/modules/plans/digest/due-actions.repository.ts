import { and, asc, eq, inArray, isNull, lte, ne, sql } from 'drizzle-orm';
import type { AppDb } from '../../../platform/db/database.ts';
import { outboxMessages } from '../../../platform/mail/mail.tables.ts';
import { people } from '../../people/people.tables.ts';
import { planActions, plans } from '../plans.tables.ts';

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
 * The addresses (lower case) that were already sent the digest whose text begins with `heading`
 * (the heading names the week). The outbox keeps every message, so it is the record of what went.
 */
export async function listDigestAddresses(
  db: AppDb,
  { subjectPrefix, heading }: { subjectPrefix: string; heading: string },
) {
  const rows = await db
    .selectDistinct({ to: sql<string>`lower(${outboxMessages.to})` })
    .from(outboxMessages)
    .where(
      and(
        sql`starts_with(${outboxMessages.subject}, ${subjectPrefix})`,
        sql`starts_with(${outboxMessages.text}, ${heading})`,
      ),
    );
  return new Set(rows.map((row) => row.to));
}
