import { toSpreadsheetCsv, type CsvCell } from '../../../platform/exports/csv.ts';
import { actionStatusLabels, ragLabels } from '../views/plan-parts.tsx';
import type { PlanExport } from './plan-export.ts';

export const actionsCsvHeader = [
  'Priority',
  'Action',
  'Owner',
  'Due date',
  'Status',
  'RAG',
  'Overdue',
  'Depends on',
  'Last update date',
  'Last update note',
];

/**
 * One row per action, under its priority in the plan's order: dates as "2027-01-31" so that a
 * spreadsheet sorts them, statuses and ratings in words, and the newest progress update.
 */
export function renderActionsCsv(planExport: PlanExport): string {
  const rows: CsvCell[][] = planExport.priorities.flatMap((priority) =>
    priority.actions.map((action) => [
      priority.title,
      action.title,
      action.ownerName,
      action.dueDate,
      actionStatusLabels[action.status],
      ragLabels[action.rag],
      action.overdue ? 'Yes' : 'No',
      action.dependsOnTitle ?? '',
      action.lastUpdate?.updatedOn ?? '',
      action.lastUpdate?.note ?? '',
    ]),
  );
  return toSpreadsheetCsv([actionsCsvHeader, ...rows]);
}
