import type { Viewer } from '../../platform/auth/viewer.ts';
import type { AppDb } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { findReviewSource, type ReviewSource } from './from-review.service.ts';
import { loadPlanToChange } from './plan-access.service.ts';
import type { ReviewElementRef } from './plans.paths.ts';
import * as repository from './plans.repository.ts';
import type { SaveOutcome } from './plans.service.ts';

export interface PriorityText {
  title: string;
  intendedOutcome: string;
  successCriteria: string;
}

/**
 * The review element a new priority comes from, checked again on every use: the actor still sees
 * the review's results, and the review is of the plan's own trust. Otherwise, not found.
 */
async function sourceFor(
  db: AppDb,
  actor: Viewer | null,
  plan: repository.PlanRow,
  from: ReviewElementRef,
): Promise<ReviewSource> {
  const source = await findReviewSource({ db, actor, from });
  if (source.organisationId !== plan.organisationId) throw AppError.notFound();
  return source;
}

/** What the new-priority form needs: the plan, and the review element it starts from, if any. */
export async function getNewPriority({
  db,
  actor,
  planId,
  from,
}: {
  db: AppDb;
  actor: Viewer | null;
  planId: string;
  from: ReviewElementRef | null;
}): Promise<{ plan: repository.PlanRow; source: ReviewSource | null }> {
  const plan = await loadPlanToChange(db, { actor, planId });
  return { plan, source: from ? await sourceFor(db, actor, plan, from) : null };
}

/** Adds a priority at the end of the plan; the same creation key sent again adds nothing more. */
export async function addPriority({
  db,
  actor,
  planId,
  text,
  from,
  creationKey,
}: {
  db: AppDb;
  actor: Viewer | null;
  planId: string;
  text: PriorityText;
  from: ReviewElementRef | null;
  creationKey: string;
}): Promise<string> {
  return db.transaction(async (tx) => {
    // Locked, so that two priorities added at once take different places.
    const plan = await loadPlanToChange(tx, { actor, planId, forUpdate: true });
    const source = from ? await sourceFor(tx, actor, plan, from) : null;
    return repository.insertPriority(tx, {
      planId,
      ...text,
      creationKey,
      ...(source
        ? {
            reviewId: source.reviewId,
            headingKeys: [source.headingKey],
            elementKeys: [source.elementKey],
            sourceLabel: source.label,
          }
        : {}),
    });
  });
}

export async function getPriority({
  db,
  actor,
  planId,
  priorityId,
}: {
  db: AppDb;
  actor: Viewer | null;
  planId: string;
  priorityId: string;
}): Promise<{ plan: repository.PlanRow; priority: repository.PriorityRow }> {
  const plan = await loadPlanToChange(db, { actor, planId });
  const priority = await repository.findPriority(db, planId, priorityId);
  if (!priority) throw AppError.notFound();
  return { plan, priority };
}

/** Saves a priority's text over the version the form was opened on. */
export async function savePriority({
  db,
  actor,
  planId,
  priorityId,
  text,
  version,
}: {
  db: AppDb;
  actor: Viewer | null;
  planId: string;
  priorityId: string;
  text: PriorityText;
  version: number;
}): Promise<SaveOutcome<repository.PriorityRow>> {
  return db.transaction(async (tx) => {
    await loadPlanToChange(tx, { actor, planId });
    if (!(await repository.findPriority(tx, planId, priorityId))) throw AppError.notFound();
    if (await repository.updatePriority(tx, { id: priorityId, version, values: text })) return { outcome: 'saved' };
    const current = await repository.findPriority(tx, planId, priorityId);
    if (!current) throw AppError.notFound();
    return { outcome: 'stale', current };
  });
}

/** Moves a priority one place up or down; at the top (or bottom) already, nothing changes. */
export async function movePriority({
  db,
  actor,
  planId,
  priorityId,
  direction,
}: {
  db: AppDb;
  actor: Viewer | null;
  planId: string;
  priorityId: string;
  direction: 'up' | 'down';
}): Promise<void> {
  await db.transaction(async (tx) => {
    await loadPlanToChange(tx, { actor, planId, forUpdate: true });
    const ids = (await repository.listPriorities(tx, planId)).map((priority) => priority.id);
    const from = ids.indexOf(priorityId);
    if (from === -1) throw AppError.notFound();
    const to = direction === 'up' ? from - 1 : from + 1;
    const other = ids[to];
    if (other === undefined) return;
    ids[to] = priorityId;
    ids[from] = other;
    await repository.setPriorityPositions(tx, planId, ids);
  });
}
