import { and, asc, desc, eq, isNull, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { auditEvents } from '../../platform/audit/audit.tables.ts';
import type { AppDb } from '../../platform/db/database.ts';
import { organisations } from '../organisations/organisations.tables.ts';
import { memberships, people } from '../people/people.tables.ts';
import { planShares, type ShareAccess } from './plan-sharing.tables.ts';
import { plans } from './plans.tables.ts';

export interface ShareRow {
  id: string;
  /** The person's name, or the trust's. */
  recipientName: string;
  /** The person's email address; null for a trust. */
  recipientEmail: string | null;
  personId: string | null;
  organisationId: string | null;
  access: ShareAccess;
  sharedByName: string | null;
  createdAt: Date;
  revokedAt: Date | null;
  revokedByName: string | null;
}

const recipient = alias(people, 'recipient');
const sharer = alias(people, 'sharer');
const revoker = alias(people, 'revoker');

/** Every share of the plan, live ones first, then the revoked, newest first within each. */
export async function listShares(db: AppDb, planId: string): Promise<ShareRow[]> {
  return db
    .select({
      id: planShares.id,
      recipientName: sql<string>`coalesce(${recipient.displayName}, ${organisations.name})`,
      recipientEmail: recipient.email,
      personId: planShares.personId,
      organisationId: planShares.organisationId,
      access: planShares.access,
      sharedByName: sharer.displayName,
      createdAt: planShares.createdAt,
      revokedAt: planShares.revokedAt,
      revokedByName: revoker.displayName,
    })
    .from(planShares)
    .leftJoin(recipient, eq(recipient.id, planShares.personId))
    .leftJoin(organisations, eq(organisations.id, planShares.organisationId))
    .leftJoin(sharer, eq(sharer.id, planShares.sharedByPersonId))
    .leftJoin(revoker, eq(revoker.id, planShares.revokedByPersonId))
    .where(eq(planShares.planId, planId))
    .orderBy(
      sql`${planShares.revokedAt} is not null`,
      desc(sql`coalesce(${planShares.revokedAt}, ${planShares.createdAt})`),
    );
}

/** An account in use, by its email address (compared as the unique index does, ignoring case). */
export async function findActivePersonByEmail(
  db: AppDb,
  email: string,
): Promise<{ id: string; displayName: string } | null> {
  const [row] = await db
    .select({ id: people.id, displayName: people.displayName })
    .from(people)
    .where(and(sql`lower(${people.email}) = lower(${email})`, isNull(people.deactivatedAt)));
  return row ?? null;
}

/** Trusts whose name (ignoring case) or Companies House number is exactly what was typed. */
export async function findTrustsNamed(db: AppDb, typed: string): Promise<Array<{ id: string; name: string }>> {
  return db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(
      and(
        eq(organisations.kind, 'trust'),
        or(sql`lower(${organisations.name}) = lower(${typed})`, eq(organisations.companiesHouseNumber, typed)),
      ),
    )
    .orderBy(asc(organisations.name))
    .limit(5);
}

/** The trust with this id, as a list like `findTrustsNamed`'s. */
export async function findTrustsById(db: AppDb, id: string): Promise<Array<{ id: string; name: string }>> {
  return db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(and(eq(organisations.kind, 'trust'), eq(organisations.id, id)));
}

export type Recipient = { personId: string } | { organisationId: string };

/**
 * Shares the plan with the recipient, or changes the access of the live share they already have.
 * Returns the share's id and whether anything changed (sharing twice the same way changes nothing).
 */
export async function upsertShare(
  db: AppDb,
  {
    planId,
    recipient,
    access,
    sharedByPersonId,
  }: { planId: string; recipient: Recipient; access: ShareAccess; sharedByPersonId: string },
): Promise<{ id: string; changed: boolean }> {
  const whose =
    'personId' in recipient
      ? eq(planShares.personId, recipient.personId)
      : eq(planShares.organisationId, recipient.organisationId);
  const [live] = await db
    .select({ id: planShares.id, access: planShares.access })
    .from(planShares)
    .where(and(eq(planShares.planId, planId), whose, isNull(planShares.revokedAt)))
    .for('update');
  if (live) {
    if (live.access === access) return { id: live.id, changed: false };
    await db.update(planShares).set({ access }).where(eq(planShares.id, live.id));
    return { id: live.id, changed: true };
  }
  const [inserted] = await db
    .insert(planShares)
    .values({ planId, ...recipient, access, sharedByPersonId })
    .returning({ id: planShares.id });
  if (!inserted) throw new Error('share not inserted');
  return { id: inserted.id, changed: true };
}

/** Ends a live share; null when the plan has no such live share (already revoked, or not this plan's). */
export async function revokeShare(
  db: AppDb,
  { planId, shareId, revokedByPersonId }: { planId: string; shareId: string; revokedByPersonId: string },
): Promise<{ recipient: Recipient; access: ShareAccess } | null> {
  const [row] = await db
    .update(planShares)
    .set({ revokedAt: new Date(), revokedByPersonId })
    .where(and(eq(planShares.id, shareId), eq(planShares.planId, planId), isNull(planShares.revokedAt)))
    .returning({ personId: planShares.personId, organisationId: planShares.organisationId, access: planShares.access });
  if (!row) return null;
  const recipient = row.personId ? { personId: row.personId } : { organisationId: row.organisationId ?? '' };
  return { recipient, access: row.access };
}

export interface SharedPlanRow {
  id: string;
  title: string;
  ownerName: string;
  organisationId: string | null;
  periodStart: string;
  periodEnd: string;
  access: ShareAccess;
}

const owningPerson = alias(people, 'owning_person');

/**
 * Plans shared, now, with the person or with a trust they lead, newest period first. The
 * policy decides in the end; this finds the candidates (and with what access they came).
 */
export async function listSharedWith(
  db: AppDb,
  personId: string,
  leaderRoles: readonly string[],
): Promise<SharedPlanRow[]> {
  const leadsRecipientTrust = sql`exists (
    select 1 from ${memberships}
    where ${memberships.personId} = ${personId}
      and ${memberships.organisationId} = ${planShares.organisationId}
      and ${memberships.role} in (${sql.join(
        leaderRoles.map((role) => sql`${role}`),
        sql`, `,
      )}))`;
  return db
    .selectDistinctOn([plans.id], {
      id: plans.id,
      title: plans.title,
      ownerName: sql<string>`coalesce(${organisations.name}, ${owningPerson.displayName})`,
      organisationId: plans.organisationId,
      periodStart: plans.periodStart,
      periodEnd: plans.periodEnd,
      // A comment share beats a read share when the person has both (their own and their trust's).
      access: sql<ShareAccess>`case when bool_or(${planShares.access} = 'comment') over (partition by ${plans.id}) then 'comment' else 'read' end`,
    })
    .from(planShares)
    .innerJoin(plans, eq(plans.id, planShares.planId))
    .leftJoin(organisations, eq(organisations.id, plans.organisationId))
    .leftJoin(owningPerson, eq(owningPerson.id, plans.ownerPersonId))
    .where(and(isNull(planShares.revokedAt), or(eq(planShares.personId, personId), leadsRecipientTrust)))
    .orderBy(plans.id);
}

export interface PlanReadRow {
  occurredAt: Date;
  readerName: string | null;
  kind: string;
  details: Record<string, unknown>;
}

/** The latest reads of the plan's content, newest first. */
export async function listPlanReads(
  db: AppDb,
  plan: { id: string; organisationId: string | null; ownerPersonId: string | null },
  limit: number,
): Promise<PlanReadRow[]> {
  // Filed under the trust, or the individual plan's owner: the indexed column comes first.
  const whose = plan.organisationId
    ? eq(auditEvents.organisationId, plan.organisationId)
    : plan.ownerPersonId
      ? eq(auditEvents.subjectPersonId, plan.ownerPersonId)
      : null;
  if (!whose) return [];
  return db
    .select({
      occurredAt: auditEvents.occurredAt,
      readerName: people.displayName,
      kind: sql<string>`${auditEvents.details} ->> 'kind'`,
      details: auditEvents.details,
    })
    .from(auditEvents)
    .leftJoin(people, eq(people.id, auditEvents.actorPersonId))
    .where(and(whose, eq(auditEvents.action, 'confidential.read'), sql`${auditEvents.details} ->> 'id' = ${plan.id}`))
    .orderBy(desc(auditEvents.occurredAt), desc(auditEvents.seq))
    .limit(limit);
}
