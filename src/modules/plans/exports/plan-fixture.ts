/**
 * Plans for tests of the exports, as plain values: a small plan with awkward text (a formula-like
 * title, quotes, new lines, non-Latin names) and a plan with as many actions as a test asks for.
 */
import { planExportOf, type PlanExport, type PlanExportRows } from './plan-export.ts';

/** 24 November 2026, 9am in London: "Produced on 24 November 2026". */
export const producedAt = new Date('2026-11-24T09:00:00Z');

export const fixtureOwner = 'Zoë Ångström – Łódź';

export function smallPlanRows(): PlanExportRows {
  return {
    plan: {
      title: 'Trust development plan 2026 to 2027',
      ownerName: 'Carrow Learning Trust',
      organisationId: 'b4c1f7a2-0000-4000-8000-000000000001',
      periodStart: '2026-09-01',
      periodEnd: '2027-08-31',
      status: 'active',
      summary: 'Three priorities from the autumn review.\nAgreed by the board in October.',
      closedAt: null,
    },
    priorities: [
      {
        id: 'p1',
        title: 'Strengthen governance',
        intendedOutcome: 'Trustees hold leaders to account',
        successCriteria: 'Every committee reports to the board each term',
        sourceLabel: 'Leadership and governance: Accountability',
        achieved: null,
      },
      {
        id: 'p2',
        title: 'Improve attendance',
        intendedOutcome: 'Persistent absence below 10% in every school',
        successCriteria: '',
        sourceLabel: null,
        achieved: null,
      },
    ],
    actions: [
      {
        id: 'a1',
        priorityId: 'p1',
        title: 'Review the scheme of delegation',
        ownerName: fixtureOwner,
        dueDate: '2026-10-31',
        status: 'in_progress',
        rag: 'amber',
        dependsOnActionId: null,
      },
      {
        id: 'a2',
        priorityId: 'p1',
        title: '=SUM(1)',
        ownerName: 'Sam Patel',
        dueDate: '2027-01-31',
        status: 'not_started',
        rag: 'red',
        dependsOnActionId: 'a1',
      },
      {
        id: 'a3',
        priorityId: 'p1',
        title: 'Train new trustees, "in person"',
        ownerName: 'Sam Patel',
        dueDate: '2026-09-30',
        status: 'done',
        rag: 'green',
        dependsOnActionId: null,
      },
    ],
    lastUpdates: [{ actionId: 'a1', updatedOn: '2026-11-20', note: '+ half the schools done,\nthe rest by Christmas' }],
    milestones: [
      { title: 'Board approves the plan', dueOn: '2026-10-15', reached: true },
      { title: 'Mid-year review', dueOn: '2027-02-28', reached: false },
    ],
  };
}

export function smallPlan(): PlanExport {
  return planExportOf(smallPlanRows(), producedAt);
}

/** `priorities` priorities of `actionsEach` actions, each title marked at its start and end ("P2A7<" … ">P2A7"). */
export function largePlan(priorities: number, actionsEach: number): PlanExport {
  const rows = smallPlanRows();
  rows.priorities = Array.from({ length: priorities }, (_, p) => ({
    id: `p${p + 1}`,
    title: `Priority ${p + 1}`,
    intendedOutcome: `Outcome ${p + 1}: ${'a measurable improvement across the trust '.repeat(3)}`,
    successCriteria: 'Agreed with the board',
    sourceLabel: null,
    achieved: null,
  }));
  rows.actions = rows.priorities.flatMap((priority, p) =>
    Array.from({ length: actionsEach }, (_, a) => {
      const mark = `P${p + 1}A${a + 1}`;
      return {
        id: `${priority.id}-a${a + 1}`,
        priorityId: priority.id,
        title: `${mark}< review the scheme of delegation with every local governing body and report >${mark}`,
        ownerName: 'Sam Patel',
        dueDate: `2027-${String((a % 12) + 1).padStart(2, '0')}-15`,
        status: 'not_started' as const,
        rag: 'green' as const,
        dependsOnActionId: null,
      };
    }),
  );
  rows.lastUpdates = [];
  return planExportOf(rows, producedAt);
}
