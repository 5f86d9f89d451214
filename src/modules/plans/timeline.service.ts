import type { AuditRequestContext } from '../../platform/audit/audit.ts';
import type { Viewer } from '../../platform/auth/viewer.ts';
import type { AppDb } from '../../platform/db/database.ts';
import * as actionsRepository from './actions.repository.ts';
import { loadPlan } from './plan-access.service.ts';
import { recordPlanRead } from './plan-reads.ts';
import { planTimeline, type TimelineEntry } from './plan-timeline.ts';
import { seePlan } from './plans.policy.ts';
import * as repository from './plans.repository.ts';

/** An action as the timeline lists it: with the title of the priority it serves. */
export type TimelineActionRow = actionsRepository.ActionRow & { priorityTitle: string };

export interface PlanTimeline {
  plan: repository.PlanRow;
  entries: Array<TimelineEntry<TimelineActionRow, actionsRepository.MilestoneRow>>;
  /** Actions open past their due day, in any month. */
  overdue: number;
}

/** A plan's actions and milestones by the month they are due, for anyone who may read the plan. */
export async function getPlanTimeline({
  db,
  actor,
  planId,
  audit,
  now = new Date(),
}: {
  db: AppDb;
  actor: Viewer | null;
  planId: string;
  audit: AuditRequestContext;
  now?: Date;
}): Promise<PlanTimeline> {
  const plan = await loadPlan(db, { actor, planId, permission: seePlan });
  const [priorities, actions, milestones] = await Promise.all([
    repository.listPriorities(db, planId),
    actionsRepository.listActions(db, planId),
    actionsRepository.listMilestones(db, planId),
  ]);
  await recordPlanRead(db, { actor, plan, kind: 'plan.timeline' }, audit);
  const priorityTitles = new Map(priorities.map((priority) => [priority.id, priority.title]));
  const entries = planTimeline({
    periodStart: plan.periodStart,
    periodEnd: plan.periodEnd,
    actions: actions.map((action) => ({ ...action, priorityTitle: priorityTitles.get(action.priorityId) ?? '' })),
    milestones,
    now,
  });
  const overdue = entries.reduce(
    (count, entry) => count + (entry.kind === 'month' ? entry.actions.filter((action) => action.overdue).length : 0),
    0,
  );
  return { plan, entries, overdue };
}
