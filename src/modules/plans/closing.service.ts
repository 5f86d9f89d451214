import { randomUUID } from 'node:crypto';
import type { Viewer } from '../../platform/auth/viewer.ts';
import type { AppDb } from '../../platform/db/database.ts';
import { AppError, isId } from '../../platform/http/app-error.ts';
import * as repository from './closing.repository.ts';
import { loadPlan, loadPlanToChange } from './plan-access.service.ts';
import { editPlan } from './plans.policy.ts';
import * as plansRepository from './plans.repository.ts';
import { createPlan, type PlanDetails } from './plans.service.ts';

export type { CarriedPriority, CarriedPriorityRow } from './closing.repository.ts';

export interface PlanToClose {
  plan: plansRepository.PlanRow;
  priorities: plansRepository.PriorityRow[];
}

/** An open plan and its priorities, for those who change it: what closing it asks about. */
export async function getPlanToClose({ db, actor, planId }: { db: AppDb; actor: Viewer | null; planId: string }) {
  const plan = await loadPlanToChange(db, { actor, planId });
  return { plan, priorities: await plansRepository.listPriorities(db, planId) } satisfies PlanToClose;
}

export type CloseOutcome = { outcome: 'closed' } | { outcome: 'stale'; current: PlanToClose };

/**
 * Closes the plan: what each priority achieved (one entry per priority, checked by the route), the
 * medium-term priorities carried forward. A plan changed since the form opened is not closed: the
 * person sees the plan as it is now, and what they typed.
 */
export async function closePlan({
  db,
  actor,
  planId,
  version,
  achieved,
  carried,
}: {
  db: AppDb;
  actor: Viewer | null;
  planId: string;
  version: number;
  achieved: Map<string, string>;
  carried: repository.CarriedPriority[];
}): Promise<CloseOutcome> {
  if (!actor) throw AppError.notFound();
  return db.transaction(async (tx) => {
    const plan = await loadPlanToChange(tx, { actor, planId, forUpdate: true });
    const priorities = await plansRepository.listPriorities(tx, planId);
    const answersEvery =
      priorities.every((priority) => achieved.has(priority.id)) && achieved.size === priorities.length;
    if (
      answersEvery &&
      (await repository.closePlan(tx, { planId, version, closedByPersonId: actor.personId, achieved, carried }))
    ) {
      return { outcome: 'closed' };
    }
    return { outcome: 'stale', current: { plan, priorities } };
  });
}

export interface NextPlanStart {
  previous: plansRepository.PlanRow;
  carried: repository.CarriedPriorityRow[];
}

/**
 * A closed plan, for those who changed it, to start the next from: the same trust's (or person's)
 * plan, with its medium-term priorities as the first priorities.
 */
export async function getNextPlanStart({
  db,
  actor,
  previousPlanId,
}: {
  db: AppDb;
  actor: Viewer | null;
  previousPlanId: string;
}): Promise<NextPlanStart> {
  const previous = await loadPlan(db, { actor, planId: previousPlanId, permission: editPlan });
  if (previous.status !== 'closed') throw AppError.notFound();
  return { previous, carried: await repository.listCarriedPriorities(db, previousPlanId) };
}

/**
 * Makes the next plan for the closed plan's owner, with a priority for each medium-term priority
 * chosen (in their order). The same creation key sent again finds the plan it made.
 */
export async function startNextPlan({
  db,
  actor,
  previousPlanId,
  details,
  carriedIds,
  creationKey,
}: {
  db: AppDb;
  actor: Viewer | null;
  previousPlanId: string;
  details: PlanDetails;
  carriedIds: string[];
  creationKey: string;
}): Promise<string> {
  if (!actor) throw AppError.notFound();
  return db.transaction(async (tx) => {
    const { previous } = await getNextPlanStart({ db: tx, actor, previousPlanId });
    const chosen = await repository.findCarriedPriorities(tx, previousPlanId, carriedIds.filter(isId));
    const owner = previous.organisationId ? { organisationId: previous.organisationId } : ('me' as const);
    const planId = await createPlan({ db: tx, actor, owner, details, creationKey, previousPlanId });
    for (const carried of chosen) {
      await plansRepository.insertPriority(tx, {
        planId,
        title: carried.title,
        intendedOutcome: carried.detail || `Carried forward from “${previous.title}”.`,
        // One key per plan and carried priority: a second press finds the priorities the first made.
        creationKey: `${creationKey}:${carried.id}`,
      });
    }
    return planId;
  });
}

/** A key for a form that has none yet. */
export const newCreationKey = () => randomUUID();
