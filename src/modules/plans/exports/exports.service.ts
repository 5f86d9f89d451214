import type { AuditRequestContext } from '../../../platform/audit/audit.ts';
import type { Viewer } from '../../../platform/auth/viewer.ts';
import type { AppDb } from '../../../platform/db/database.ts';
import * as actionsRepository from '../actions.repository.ts';
import { loadPlan } from '../plan-access.service.ts';
import { recordPlanRead } from '../plan-reads.ts';
import { seePlan } from '../plans.policy.ts';
import * as plansRepository from '../plans.repository.ts';
import * as repository from './exports.repository.ts';
import { planExportOf, type PlanExport } from './plan-export.ts';

export type PlanExportFormat = 'pdf' | 'csv';

/**
 * The whole plan, for a download: to anyone who may read the plan, and to everyone else not
 * found. Each download is a read of the plan's content, written to the audit log.
 */
export async function getPlanExport({
  db,
  actor,
  planId,
  format,
  audit,
  now = new Date(),
}: {
  db: AppDb;
  actor: Viewer | null;
  planId: string;
  format: PlanExportFormat;
  audit: AuditRequestContext;
  now?: Date;
}): Promise<PlanExport> {
  const plan = await loadPlan(db, { actor, planId, permission: seePlan });
  const [priorities, actions, lastUpdates, milestones] = await Promise.all([
    plansRepository.listPriorities(db, planId),
    actionsRepository.listActions(db, planId),
    repository.listLastUpdates(db, planId),
    actionsRepository.listMilestones(db, planId),
  ]);
  await recordPlanRead(db, { actor, plan, kind: 'plan.export', details: { format } }, audit);
  return planExportOf({ plan, priorities, actions, lastUpdates, milestones }, now);
}
