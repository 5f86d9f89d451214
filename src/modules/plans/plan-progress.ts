import type { ActionStatus, RagRating } from './plans.tables.ts';

/**
 * How a plan is going, from its actions alone: pure calculations the overview, "my actions"
 * and the action forms share.
 */

export interface ActionFacts {
  id: string;
  title: string;
  status: ActionStatus;
  rag: RagRating;
  /** "2027-01-31" */
  dueDate: string;
  dependsOnActionId: string | null;
}

/** Done and dropped actions are finished: nothing about them can be late or at risk any more. */
export function isOpen(action: Pick<ActionFacts, 'status'>): boolean {
  return action.status === 'not_started' || action.status === 'in_progress';
}

/** Due before today (London) and not finished. Due today is not overdue yet. */
export function isOverdue(action: Pick<ActionFacts, 'status' | 'dueDate'>, today: string): boolean {
  return isOpen(action) && action.dueDate < today;
}

export type RagRollUp = RagRating | 'finished' | 'no-actions';

const ragOrder: RagRating[] = ['red', 'amber', 'green'];

/**
 * A priority's RAG: the worst rating among its open actions (one red action makes the priority red).
 * With no open action left it is finished, or has no actions at all.
 */
export function ragRollUp(actions: ReadonlyArray<Pick<ActionFacts, 'status' | 'rag'>>): RagRollUp {
  const open = actions.filter(isOpen);
  if (open.length === 0) return actions.length === 0 ? 'no-actions' : 'finished';
  return ragOrder.find((rag) => open.some((action) => action.rag === rag)) ?? 'green';
}

/** Actions done out of those that count: a dropped action is no longer part of the work. */
export function progressOf(actions: ReadonlyArray<Pick<ActionFacts, 'status'>>): { done: number; counted: number } {
  const counted = actions.filter((action) => action.status !== 'dropped');
  return { done: counted.filter((action) => action.status === 'done').length, counted: counted.length };
}

const byDueDateThenTitle = (a: ActionFacts, b: ActionFacts) =>
  a.dueDate.localeCompare(b.dueDate) || a.title.localeCompare(b.title) || a.id.localeCompare(b.id);

/**
 * Actions in the order they can be done: by due date, except that an action always comes after
 * the one it depends on (when that one is in the list). A loop, which the service never saves,
 * would still list every action once.
 */
export function inDependencyOrder<T extends ActionFacts>(actions: readonly T[]): T[] {
  const byId = new Map(actions.map((action) => [action.id, action]));
  const placed = new Set<string>();
  const ordered: T[] = [];
  const place = (action: T, visiting: Set<string>) => {
    if (placed.has(action.id) || visiting.has(action.id)) return;
    visiting.add(action.id);
    const before = action.dependsOnActionId ? byId.get(action.dependsOnActionId) : undefined;
    if (before) place(before, visiting);
    placed.add(action.id);
    ordered.push(action);
  };
  for (const action of [...actions].sort(byDueDateThenTitle)) place(action, new Set());
  return ordered;
}

/**
 * Whether `actionId` depending on `dependsOnId` would close a loop: following what `dependsOnId`
 * depends on, and so on, comes back to `actionId`.
 */
export function wouldLoop(
  actions: ReadonlyArray<Pick<ActionFacts, 'id' | 'dependsOnActionId'>>,
  actionId: string,
  dependsOnId: string,
): boolean {
  const next = new Map(actions.map((action) => [action.id, action.dependsOnActionId]));
  const seen = new Set<string>();
  for (let current: string | null | undefined = dependsOnId; current; current = next.get(current)) {
    if (current === actionId) return true;
    if (seen.has(current)) return false;
    seen.add(current);
  }
  return false;
}

/** Overdue first (the most overdue at the top), then the rest of the open actions by due date, then finished ones. */
export function overdueFirst<T extends Pick<ActionFacts, 'status' | 'dueDate' | 'title'>>(
  actions: readonly T[],
  today: string,
): T[] {
  const rank = (action: T) => (isOverdue(action, today) ? 0 : isOpen(action) ? 1 : 2);
  return [...actions].sort(
    (a, b) => rank(a) - rank(b) || a.dueDate.localeCompare(b.dueDate) || a.title.localeCompare(b.title),
  );
}
