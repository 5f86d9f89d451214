import { londonToday } from '../../../platform/views/london-time.ts';
import { inDependencyOrder, isOverdue, progressOf, ragRollUp, type RagRollUp } from '../plan-progress.ts';
import type { ActionStatus, PlanStatus, RagRating } from '../plans.tables.ts';

/**
 * A development plan as one plain value: what the PDF and the CSV of its actions both show,
 * built from the plan's rows by `planExportOf` (pure, so the documents are tested without a database).
 */

export interface ExportAction {
  id: string;
  title: string;
  ownerName: string;
  /** "2027-01-31" */
  dueDate: string;
  status: ActionStatus;
  rag: RagRating;
  overdue: boolean;
  /** The title of the action this one waits for (it may be under another priority). */
  dependsOnTitle: string | null;
  /** The newest progress update: its date ("2026-11-20") and note. */
  lastUpdate: { updatedOn: string; note: string } | null;
}

export interface ExportPriority {
  title: string;
  intendedOutcome: string;
  successCriteria: string;
  /** "Leadership: Clarity of purpose" for a priority made from a review. */
  sourceLabel: string | null;
  /** What was achieved, written when the plan was closed. */
  achieved: string | null;
  rag: RagRollUp;
  progress: { done: number; counted: number };
  /** In the order they can be done, as the plan's page lists them. */
  actions: ExportAction[];
}

export interface PlanExport {
  plan: {
    title: string;
    /** The trust's name, or the person's for an individual plan. */
    ownerName: string;
    /** A trust's plan (else one person's own). */
    ofTrust: boolean;
    periodStart: string;
    periodEnd: string;
    status: PlanStatus;
    summary: string;
    closedAt: Date | null;
  };
  priorities: ExportPriority[];
  milestones: Array<{ title: string; dueOn: string; reached: boolean }>;
  producedAt: Date;
}

/** The rows `planExportOf` needs, as the plans repositories return them. */
export interface PlanExportRows {
  plan: {
    title: string;
    ownerName: string;
    organisationId: string | null;
    periodStart: string;
    periodEnd: string;
    status: PlanStatus;
    summary: string;
    closedAt: Date | null;
  };
  priorities: Array<{
    id: string;
    title: string;
    intendedOutcome: string;
    successCriteria: string;
    sourceLabel: string | null;
    achieved: string | null;
  }>;
  actions: Array<{
    id: string;
    priorityId: string;
    title: string;
    ownerName: string;
    dueDate: string;
    status: ActionStatus;
    rag: RagRating;
    dependsOnActionId: string | null;
  }>;
  /** The newest update of each action that has one. */
  lastUpdates: Array<{ actionId: string; updatedOn: string; note: string }>;
  milestones: Array<{ title: string; dueOn: string; reached: boolean }>;
}

export function planExportOf(rows: PlanExportRows, producedAt: Date): PlanExport {
  const today = londonToday(producedAt);
  const titles = new Map(rows.actions.map((action) => [action.id, action.title]));
  const updates = new Map(rows.lastUpdates.map((update) => [update.actionId, update]));
  const { plan } = rows;
  return {
    plan: {
      title: plan.title,
      ownerName: plan.ownerName,
      ofTrust: plan.organisationId !== null,
      periodStart: plan.periodStart,
      periodEnd: plan.periodEnd,
      status: plan.status,
      summary: plan.summary,
      closedAt: plan.closedAt,
    },
    priorities: rows.priorities.map((priority) => {
      const own = rows.actions.filter((action) => action.priorityId === priority.id);
      return {
        title: priority.title,
        intendedOutcome: priority.intendedOutcome,
        successCriteria: priority.successCriteria,
        sourceLabel: priority.sourceLabel,
        achieved: priority.achieved,
        rag: ragRollUp(own),
        progress: progressOf(own),
        actions: inDependencyOrder(own).map((action) => {
          const update = updates.get(action.id);
          return {
            id: action.id,
            title: action.title,
            ownerName: action.ownerName,
            dueDate: action.dueDate,
            status: action.status,
            rag: action.rag,
            overdue: isOverdue(action, today),
            dependsOnTitle: (action.dependsOnActionId && titles.get(action.dependsOnActionId)) || null,
            lastUpdate: update ? { updatedOn: update.updatedOn, note: update.note } : null,
          };
        }),
      };
    }),
    milestones: rows.milestones.map(({ title, dueOn, reached }) => ({ title, dueOn, reached })),
    producedAt,
  };
}
