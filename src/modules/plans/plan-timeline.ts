import { londonToday } from '../../platform/views/london-time.ts';
import { isOverdue, type ActionFacts } from './plan-progress.ts';

/**
 * A plan's actions and milestones by the month they are due: a pure calculation for the
 * "Actions by month" page.
 *
 * Every month of the plan's period is listed, with or without anything due. A month before or
 * after the period is listed only when something is due in it (an action overdue since before the
 * plan began, one moved past its end), so nothing the plan holds is left off. More than a year in a
 * row with nothing due is one quiet stretch rather than a heading per month: a period typed as
 * 2207 instead of 2027 must not make a page of two thousand empty months.
 */

/** "2026-09": a calendar month, ordered as text. */
export type MonthKey = string;

const monthNames = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** The month a calendar day falls in: "2026-09-14" → "2026-09". */
export function monthOf(day: string): MonthKey {
  return day.slice(0, 7);
}

/** The month after: "2026-12" → "2027-01". */
export function nextMonth(month: MonthKey): MonthKey {
  const year = Number(month.slice(0, 4));
  const number = Number(month.slice(5, 7));
  return number === 12
    ? `${String(year + 1).padStart(4, '0')}-01`
    : `${month.slice(0, 4)}-${String(number + 1).padStart(2, '0')}`;
}

/** "2026-09" as people read it: "September 2026". */
export function monthLabel(month: MonthKey): string {
  return `${monthNames[Number(month.slice(5, 7)) - 1] ?? month} ${Number(month.slice(0, 4))}`;
}

export type TimelineAction = Pick<ActionFacts, 'id' | 'title' | 'status' | 'dueDate'>;

export interface TimelineMilestone {
  id: string;
  title: string;
  /** "2026-10-15" */
  dueOn: string;
}

/** Where a month falls against the plan's period. */
export type MonthPlace = 'before' | 'during' | 'after';

export interface TimelineMonth<A extends TimelineAction, M extends TimelineMilestone> {
  kind: 'month';
  month: MonthKey;
  label: string;
  /** The month it is now in London. */
  current: boolean;
  place: MonthPlace;
  /** By due day, then title; each says whether it is overdue today. */
  actions: Array<A & { overdue: boolean }>;
  /** By due day, then title. */
  milestones: M[];
}

/** Months of the period in a row with nothing due, more than `quietAfter` of them. */
export interface QuietStretch {
  kind: 'quiet';
  /** The first month of the stretch. */
  month: MonthKey;
  last: MonthKey;
  /** "October 2026 to June 2028" */
  label: string;
  months: number;
}

export type TimelineEntry<A extends TimelineAction, M extends TimelineMilestone> = TimelineMonth<A, M> | QuietStretch;

/** The longest run of empty months shown month by month; a longer run becomes one quiet stretch. */
export const quietAfter = 12;

/** By the day given, then title (then id, so that the order never depends on the query's). */
function byDayThenTitle<T extends { title: string; id: string }>(day: (item: T) => string) {
  return (a: T, b: T) => day(a).localeCompare(day(b)) || a.title.localeCompare(b.title) || a.id.localeCompare(b.id);
}

export function planTimeline<A extends TimelineAction, M extends TimelineMilestone>({
  periodStart,
  periodEnd,
  actions,
  milestones,
  now = new Date(),
}: {
  /** The plan's period, calendar days: "2026-09-01", "2027-08-31". */
  periodStart: string;
  periodEnd: string;
  actions: readonly A[];
  milestones: readonly M[];
  /** What decides the current month and which actions are overdue, read as a London day. */
  now?: Date;
}): Array<TimelineEntry<A, M>> {
  const today = londonToday(now);
  const thisMonth = monthOf(today);
  const first = monthOf(periodStart);
  const last = monthOf(periodEnd);

  const actionsIn = new Map<MonthKey, Array<A & { overdue: boolean }>>();
  for (const action of [...actions].sort(byDayThenTitle((each: A) => each.dueDate))) {
    const month = monthOf(action.dueDate);
    actionsIn.set(month, [...(actionsIn.get(month) ?? []), { ...action, overdue: isOverdue(action, today) }]);
  }
  const milestonesIn = new Map<MonthKey, M[]>();
  for (const milestone of [...milestones].sort(byDayThenTitle((each: M) => each.dueOn))) {
    const month = monthOf(milestone.dueOn);
    milestonesIn.set(month, [...(milestonesIn.get(month) ?? []), milestone]);
  }

  const monthEntry = (month: MonthKey): TimelineMonth<A, M> => ({
    kind: 'month',
    month,
    label: monthLabel(month),
    current: month === thisMonth,
    place: month < first ? 'before' : month > last ? 'after' : 'during',
    actions: actionsIn.get(month) ?? [],
    milestones: milestonesIn.get(month) ?? [],
  });
  const busy = (month: MonthKey) => actionsIn.has(month) || milestonesIn.has(month);

  const outside = [...new Set([...actionsIn.keys(), ...milestonesIn.keys()])].sort();
  const entries: Array<TimelineEntry<A, M>> = outside.filter((month) => month < first).map(monthEntry);

  // The period month by month, a quiet run held back until something (or the end) closes it.
  let quiet: MonthKey[] = [];
  const closeQuiet = () => {
    const [start] = quiet;
    const end = quiet.at(-1);
    if (start && end && quiet.length > quietAfter) {
      entries.push({
        kind: 'quiet',
        month: start,
        last: end,
        label: `${monthLabel(start)} to ${monthLabel(end)}`,
        months: quiet.length,
      });
    } else {
      entries.push(...quiet.map(monthEntry));
    }
    quiet = [];
  };
  for (let month = first; month <= last; month = nextMonth(month)) {
    if (busy(month) || month === thisMonth) {
      closeQuiet();
      entries.push(monthEntry(month));
    } else {
      quiet.push(month);
    }
  }
  closeQuiet();

  entries.push(...outside.filter((month) => month > last).map(monthEntry));
  return entries;
}
