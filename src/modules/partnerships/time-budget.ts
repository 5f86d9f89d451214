/**
 * A partnership's time budget: how many hours the mentor gives, split into the parts of the
 * mentoring year, and how much of each is used. Everything is counted in whole minutes, so
 * sums are exact; hours appear only when written for people.
 *
 * People read durations as hours with at most two decimals ("5.5 hours", "0.25 hours", "1 hour"),
 * exact for any whole number of quarter hours, rounded for display only otherwise (20 minutes is
 * "0.33 hours"), and longer ones as days of 7 hours and hours ("3 days 3.5 hours").
 */

export const BUDGET_COMPONENTS = ['reading', 'school-visits', 'establishing', 'meetings'] as const;
export type BudgetComponent = (typeof BUDGET_COMPONENTS)[number];

export const BUDGET_COMPONENT_LABELS: Record<BudgetComponent, string> = {
  reading: 'Reading',
  'school-visits': 'School visits',
  establishing: 'Establishing the partnership',
  meetings: 'Meetings',
};

export const MINUTES_PER_HOUR = 60;
export const HOURS_PER_DAY = 7;
export const MINUTES_PER_DAY = HOURS_PER_DAY * MINUTES_PER_HOUR;

/** Far above any mentoring year (the default is 8 days), low enough to catch hours typed as minutes. */
export const MAXIMUM_BUDGET_MINUTES = 60 * MINUTES_PER_DAY;

export interface TimeBudget {
  totalMinutes: number;
  minutes: Record<BudgetComponent, number>;
}

/** 8 days of 7 hours: reading 1 day, school visits 1 day, establishing half a day, meetings 5.5 days. */
export const DEFAULT_TIME_BUDGET: TimeBudget = Object.freeze({
  totalMinutes: 8 * MINUTES_PER_DAY,
  minutes: Object.freeze({
    reading: MINUTES_PER_DAY,
    'school-visits': MINUTES_PER_DAY,
    establishing: MINUTES_PER_DAY / 2,
    meetings: 5.5 * MINUTES_PER_DAY,
  }),
});

export interface BudgetProblem {
  field: 'total' | BudgetComponent;
  message: string;
}

function isWholeMinutes(minutes: number): boolean {
  return Number.isSafeInteger(minutes);
}

/** What is wrong with a budget as a person set it, beside the field concerned; none when it can be used. */
export function timeBudgetProblems(budget: TimeBudget): BudgetProblem[] {
  const problems: BudgetProblem[] = [];
  const { totalMinutes } = budget;
  if (!isWholeMinutes(totalMinutes)) {
    problems.push({ field: 'total', message: 'The total must be a whole number of minutes' });
  } else if (totalMinutes <= 0) {
    problems.push({ field: 'total', message: 'The total must be more than 0 hours' });
  } else if (totalMinutes > MAXIMUM_BUDGET_MINUTES) {
    const maximum = `${formatHours(MAXIMUM_BUDGET_MINUTES)} (${formatDaysAndHours(MAXIMUM_BUDGET_MINUTES)})`;
    problems.push({ field: 'total', message: `The total must be ${maximum} or less` });
  }
  for (const component of BUDGET_COMPONENTS) {
    const minutes = budget.minutes[component];
    const label = BUDGET_COMPONENT_LABELS[component];
    if (!isWholeMinutes(minutes))
      problems.push({ field: component, message: `${label} must be a whole number of minutes` });
    else if (minutes < 0) problems.push({ field: component, message: `${label} must be 0 hours or more` });
  }
  if (problems.length === 0) {
    const sum = BUDGET_COMPONENTS.reduce((total, component) => total + budget.minutes[component], 0);
    if (sum !== totalMinutes) {
      problems.push({
        field: 'total',
        message: `The parts must add up to the total: they add up to ${formatHours(sum)} and the total is ${formatHours(totalMinutes)}`,
      });
    }
  }
  return problems;
}

/** Time given to one part of the budget, e.g. a meeting of 180 minutes or a logged ad hoc call. */
export interface LoggedActivity {
  component: BudgetComponent;
  minutes: number;
}

export type BudgetStatus = 'within' | 'nearly spent' | 'spent' | 'overspent';

export interface TimeUsage {
  plannedMinutes: number;
  usedMinutes: number;
  /** Never negative: time used beyond the plan is overspentMinutes. */
  remainingMinutes: number;
  overspentMinutes: number;
  /** Rounded down, so 89.9% reads 89% and does not look nearly spent; null when nothing was planned. */
  percentUsed: number | null;
  status: BudgetStatus;
}

export type BudgetPart = BudgetComponent | 'overall';

export interface BudgetWarning {
  kind: Exclude<BudgetStatus, 'within'> | 'would overspend';
  part: BudgetPart;
  message: string;
}

export interface BudgetUsage {
  overall: TimeUsage;
  components: Record<BudgetComponent, TimeUsage>;
  /** The whole budget first, then its parts in order. */
  warnings: BudgetWarning[];
}

export interface BudgetOptions {
  /** A part is "nearly spent" from this share used (a whole percentage, 1 to 100). */
  nearlySpentPercent?: number;
}

export const DEFAULT_NEARLY_SPENT_PERCENT = 90;

function usage(plannedMinutes: number, usedMinutes: number, nearlySpentPercent: number): TimeUsage {
  const status: BudgetStatus =
    usedMinutes > plannedMinutes
      ? 'overspent'
      : plannedMinutes > 0 && usedMinutes === plannedMinutes
        ? 'spent'
        : plannedMinutes > 0 && usedMinutes * 100 >= plannedMinutes * nearlySpentPercent
          ? 'nearly spent'
          : 'within';
  return {
    plannedMinutes,
    usedMinutes,
    remainingMinutes: Math.max(0, plannedMinutes - usedMinutes),
    overspentMinutes: Math.max(0, usedMinutes - plannedMinutes),
    percentUsed: plannedMinutes > 0 ? Math.floor((usedMinutes * 100) / plannedMinutes) : null,
    status,
  };
}

function partLabel(part: BudgetPart): string {
  return part === 'overall' ? 'The whole budget' : BUDGET_COMPONENT_LABELS[part];
}

function statusWarning(part: BudgetPart, time: TimeUsage): BudgetWarning | null {
  const label = partLabel(part);
  const [planned, used] = [formatHours(time.plannedMinutes), formatHours(time.usedMinutes)];
  switch (time.status) {
    case 'within':
      return null;
    case 'nearly spent':
      return {
        kind: time.status,
        part,
        message: `${label}: ${used} of ${planned} used, ${formatHours(time.remainingMinutes)} left`,
      };
    case 'spent':
      return { kind: time.status, part, message: `${label}: all ${planned} used` };
    case 'overspent':
      return {
        kind: time.status,
        part,
        message: `${label}: ${used} used, ${formatHours(time.overspentMinutes)} more than the ${planned} planned`,
      };
  }
}

function checkedThreshold(options: BudgetOptions): number {
  const percent = options.nearlySpentPercent ?? DEFAULT_NEARLY_SPENT_PERCENT;
  if (!Number.isInteger(percent) || percent < 1 || percent > 100) {
    throw new RangeError('nearlySpentPercent must be a whole number from 1 to 100');
  }
  return percent;
}

/**
 * Planned, used and remaining time, per part and overall, with a warning for each part nearly
 * spent, spent or overspent. The budget must have no problems and each activity whole, non-negative
 * minutes: forms check both first, so anything else is a programming error and throws.
 */
export function budgetUsage(
  budget: TimeBudget,
  activities: readonly LoggedActivity[],
  options: BudgetOptions = {},
): BudgetUsage {
  const threshold = checkedThreshold(options);
  const [problem] = timeBudgetProblems(budget);
  if (problem) throw new RangeError(`The time budget cannot be used: ${problem.message}`);
  const used = Object.fromEntries(BUDGET_COMPONENTS.map((component) => [component, 0])) as Record<
    BudgetComponent,
    number
  >;
  for (const activity of activities) {
    if (!isWholeMinutes(activity.minutes) || activity.minutes < 0) {
      throw new RangeError(`An activity must last a whole number of minutes, not ${activity.minutes}`);
    }
    used[activity.component] += activity.minutes;
  }
  const components = Object.fromEntries(
    BUDGET_COMPONENTS.map((component) => [component, usage(budget.minutes[component], used[component], threshold)]),
  ) as Record<BudgetComponent, TimeUsage>;
  const totalUsed = BUDGET_COMPONENTS.reduce((total, component) => total + used[component], 0);
  const overall = usage(budget.totalMinutes, totalUsed, threshold);
  const warnings = (['overall', ...BUDGET_COMPONENTS] as const).flatMap(
    (part) => statusWarning(part, part === 'overall' ? overall : components[part]) ?? [],
  );
  return { overall, components, warnings };
}

export interface ActivityCheck {
  /** The budget as it would be with the activity saved. */
  after: BudgetUsage;
  wouldOverspend: boolean;
  /** For the activity's part and for the whole budget, when saving would take either over its plan. */
  warnings: BudgetWarning[];
}

/**
 * What saving a new activity would do to the budget, to warn before it is saved. To check a change
 * to an activity already logged, leave that activity out of `logged`.
 */
export function checkNewActivity(
  budget: TimeBudget,
  logged: readonly LoggedActivity[],
  proposed: LoggedActivity,
  options: BudgetOptions = {},
): ActivityCheck {
  const after = budgetUsage(budget, [...logged, proposed], options);
  const warnings = ([proposed.component, 'overall'] as const).flatMap((part): BudgetWarning[] => {
    const time = part === 'overall' ? after.overall : after.components[part];
    if (time.overspentMinutes === 0) return [];
    const message =
      `Saving this would take ${part === 'overall' ? 'the whole budget' : partLabel(part).toLowerCase()} to ` +
      `${formatHours(time.usedMinutes)}, ${formatHours(time.overspentMinutes)} more than the ` +
      `${formatHours(time.plannedMinutes)} planned`;
    return [{ kind: 'would overspend', part, message }];
  });
  return { after, wouldOverspend: warnings.length > 0, warnings };
}

const hoursNumber = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });

function checkedMinutes(minutes: number): number {
  if (!isWholeMinutes(minutes) || minutes < 0) throw new RangeError(`Cannot write ${minutes} minutes as hours`);
  return minutes;
}

/** "56 hours", "1 hour", "5.5 hours", "0.25 hours", "0 hours"; "0.33 hours" for 20 minutes. */
export function formatHours(minutes: number): string {
  const hours = hoursNumber.format(checkedMinutes(minutes) / MINUTES_PER_HOUR);
  return `${hours} ${hours === '1' ? 'hour' : 'hours'}`;
}

/** Whole 7-hour days, then hours: "8 days", "1 day", "3 days 3.5 hours", "3.5 hours", "0 hours". */
export function formatDaysAndHours(minutes: number): string {
  const days = Math.floor(checkedMinutes(minutes) / MINUTES_PER_DAY);
  const rest = minutes % MINUTES_PER_DAY;
  if (days === 0) return formatHours(rest);
  const dayText = `${days} ${days === 1 ? 'day' : 'days'}`;
  return rest === 0 ? dayText : `${dayText} ${formatHours(rest)}`;
}
