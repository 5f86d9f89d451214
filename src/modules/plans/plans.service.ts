import { allowedIds, assertAllowed } from '../../platform/access/access.ts';
import type { Viewer } from '../../platform/auth/viewer.ts';
import type { AppDb } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/app-error.ts';
import type { AuditRequestContext } from '../../platform/audit/audit.ts';
import { londonToday } from '../../platform/views/london-time.ts';
import * as actionsRepository from './actions.repository.ts';
import { listCarriedPriorities, type CarriedPriorityRow } from './closing.repository.ts';
import { countCommentsByPriority } from './comments.repository.ts';
import { recordPlanRead } from './plan-reads.ts';
import { inDependencyOrder, isOverdue, progressOf, ragRollUp, type RagRollUp } from './plan-progress.ts';
import { loadPlan, loadPlanToChange, mayEdit } from './plan-access.service.ts';
import { makePlansFor, seePlan } from './plans.policy.ts';
import * as repository from './plans.repository.ts';
import type { PlanStatus } from './plans.tables.ts';

export type { PlanRow, PriorityRow } from './plans.repository.ts';
export type { ActionRow, MilestoneRow, UpdateRow } from './actions.repository.ts';

/** The trusts the actor may make plans for, from the organisations they belong to. */
export async function organisationsWherePlansAreMade({ db, actor }: { db: AppDb; actor: Viewer | null }) {
  if (!actor) return [];
  const candidates = new Map(actor.memberships.map((each) => [each.organisationId, each.organisationName]));
  const allowed = await allowedIds(db, { actor, permission: makePlansFor, ids: [...candidates.keys()] });
  return [...candidates].filter(([id]) => allowed.has(id)).map(([id, name]) => ({ id, name }));
}

/** The actor's own plans, and their organisations' plans by organisation. */
export async function listPlans({ db, actor }: { db: AppDb; actor: Viewer | null }) {
  if (!actor) throw AppError.forbidden();
  const organisationIds = [...new Set(actor.memberships.map((each) => each.organisationId))];
  const rows = await repository.listPlansOf(db, actor.personId, organisationIds);
  // The query selects by membership as the policy does; asking the policy as well keeps the two from drifting apart.
  const visible = await allowedIds(db, { actor, permission: seePlan, ids: rows.map((row) => row.id) });
  const plans = rows.filter((row) => visible.has(row.id));
  return {
    mine: plans.filter((plan) => plan.ownerPersonId === actor.personId),
    organisations: organisationIds
      .map((id) => ({
        id,
        name: actor.memberships.find((each) => each.organisationId === id)?.organisationName ?? '',
        plans: plans.filter((plan) => plan.organisationId === id),
      }))
      .filter((organisation) => organisation.plans.length > 0),
  };
}

export interface PlanDetails {
  title: string;
  periodStart: string;
  periodEnd: string;
  status: Exclude<PlanStatus, 'closed'>;
  summary: string;
}

/** Whose plan a new one is: a trust's, or the actor's own. */
export type PlanOwner = { organisationId: string } | 'me';

/** Makes a plan; the same creation key sent again finds the plan it made. */
export async function createPlan({
  db,
  actor,
  owner,
  details,
  creationKey,
  previousPlanId = null,
}: {
  db: AppDb;
  actor: Viewer | null;
  owner: PlanOwner;
  details: PlanDetails;
  creationKey: string;
  /** The closed plan this one carries on from. */
  previousPlanId?: string | null;
}): Promise<string> {
  if (!actor) throw AppError.forbidden();
  if (owner !== 'me') await assertAllowed(db, { actor, permission: makePlansFor, ids: [owner.organisationId] });
  return repository.insertPlan(db, {
    ...details,
    organisationId: owner === 'me' ? null : owner.organisationId,
    ownerPersonId: owner === 'me' ? actor.personId : null,
    createdByPersonId: actor.personId,
    previousPlanId,
    creationKey,
  });
}

export interface PriorityOverview {
  priority: repository.PriorityRow;
  actions: Array<actionsRepository.ActionRow & { overdue: boolean }>;
  rag: RagRollUp;
  progress: { done: number; counted: number };
  /** Comments and replies on the priority. */
  comments: number;
}

export interface PlanOverview {
  plan: repository.PlanRow;
  priorities: PriorityOverview[];
  milestones: actionsRepository.MilestoneRow[];
  /** May change the plan: its details, priorities, actions and milestones. */
  edit: boolean;
  overdue: number;
  /** A closed plan's medium-term priorities, carried forward; none while it is open. */
  carried: CarriedPriorityRow[];
}

/** The plan with everything in it, for anyone who reads it; the read is audited. */
export async function getPlanOverview({
  db,
  actor,
  planId,
  audit,
}: {
  db: AppDb;
  actor: Viewer | null;
  planId: string;
  audit: AuditRequestContext;
}): Promise<PlanOverview> {
  const plan = await loadPlan(db, { actor, planId, permission: seePlan });
  const [priorities, actions, milestones, edit, comments, carried] = await Promise.all([
    repository.listPriorities(db, planId),
    actionsRepository.listActions(db, planId),
    actionsRepository.listMilestones(db, planId),
    mayEdit(db, actor, planId),
    countCommentsByPriority(db, planId),
    plan.status === 'closed' ? listCarriedPriorities(db, planId) : [],
  ]);
  await recordPlanRead(db, { actor, plan, kind: 'plan.overview' }, audit);
  const today = londonToday();
  const withOverdue = actions.map((action) => ({ ...action, overdue: isOverdue(action, today) }));
  return {
    plan,
    priorities: priorities.map((priority) => {
      const own = withOverdue.filter((action) => action.priorityId === priority.id);
      return {
        priority,
        actions: inDependencyOrder(own),
        rag: ragRollUp(own),
        progress: progressOf(own),
        comments: comments.get(priority.id) ?? 0,
      };
    }),
    milestones,
    edit,
    overdue: withOverdue.filter((action) => action.overdue).length,
    carried,
  };
}

export async function getPlanToEdit({ db, actor, planId }: { db: AppDb; actor: Viewer | null; planId: string }) {
  return loadPlanToChange(db, { actor, planId });
}

export type SaveOutcome<Current> = { outcome: 'saved' } | { outcome: 'stale'; current: Current };

/** Saves a plan's details over the version the form was opened on. */
export async function savePlanDetails({
  db,
  actor,
  planId,
  details,
  version,
}: {
  db: AppDb;
  actor: Viewer | null;
  planId: string;
  details: PlanDetails;
  version: number;
}): Promise<SaveOutcome<repository.PlanRow>> {
  return db.transaction(async (tx) => {
    const plan = await loadPlanToChange(tx, { actor, planId, forUpdate: true });
    if (await repository.updatePlan(tx, { id: planId, version, values: details })) return { outcome: 'saved' };
    return { outcome: 'stale', current: plan };
  });
}
