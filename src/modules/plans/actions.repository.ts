import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { AppDb } from '../../platform/db/database.ts';
import { people } from '../people/people.tables.ts';
import { planActions, planMilestones, planPriorities, planProgressUpdates, plans } from './plans.tables.ts';

const owners = alias(people, 'action_owner');
const savers = alias(people, 'action_saver');

export interface ActionRow {
  id: string;
  planId: string;
  priorityId: string;
  title: string;
  ownerPersonId: string;
  ownerName: string;
  dueDate: string;
  status: (typeof planActions.$inferSelect)['status'];
  rag: (typeof planActions.$inferSelect)['rag'];
  dependsOnActionId: string | null;
  updatedByName: string | null;
  version: number;
  updatedAt: Date;
}

const actionColumns = {
  id: planActions.id,
  planId: planActions.planId,
  priorityId: planActions.priorityId,
  title: planActions.title,
  ownerPersonId: planActions.ownerPersonId,
  ownerName: owners.displayName,
  dueDate: planActions.dueDate,
  status: planActions.status,
  rag: planActions.rag,
  dependsOnActionId: planActions.dependsOnActionId,
  updatedByName: savers.displayName,
  version: planActions.version,
  updatedAt: planActions.updatedAt,
};

function selectActions(db: AppDb) {
  return db
    .select(actionColumns)
    .from(planActions)
    .innerJoin(owners, eq(owners.id, planActions.ownerPersonId))
    .leftJoin(savers, eq(savers.id, planActions.updatedByPersonId));
}

export async function listActions(db: AppDb, planId: string): Promise<ActionRow[]> {
  return selectActions(db).where(eq(planActions.planId, planId));
}

export async function findAction(
  db: AppDb,
  planId: string,
  actionId: string,
  { forUpdate = false } = {},
): Promise<ActionRow | null> {
  const query = selectActions(db).where(and(eq(planActions.planId, planId), eq(planActions.id, actionId)));
  const [row] = forUpdate ? await query.for('update', { of: planActions }) : await query;
  return row ?? null;
}

/** A person's actions in every plan, with the plan and priority each belongs to. */
export async function listActionsOwnedBy(db: AppDb, personId: string) {
  return db
    .select({ ...actionColumns, planTitle: plans.title, priorityTitle: planPriorities.title })
    .from(planActions)
    .innerJoin(owners, eq(owners.id, planActions.ownerPersonId))
    .leftJoin(savers, eq(savers.id, planActions.updatedByPersonId))
    .innerJoin(plans, eq(plans.id, planActions.planId))
    .innerJoin(planPriorities, eq(planPriorities.id, planActions.priorityId))
    .where(eq(planActions.ownerPersonId, personId))
    .orderBy(asc(planActions.dueDate));
}

export type ActionValues = Pick<
  typeof planActions.$inferInsert,
  'title' | 'ownerPersonId' | 'dueDate' | 'status' | 'rag' | 'dependsOnActionId' | 'updatedByPersonId'
>;

/** Adds an action, or finds the one its creation key already made. */
export async function insertAction(
  db: AppDb,
  values: ActionValues & { planId: string; priorityId: string; creationKey: string },
): Promise<string> {
  const [inserted] = await db
    .insert(planActions)
    .values(values)
    .onConflictDoNothing({ target: planActions.creationKey })
    .returning({ id: planActions.id });
  if (inserted) return inserted.id;
  const [existing] = await db
    .select({ id: planActions.id })
    .from(planActions)
    .where(eq(planActions.creationKey, values.creationKey));
  if (!existing) throw new Error('action neither inserted nor found');
  return existing.id;
}

/** Saves over `version`; false when someone saved in between. */
export async function updateAction(
  db: AppDb,
  { id, version, values }: { id: string; version: number; values: ActionValues },
): Promise<boolean> {
  const rows = await db
    .update(planActions)
    .set({ ...values, updatedAt: new Date(), version: sql`${planActions.version} + 1` })
    .where(and(eq(planActions.id, id), eq(planActions.version, version)))
    .returning({ id: planActions.id });
  return rows.length > 0;
}

export interface UpdateRow {
  id: string;
  updatedOn: string;
  note: string;
  link: string | null;
  fileName: string | null;
  authorName: string | null;
  createdAt: Date;
}

export async function listUpdates(db: AppDb, actionId: string): Promise<UpdateRow[]> {
  return db
    .select({
      id: planProgressUpdates.id,
      updatedOn: planProgressUpdates.updatedOn,
      note: planProgressUpdates.note,
      link: planProgressUpdates.link,
      fileName: planProgressUpdates.fileName,
      authorName: people.displayName,
      createdAt: planProgressUpdates.createdAt,
    })
    .from(planProgressUpdates)
    .leftJoin(people, eq(people.id, planProgressUpdates.authorPersonId))
    .where(eq(planProgressUpdates.actionId, actionId))
    .orderBy(desc(planProgressUpdates.updatedOn), desc(planProgressUpdates.createdAt));
}

/** Adds a progress update; false when its creation key already made one (the form was sent twice). */
export async function insertUpdate(db: AppDb, values: typeof planProgressUpdates.$inferInsert): Promise<boolean> {
  const rows = await db
    .insert(planProgressUpdates)
    .values(values)
    .onConflictDoNothing({ target: planProgressUpdates.creationKey })
    .returning({ id: planProgressUpdates.id });
  return rows.length > 0;
}

export async function findUpdateFile(db: AppDb, planId: string, updateId: string) {
  const [row] = await db
    .select({
      fileName: planProgressUpdates.fileName,
      storedName: planProgressUpdates.storedName,
      contentType: planProgressUpdates.contentType,
    })
    .from(planProgressUpdates)
    .where(and(eq(planProgressUpdates.planId, planId), eq(planProgressUpdates.id, updateId)));
  return row ?? null;
}

export type MilestoneRow = Pick<
  typeof planMilestones.$inferSelect,
  'id' | 'title' | 'dueOn' | 'reached' | 'version' | 'updatedAt'
>;

const milestoneColumns = {
  id: planMilestones.id,
  title: planMilestones.title,
  dueOn: planMilestones.dueOn,
  reached: planMilestones.reached,
  version: planMilestones.version,
  updatedAt: planMilestones.updatedAt,
};

export async function listMilestones(db: AppDb, planId: string): Promise<MilestoneRow[]> {
  return db
    .select(milestoneColumns)
    .from(planMilestones)
    .where(eq(planMilestones.planId, planId))
    .orderBy(asc(planMilestones.dueOn), asc(planMilestones.title));
}

export async function findMilestone(db: AppDb, planId: string, milestoneId: string): Promise<MilestoneRow | null> {
  const [row] = await db
    .select(milestoneColumns)
    .from(planMilestones)
    .where(and(eq(planMilestones.planId, planId), eq(planMilestones.id, milestoneId)));
  return row ?? null;
}

export type MilestoneValues = Pick<MilestoneRow, 'title' | 'dueOn' | 'reached'>;

/** Adds a milestone; a second send of the same form adds nothing. */
export async function insertMilestone(
  db: AppDb,
  values: MilestoneValues & { planId: string; creationKey: string },
): Promise<void> {
  await db.insert(planMilestones).values(values).onConflictDoNothing({ target: planMilestones.creationKey });
}

export async function updateMilestone(
  db: AppDb,
  { id, version, values }: { id: string; version: number; values: MilestoneValues },
): Promise<boolean> {
  const rows = await db
    .update(planMilestones)
    .set({ ...values, updatedAt: new Date(), version: sql`${planMilestones.version} + 1` })
    .where(and(eq(planMilestones.id, id), eq(planMilestones.version, version)))
    .returning({ id: planMilestones.id });
  return rows.length > 0;
}
