import type { Viewer } from '../../platform/auth/viewer.ts';
import type { AppDb } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/app-error.ts';
import * as actionsRepository from './actions.repository.ts';
import { loadPlanToChange } from './plan-access.service.ts';
import type { SaveOutcome } from './plans.service.ts';

export type MilestoneInput = actionsRepository.MilestoneValues;

type MilestoneScope = { db: AppDb; actor: Viewer | null; planId: string };

export async function getMilestone({ db, actor, planId, milestoneId }: MilestoneScope & { milestoneId: string }) {
  const plan = await loadPlanToChange(db, { actor, planId });
  const milestone = await actionsRepository.findMilestone(db, planId, milestoneId);
  if (!milestone) throw AppError.notFound();
  return { plan, milestone };
}

export async function addMilestone({
  db,
  actor,
  planId,
  input,
  creationKey,
}: MilestoneScope & { input: MilestoneInput; creationKey: string }): Promise<void> {
  await loadPlanToChange(db, { actor, planId });
  await actionsRepository.insertMilestone(db, { ...input, planId, creationKey });
}

/** Saves a milestone over the version the form was opened on. */
export async function saveMilestone({
  db,
  actor,
  planId,
  milestoneId,
  input,
  version,
}: MilestoneScope & { milestoneId: string; input: MilestoneInput; version: number }): Promise<
  SaveOutcome<actionsRepository.MilestoneRow>
> {
  return db.transaction(async (tx) => {
    await loadPlanToChange(tx, { actor, planId });
    if (!(await actionsRepository.findMilestone(tx, planId, milestoneId))) throw AppError.notFound();
    if (await actionsRepository.updateMilestone(tx, { id: milestoneId, version, values: input })) {
      return { outcome: 'saved' };
    }
    const current = await actionsRepository.findMilestone(tx, planId, milestoneId);
    if (!current) throw AppError.notFound();
    return { outcome: 'stale', current };
  });
}
