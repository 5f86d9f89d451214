import { isRealDate, londonDay } from '../../platform/views/london-time.ts';

/**
 * The school years of England: three terms (autumn, spring, summer), each split in two by a
 * half-term holiday, so six half-terms a year. Partnerships plan one meeting per half-term.
 *
 * Dates are calendar days in UK time written "2025-09-03". An instant (a meeting's start, "now")
 * is judged by its date in Europe/London: 23:30 UTC on 24 October 2025 is already 25 October
 * there (BST), while 23:30 UTC on 19 December 2025 is still the 19th (GMT).
 *
 * Term dates differ between local authorities and trusts, so the table is data: a service may
 * give its own, checked by createSchoolCalendar. The default holds typical English dates.
 */

export const TERMS = ['autumn', 'spring', 'summer'] as const;
export type Term = (typeof TERMS)[number];

export const HALF_TERMS = ['autumn-1', 'autumn-2', 'spring-1', 'spring-2', 'summer-1', 'summer-2'] as const;
export type HalfTermKey = (typeof HALF_TERMS)[number];

const halfTermNames: Record<HalfTermKey, string> = {
  'autumn-1': 'Autumn 1',
  'autumn-2': 'Autumn 2',
  'spring-1': 'Spring 1',
  'spring-2': 'Spring 2',
  'summer-1': 'Summer 1',
  'summer-2': 'Summer 2',
};

/** The holiday that follows each half-term, as schools and parents call it. */
const holidayAfter: Record<HalfTermKey, string> = {
  'autumn-1': 'October half-term holiday',
  'autumn-2': 'Christmas holidays',
  'spring-1': 'February half-term holiday',
  'spring-2': 'Easter holidays',
  'summer-1': 'May half-term holiday',
  'summer-2': 'Summer holidays',
};

/** One school year as configured: its label ("2025/26") and six [first day, last day] pairs in order. */
export interface SchoolYearDates {
  schoolYear: string;
  halfTerms: ReadonlyArray<readonly [start: string, end: string]>;
}

export interface HalfTerm {
  schoolYear: string;
  key: HalfTermKey;
  term: Term;
  /** "Autumn 1" */
  name: string;
  /** First and last teaching days, inclusive. */
  start: string;
  end: string;
}

export interface SchoolCalendar {
  /** Every half-term of every configured year, in date order. */
  readonly halfTerms: readonly HalfTerm[];
}

/** Where a day falls: in a half-term, in the holiday between two, or beyond the configured years. */
export type CalendarPlace =
  | { kind: 'half-term'; halfTerm: HalfTerm }
  | { kind: 'holiday'; name: string; after: HalfTerm; before: HalfTerm }
  | { kind: 'outside calendar' };

/**
 * Typical dates for English state schools (many local authorities' published patterns): autumn
 * from the first days of September, half-term holidays in the last week of October, mid-February
 * and late May (the spring bank holiday), Christmas and Easter holidays of about two weeks.
 */
export const DEFAULT_SCHOOL_YEARS: readonly SchoolYearDates[] = [
  {
    schoolYear: '2025/26',
    halfTerms: [
      ['2025-09-03', '2025-10-24'],
      ['2025-11-03', '2025-12-19'],
      ['2026-01-05', '2026-02-13'],
      ['2026-02-23', '2026-03-27'],
      ['2026-04-13', '2026-05-22'],
      ['2026-06-01', '2026-07-22'],
    ],
  },
  {
    schoolYear: '2026/27',
    halfTerms: [
      ['2026-09-03', '2026-10-23'],
      ['2026-11-02', '2026-12-18'],
      ['2027-01-04', '2027-02-12'],
      ['2027-02-22', '2027-03-25'],
      ['2027-04-12', '2027-05-28'],
      ['2027-06-07', '2027-07-21'],
    ],
  },
  {
    schoolYear: '2027/28',
    halfTerms: [
      ['2027-09-02', '2027-10-22'],
      ['2027-11-01', '2027-12-17'],
      ['2028-01-04', '2028-02-11'],
      ['2028-02-21', '2028-04-07'],
      ['2028-04-24', '2028-05-26'],
      ['2028-06-05', '2028-07-21'],
    ],
  },
];

export class SchoolCalendarError extends Error {
  constructor(readonly problems: string[]) {
    super(`The school calendar has problems:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'SchoolCalendarError';
  }
}

function isCalendarDay(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return match !== null && isRealDate({ year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) });
}

function yearProblems({ schoolYear, halfTerms }: SchoolYearDates): string[] {
  const label = /^(\d{4})\/(\d{2})$/.exec(schoolYear);
  const firstYear = Number(label?.[1]);
  if (!label || Number(label[2]) !== (firstYear + 1) % 100) {
    return [`"${schoolYear}" is not a school year: write it like 2025/26`];
  }
  if (halfTerms.length !== HALF_TERMS.length) return [`${schoolYear} must have 6 half-terms, not ${halfTerms.length}`];
  // The school year's first term begins after July (Education Act 1996, s.579); the window runs
  // to the next August's end so that no real summer term is refused.
  const earliest = `${firstYear}-08-01`;
  const latest = `${firstYear + 1}-08-31`;
  const problems: string[] = [];
  let previousEnd = '';
  halfTerms.forEach(([start, end], index) => {
    const name = `${halfTermNames[HALF_TERMS[index] ?? 'autumn-1']} ${schoolYear}`;
    if (!isCalendarDay(start) || !isCalendarDay(end)) {
      problems.push(`${name} must have real dates written like 2025-09-03`);
    } else if (start > end) {
      problems.push(`${name} must not end before it starts`);
    } else if (start < earliest || end > latest) {
      problems.push(`${name} must fall between ${earliest} and ${latest}`);
    } else if (start <= previousEnd) {
      problems.push(`${name} must start after the half-term before it ends`);
    }
    previousEnd = end;
  });
  return problems;
}

/** What is wrong with configured school years, in words; none when they can be used. */
export function schoolCalendarProblems(years: readonly SchoolYearDates[]): string[] {
  if (years.length === 0) return ['The school calendar must have at least one school year'];
  const problems = years.flatMap(yearProblems);
  const firstYears = years.map((year) => Number(year.schoolYear.slice(0, 4)));
  firstYears.slice(1).forEach((firstYear, index) => {
    // Consecutive years, so that every gap between two half-terms really is a holiday.
    if (firstYear !== (firstYears[index] ?? NaN) + 1) {
      problems.push(`${years[index + 1]?.schoolYear} must directly follow ${years[index]?.schoolYear}`);
    }
  });
  return problems;
}

export function createSchoolCalendar(years: readonly SchoolYearDates[] = DEFAULT_SCHOOL_YEARS): SchoolCalendar {
  const problems = schoolCalendarProblems(years);
  if (problems.length > 0) throw new SchoolCalendarError(problems);
  const halfTerms = years.flatMap(({ schoolYear, halfTerms: dates }) =>
    dates.map(([start, end], index): HalfTerm => {
      const key = HALF_TERMS[index] ?? 'autumn-1'; // index < 6: checked above
      return Object.freeze({ schoolYear, key, term: termOf(key), name: halfTermNames[key], start, end });
    }),
  );
  return Object.freeze({ halfTerms: Object.freeze(halfTerms) });
}

function termOf(key: HalfTermKey): Term {
  return key.startsWith('autumn') ? 'autumn' : key.startsWith('spring') ? 'spring' : 'summer';
}

/** A day given as "2025-10-24", or an instant judged by its London date. */
export type DayOrInstant = string | Date;

function dayOf(value: DayOrInstant): string {
  if (value instanceof Date) return londonDay(value);
  if (!isCalendarDay(value)) throw new RangeError(`"${value}" is not a calendar day written like 2025-09-03`);
  return value;
}

export function placeInCalendar(calendar: SchoolCalendar, when: DayOrInstant): CalendarPlace {
  const day = dayOf(when);
  const index = calendar.halfTerms.findIndex((halfTerm) => halfTerm.end >= day);
  const halfTerm = calendar.halfTerms[index];
  if (halfTerm === undefined) return { kind: 'outside calendar' };
  if (halfTerm.start <= day) return { kind: 'half-term', halfTerm };
  const before = calendar.halfTerms[index - 1];
  if (before === undefined) return { kind: 'outside calendar' };
  return { kind: 'holiday', name: holidayAfter[before.key], after: before, before: halfTerm };
}

/** The half-term a day falls in; null in a holiday or beyond the configured years. */
export function halfTermOn(calendar: SchoolCalendar, when: DayOrInstant): HalfTerm | null {
  const place = placeInCalendar(calendar, when);
  return place.kind === 'half-term' ? place.halfTerm : null;
}

/** The half-terms of a school year ("2026/27"), or of one of its terms; none for a year not configured. */
export function halfTermsOf(calendar: SchoolCalendar, schoolYear: string, term?: Term): HalfTerm[] {
  return calendar.halfTerms.filter(
    (halfTerm) => halfTerm.schoolYear === schoolYear && (term === undefined || halfTerm.term === term),
  );
}

/** The first half-term to start after the given day (in a holiday, the one it leads to); null past the table. */
export function nextHalfTerm(calendar: SchoolCalendar, when: DayOrInstant): HalfTerm | null {
  const day = dayOf(when);
  return calendar.halfTerms.find((halfTerm) => halfTerm.start > day) ?? null;
}

/** The half-terms that share at least one day with a period, e.g. a partnership's year. */
export function halfTermsBetween(calendar: SchoolCalendar, from: DayOrInstant, to: DayOrInstant): HalfTerm[] {
  const [first, last] = [dayOf(from), dayOf(to)];
  return calendar.halfTerms.filter((halfTerm) => halfTerm.start <= last && halfTerm.end >= first);
}

/** Whether any of the meetings (by their start) falls on a day of the half-term, in London time. */
export function isMeetingBookedIn(halfTerm: HalfTerm, meetingStarts: readonly Date[]): boolean {
  return meetingStarts.some((start) => {
    const day = londonDay(start);
    return halfTerm.start <= day && day <= halfTerm.end;
  });
}

/**
 * The half-term in progress when it has no meeting booked (held or to come): the one to nudge
 * people about. Null when one is booked, and in holidays, when no one should be nudged.
 */
export function halfTermWithoutMeeting(
  calendar: SchoolCalendar,
  now: Date,
  meetingStarts: readonly Date[],
): HalfTerm | null {
  const current = halfTermOn(calendar, now);
  return current !== null && !isMeetingBookedIn(current, meetingStarts) ? current : null;
}
