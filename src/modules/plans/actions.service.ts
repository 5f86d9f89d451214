import { allowedIds, assertAllowed } from '../../platform/access/access.ts';
import type { AuditRequestContext } from '../../platform/audit/audit.ts';
import type { Viewer } from '../../platform/auth/viewer.ts';
import type { AppDb } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { londonToday } from '../../platform/views/london-time.ts';
import * as actionsRepository from './actions.repository.ts';
import { inDependencyOrder, isOverdue, overdueFirst, wouldLoop } from './plan-progress.ts';
import { recordPlanRead } from './plan-reads.ts';
import { assertOpen, loadPlan, loadPlanToChange, possibleOwners } from './plan-access.service.ts';
import { seePlan, updateAction } from './plans.policy.ts';
import * as repository from './plans.repository.ts';
import type { ActionStatus, RagRating } from './plans.tables.ts';

export interface ActionInput {
  title: string;
  ownerPersonId: string;
  dueDate: string;
  status: ActionStatus;
  rag: RagRating;
  dependsOnActionId: string | null;
}

/** Another action of the plan, as the "depends on" list offers it: in the order the plan shows them. */
export interface ActionChoice {
  id: string;
  title: string;
  priorityTitle: string;
}

export interface ActionForm {
  plan: repository.PlanRow;
  priority: repository.PriorityRow;
  owners: Array<{ id: string; displayName: string }>;
  dependencies: ActionChoice[];
  action: actionsRepository.ActionRow | null;
}

/** The plan's actions in the order the overview lists them: by priority, then each priority's dependency order. */
async function planActionsInOrder(db: AppDb, planId: string) {
  const [priorities, actions] = await Promise.all([
    repository.listPriorities(db, planId),
    actionsRepository.listActions(db, planId),
  ]);
  return priorities.flatMap((priority) =>
    inDependencyOrder(actions.filter((action) => action.priorityId === priority.id)).map((action) => ({
      ...action,
      priorityTitle: priority.title,
    })),
  );
}

async function formFor(
  db: AppDb,
  plan: repository.PlanRow,
  priorityId: string,
  action: actionsRepository.ActionRow | null,
): Promise<ActionForm> {
  const priority = await repository.findPriority(db, plan.id, priorityId);
  if (!priority) throw AppError.notFound();
  const [owners, ordered] = await Promise.all([possibleOwners(db, plan), planActionsInOrder(db, plan.id)]);
  const dependencies = ordered
    .filter((each) => each.id !== action?.id)
    .map((each) => ({ id: each.id, title: each.title, priorityTitle: each.priorityTitle }));
  return { plan, priority, owners, dependencies, action };
}

/** Loads an action the actor may update (the plan's editors and the action's owner), in a plan still open. */
async function loadActionToChange(
  db: AppDb,
  {
    actor,
    planId,
    actionId,
    forUpdate = false,
  }: { actor: Viewer | null; planId: string; actionId: string; forUpdate?: boolean },
) {
  const plan = await loadPlan(db, { actor, planId, permission: seePlan });
  await assertAllowed(db, { actor, permission: updateAction, ids: [actionId], whenDenied: 'not-found' });
  const action = await actionsRepository.findAction(db, planId, actionId, { forUpdate });
  if (!action) throw AppError.notFound();
  assertOpen(plan);
  return { plan, action };
}

export async function getNewActionForm(args: { db: AppDb; actor: Viewer | null; planId: string; priorityId: string }) {
  const plan = await loadPlanToChange(args.db, args);
  return formFor(args.db, plan, args.priorityId, null);
}

export async function getActionForm(args: { db: AppDb; actor: Viewer | null; planId: string; actionId: string }) {
  const { plan, action } = await loadActionToChange(args.db, args);
  return formFor(args.db, plan, action.priorityId, action);
}

export type ActionProblem = { outcome: 'invalid'; field: 'owner' | 'dependsOn'; message: string };

/** What no form field can check alone: the owner is one of the plan's people, the dependency is in the plan and makes no loop. */
async function problemWith(
  db: AppDb,
  plan: repository.PlanRow,
  actionId: string | null,
  input: ActionInput,
): Promise<ActionProblem | null> {
  const owners = await possibleOwners(db, plan);
  if (!owners.some((owner) => owner.id === input.ownerPersonId)) {
    return { outcome: 'invalid', field: 'owner', message: 'Select who owns the action from the list' };
  }
  if (!input.dependsOnActionId) return null;
  const actions = await actionsRepository.listActions(db, plan.id);
  if (!actions.some((action) => action.id === input.dependsOnActionId && action.id !== actionId)) {
    return { outcome: 'invalid', field: 'dependsOn', message: 'Select an action of this plan, or none' };
  }
  if (actionId && wouldLoop(actions, actionId, input.dependsOnActionId)) {
    return {
      outcome: 'invalid',
      field: 'dependsOn',
      message: 'Select an action that does not itself wait for this one',
    };
  }
  return null;
}

export async function addAction({
  db,
  actor,
  planId,
  priorityId,
  input,
  creationKey,
}: {
  db: AppDb;
  actor: Viewer | null;
  planId: string;
  priorityId: string;
  input: ActionInput;
  creationKey: string;
}): Promise<{ outcome: 'saved'; actionId: string } | ActionProblem> {
  return db.transaction(async (tx) => {
    const plan = await loadPlanToChange(tx, { actor, planId });
    if (!(await repository.findPriority(tx, planId, priorityId))) throw AppError.notFound();
    const problem = await problemWith(tx, plan, null, input);
    if (problem) return problem;
    const actionId = await actionsRepository.insertAction(tx, {
      ...input,
      planId,
      priorityId,
      creationKey,
      updatedByPersonId: actor?.personId ?? null,
    });
    return { outcome: 'saved', actionId };
  });
}

/**
 * Saves an action over the version the form was opened on. Saved by someone else in between:
 * nothing is written, and what is saved now comes back for the form to show beside what was typed.
 */
export async function saveAction({
  db,
  actor,
  planId,
  actionId,
  input,
  version,
}: {
  db: AppDb;
  actor: Viewer | null;
  planId: string;
  actionId: string;
  input: ActionInput;
  version: number;
}): Promise<{ outcome: 'saved' } | { outcome: 'stale'; current: actionsRepository.ActionRow } | ActionProblem> {
  return db.transaction(async (tx) => {
    const { plan, action } = await loadActionToChange(tx, { actor, planId, actionId, forUpdate: true });
    if (action.version !== version) return { outcome: 'stale', current: action };
    const problem = await problemWith(tx, plan, actionId, input);
    if (problem) return problem;
    const values = { ...input, updatedByPersonId: actor?.personId ?? null };
    if (!(await actionsRepository.updateAction(tx, { id: actionId, version, values }))) {
      return { outcome: 'stale', current: action };
    }
    return { outcome: 'saved' };
  });
}

/** An action with its progress, for anyone who reads the plan; the read is audited. */
export async function getActionPage({
  db,
  actor,
  planId,
  actionId,
  audit,
}: {
  db: AppDb;
  actor: Viewer | null;
  planId: string;
  actionId: string;
  audit: AuditRequestContext;
}) {
  const plan = await loadPlan(db, { actor, planId, permission: seePlan });
  const action = await actionsRepository.findAction(db, planId, actionId);
  if (!action) throw AppError.notFound();
  const [priority, updates, dependsOn, mayUpdate] = await Promise.all([
    repository.findPriority(db, planId, action.priorityId),
    actionsRepository.listUpdates(db, actionId),
    action.dependsOnActionId ? actionsRepository.findAction(db, planId, action.dependsOnActionId) : null,
    allowedIds(db, { actor, permission: updateAction, ids: [actionId] }),
  ]);
  if (!priority) throw AppError.notFound();
  await recordPlanRead(db, { actor, plan, kind: 'plan.action', details: { actionId } }, audit);
  const overdue = isOverdue(action, londonToday());
  const update = mayUpdate.has(actionId) && plan.status !== 'closed';
  return { plan, priority, action, updates, dependsOn, overdue, update };
}

/** The actor's actions in the plans they can read: overdue first, then by due date, finished last. */
export async function listMyActions({ db, actor }: { db: AppDb; actor: Viewer | null }) {
  if (!actor) throw AppError.forbidden();
  const rows = await actionsRepository.listActionsOwnedBy(db, actor.personId);
  // An action in a plan they can no longer read (they left the trust) is not theirs to see.
  const readable = await allowedIds(db, {
    actor,
    permission: seePlan,
    ids: [...new Set(rows.map((row) => row.planId))],
  });
  const today = londonToday();
  return overdueFirst(
    rows.filter((row) => readable.has(row.planId)),
    today,
  ).map((row) => ({ ...row, overdue: isOverdue(row, today) }));
}
