import { and, asc, desc, eq, inArray, isNull, max, or, sql } from 'drizzle-orm';
import type { AppDb } from '../../platform/db/database.ts';
import { organisations } from '../organisations/organisations.tables.ts';
import { memberships, people } from '../people/people.tables.ts';
import { planPriorities, plans, type PlanStatus } from './plans.tables.ts';

export interface PlanRow {
  id: string;
  organisationId: string | null;
  /** The trust's name, or the person's for an individual plan. */
  ownerName: string;
  ownerPersonId: string | null;
  title: string;
  periodStart: string;
  periodEnd: string;
  status: PlanStatus;
  summary: string;
  previousPlanId: string | null;
  closedAt: Date | null;
  version: number;
  updatedAt: Date;
}

const planColumns = {
  id: plans.id,
  organisationId: plans.organisationId,
  ownerName: sql<string>`coalesce(${organisations.name}, ${people.displayName})`,
  ownerPersonId: plans.ownerPersonId,
  title: plans.title,
  periodStart: plans.periodStart,
  periodEnd: plans.periodEnd,
  status: plans.status,
  summary: plans.summary,
  previousPlanId: plans.previousPlanId,
  closedAt: plans.closedAt,
  version: plans.version,
  updatedAt: plans.updatedAt,
};

function selectPlans(db: AppDb) {
  return db
    .select(planColumns)
    .from(plans)
    .leftJoin(organisations, eq(organisations.id, plans.organisationId))
    .leftJoin(people, eq(people.id, plans.ownerPersonId));
}

export async function findPlan(db: AppDb, id: string, { forUpdate = false } = {}): Promise<PlanRow | null> {
  const query = selectPlans(db).where(eq(plans.id, id));
  const [row] = forUpdate ? await query.for('update', { of: plans }) : await query;
  return row ?? null;
}

/** A person's own plans and their organisations' plans, newest period first. */
export async function listPlansOf(db: AppDb, personId: string, organisationIds: string[]): Promise<PlanRow[]> {
  const ofOrganisations = organisationIds.length > 0 ? inArray(plans.organisationId, organisationIds) : sql`false`;
  return selectPlans(db)
    .where(or(eq(plans.ownerPersonId, personId), ofOrganisations))
    .orderBy(desc(plans.periodStart), asc(plans.title));
}

/** An organisation's plans still open to change (draft or active). */
export async function listOpenPlansOfOrganisation(db: AppDb, organisationId: string): Promise<PlanRow[]> {
  return selectPlans(db)
    .where(and(eq(plans.organisationId, organisationId), inArray(plans.status, ['draft', 'active'])))
    .orderBy(desc(plans.periodStart), asc(plans.title));
}

/** Inserts a plan, or finds the one its creation key already made (a double-pressed "Create"). */
export async function insertPlan(db: AppDb, values: typeof plans.$inferInsert): Promise<string> {
  const [inserted] = await db
    .insert(plans)
    .values(values)
    .onConflictDoNothing({ target: plans.creationKey })
    .returning({ id: plans.id });
  if (inserted) return inserted.id;
  const [existing] = await db.select({ id: plans.id }).from(plans).where(eq(plans.creationKey, values.creationKey));
  if (!existing) throw new Error('plan neither inserted nor found');
  return existing.id;
}

/** Saves over `version`; false when someone saved in between. */
export async function updatePlan(
  db: AppDb,
  { id, version, values }: { id: string; version: number; values: Partial<typeof plans.$inferInsert> },
): Promise<boolean> {
  const rows = await db
    .update(plans)
    .set({ ...values, updatedAt: new Date(), version: sql`${plans.version} + 1` })
    .where(and(eq(plans.id, id), eq(plans.version, version)))
    .returning({ id: plans.id });
  return rows.length > 0;
}

export type PriorityRow = Omit<typeof planPriorities.$inferSelect, 'creationKey' | 'createdAt'>;

const priorityColumns = {
  id: planPriorities.id,
  planId: planPriorities.planId,
  title: planPriorities.title,
  intendedOutcome: planPriorities.intendedOutcome,
  successCriteria: planPriorities.successCriteria,
  position: planPriorities.position,
  reviewId: planPriorities.reviewId,
  headingKeys: planPriorities.headingKeys,
  elementKeys: planPriorities.elementKeys,
  sourceLabel: planPriorities.sourceLabel,
  achieved: planPriorities.achieved,
  version: planPriorities.version,
  updatedAt: planPriorities.updatedAt,
};

export async function listPriorities(db: AppDb, planId: string): Promise<PriorityRow[]> {
  return db
    .select(priorityColumns)
    .from(planPriorities)
    .where(eq(planPriorities.planId, planId))
    .orderBy(asc(planPriorities.position), asc(planPriorities.createdAt));
}

export async function findPriority(db: AppDb, planId: string, priorityId: string): Promise<PriorityRow | null> {
  const [row] = await db
    .select(priorityColumns)
    .from(planPriorities)
    .where(and(eq(planPriorities.planId, planId), eq(planPriorities.id, priorityId)));
  return row ?? null;
}

/** Adds a priority at the end of the plan, or finds the one its creation key already made. */
export async function insertPriority(
  db: AppDb,
  values: Omit<typeof planPriorities.$inferInsert, 'position'>,
): Promise<string> {
  const [last] = await db
    .select({ position: max(planPriorities.position) })
    .from(planPriorities)
    .where(eq(planPriorities.planId, values.planId));
  const [inserted] = await db
    .insert(planPriorities)
    .values({ ...values, position: (last?.position ?? -1) + 1 })
    .onConflictDoNothing({ target: planPriorities.creationKey })
    .returning({ id: planPriorities.id });
  if (inserted) return inserted.id;
  const [existing] = await db
    .select({ id: planPriorities.id })
    .from(planPriorities)
    .where(eq(planPriorities.creationKey, values.creationKey));
  if (!existing) throw new Error('priority neither inserted nor found');
  return existing.id;
}

export async function updatePriority(
  db: AppDb,
  {
    id,
    version,
    values,
  }: { id: string; version: number; values: Pick<PriorityRow, 'title' | 'intendedOutcome' | 'successCriteria'> },
): Promise<boolean> {
  const rows = await db
    .update(planPriorities)
    .set({ ...values, updatedAt: new Date(), version: sql`${planPriorities.version} + 1` })
    .where(and(eq(planPriorities.id, id), eq(planPriorities.version, version)))
    .returning({ id: planPriorities.id });
  return rows.length > 0;
}

/** Numbers the plan's priorities 0, 1, 2… in the order given. */
export async function setPriorityPositions(db: AppDb, planId: string, orderedIds: string[]): Promise<void> {
  for (const [position, id] of orderedIds.entries()) {
    await db
      .update(planPriorities)
      .set({ position })
      .where(and(eq(planPriorities.planId, planId), eq(planPriorities.id, id)));
  }
}

/** The people who may own an organisation's actions: its members with an account still in use, by name. */
export async function listOrganisationPeople(
  db: AppDb,
  organisationId: string,
): Promise<Array<{ id: string; displayName: string }>> {
  return db
    .selectDistinct({ id: people.id, displayName: people.displayName })
    .from(memberships)
    .innerJoin(people, eq(people.id, memberships.personId))
    .where(and(eq(memberships.organisationId, organisationId), isNull(people.deactivatedAt)))
    .orderBy(asc(people.displayName), asc(people.id));
}
