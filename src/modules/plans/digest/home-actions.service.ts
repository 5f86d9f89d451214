import { allowedIds } from '../../../platform/access/access.ts';
import type { Viewer } from '../../../platform/auth/viewer.ts';
import type { AppDb } from '../../../platform/db/database.ts';
import { addDays, londonToday } from '../../../platform/views/london-time.ts';
import { isOverdue, overdueFirst } from '../plan-progress.ts';
import { seePlan } from '../plans.policy.ts';
import * as repository from './due-actions.repository.ts';

/** How far ahead the home page looks: actions due within the next fortnight. */
export const HOME_DAYS_AHEAD = 14;

export interface HomeAction {
  id: string;
  planId: string;
  planTitle: string;
  title: string;
  /** "2026-11-30" */
  dueDate: string;
  overdue: boolean;
}

/**
 * What the home page lists of the actor's own work: their open actions that are overdue or due
 * within the next 14 days, in plans that are not closed and that they can still read, overdue
 * first (the most overdue at the top), then by due date. Empty for someone signed out.
 */
export async function actionsForHome({
  db,
  actor,
  today = londonToday(),
}: {
  db: AppDb;
  actor: Viewer | null;
  /** "2026-11-24": today in London, given by tests. */
  today?: string;
}): Promise<HomeAction[]> {
  if (!actor) return [];
  const rows = await repository.listOpenActionsDueBy(db, {
    dueBy: addDays(today, HOME_DAYS_AHEAD),
    ownerPersonId: actor.personId,
  });
  if (rows.length === 0) return [];
  // An action in a plan they can no longer read (they left the trust) is not theirs to see.
  const readable = await allowedIds(db, {
    actor,
    permission: seePlan,
    ids: [...new Set(rows.map((row) => row.planId))],
  });
  return overdueFirst(
    rows.filter((row) => readable.has(row.planId)),
    today,
  ).map((row) => ({
    id: row.id,
    planId: row.planId,
    planTitle: row.planTitle,
    title: row.title,
    dueDate: row.dueDate,
    overdue: isOverdue(row, today),
  }));
}
