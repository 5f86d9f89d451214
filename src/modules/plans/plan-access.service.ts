import { allowedIds, assertAllowed, type Permission } from '../../platform/access/access.ts';
import type { Viewer } from '../../platform/auth/viewer.ts';
import type { AppDb } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { planPaths } from './plans.paths.ts';
import { editPlan } from './plans.policy.ts';
import * as repository from './plans.repository.ts';

/**
 * Loads a plan for someone allowed `permission` on it. A refusal reads exactly like a missing
 * plan (404): what a trust plans, or a person's own development, is nobody else's business.
 */
export async function loadPlan(
  db: AppDb,
  {
    actor,
    planId,
    permission,
    forUpdate = false,
  }: { actor: Viewer | null; planId: string; permission: Permission; forUpdate?: boolean },
): Promise<repository.PlanRow> {
  await assertAllowed(db, { actor, permission, ids: [planId], whenDenied: 'not-found' });
  const plan = await repository.findPlan(db, planId, { forUpdate });
  if (!plan) throw AppError.notFound();
  return plan;
}

/** A change sent to a closed plan: said plainly, with the way back, not as a clash with someone's edit. */
export function assertOpen(plan: repository.PlanRow): void {
  if (plan.status !== 'closed') return;
  throw AppError.conflict('This plan is closed: nothing in it can change', {
    title: 'This plan is closed',
    paragraphs: [
      `“${plan.title}” has been closed, so its priorities, actions and milestones can no longer change.`,
      'What you sent has not been saved. If it matters, keep a copy of it before you leave this page: go back in your browser to see it again.',
    ],
    link: { href: planPaths.plan(plan.id), text: 'Go to the plan' },
  });
}

/** Loads a plan the actor may change, and refuses if it is closed. */
export async function loadPlanToChange(
  db: AppDb,
  { actor, planId, forUpdate = false }: { actor: Viewer | null; planId: string; forUpdate?: boolean },
): Promise<repository.PlanRow> {
  const plan = await loadPlan(db, { actor, planId, permission: editPlan, forUpdate });
  assertOpen(plan);
  return plan;
}

export async function mayEdit(db: AppDb, actor: Viewer | null, planId: string): Promise<boolean> {
  return (await allowedIds(db, { actor, permission: editPlan, ids: [planId] })).has(planId);
}

/** Who may own the plan's actions: the trust's people, or for an individual plan its owner alone. */
export async function possibleOwners(
  db: AppDb,
  plan: repository.PlanRow,
): Promise<Array<{ id: string; displayName: string }>> {
  if (plan.organisationId) return repository.listOrganisationPeople(db, plan.organisationId);
  return plan.ownerPersonId ? [{ id: plan.ownerPersonId, displayName: plan.ownerName }] : [];
}
