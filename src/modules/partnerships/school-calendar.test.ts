import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  createSchoolCalendar,
  DEFAULT_SCHOOL_YEARS,
  halfTermOn,
  halfTermsBetween,
  halfTermsOf,
  halfTermWithoutMeeting,
  isMeetingBookedIn,
  nextHalfTerm,
  placeInCalendar,
  SchoolCalendarError,
  schoolCalendarProblems,
  type SchoolYearDates,
} from './school-calendar.ts';
import { londonDay } from '../../platform/views/london-time.ts';

const calendar = createSchoolCalendar();
const names = (halfTerms: ReadonlyArray<{ name: string; schoolYear: string }>) =>
  halfTerms.map((halfTerm) => `${halfTerm.name} ${halfTerm.schoolYear}`);

test('the default calendar holds six half-terms a year for 2025/26 to 2027/28, autumn from early September', () => {
  assert.deepEqual(schoolCalendarProblems(DEFAULT_SCHOOL_YEARS), []);
  for (const schoolYear of ['2025/26', '2026/27', '2027/28']) {
    const halfTerms = halfTermsOf(calendar, schoolYear);
    assert.deepEqual(
      halfTerms.map((halfTerm) => halfTerm.name),
      ['Autumn 1', 'Autumn 2', 'Spring 1', 'Spring 2', 'Summer 1', 'Summer 2'],
    );
    const autumnStart = halfTerms[0]?.start ?? '';
    assert.match(autumnStart, /^\d{4}-09-0[1-7]$/, `${schoolYear} starts in the first week of September`);
    for (const halfTerm of halfTerms) {
      const weekday = new Date(`${halfTerm.start}T12:00:00Z`).getUTCDay();
      assert.ok(weekday >= 1 && weekday <= 5, `${halfTerm.name} ${schoolYear} starts on a weekday`);
    }
  }
  assert.ok(Object.isFrozen(calendar.halfTerms));
});

test('a day is placed in its half-term, first and last days included', () => {
  assert.deepEqual(placeInCalendar(calendar, '2025-09-03'), {
    kind: 'half-term',
    halfTerm: {
      schoolYear: '2025/26',
      key: 'autumn-1',
      term: 'autumn',
      name: 'Autumn 1',
      start: '2025-09-03',
      end: '2025-10-24',
    },
  });
  assert.equal(halfTermOn(calendar, '2025-10-24')?.key, 'autumn-1');
  assert.equal(halfTermOn(calendar, '2026-03-04')?.key, 'spring-2');
  assert.equal(halfTermOn(calendar, '2028-07-21')?.name, 'Summer 2');
});

test('a day between half-terms is in the holiday named after the half-term it follows', () => {
  const holidays = [
    ['2025-10-27', 'October half-term holiday'],
    ['2025-12-25', 'Christmas holidays'],
    ['2026-02-16', 'February half-term holiday'],
    ['2026-04-03', 'Easter holidays'],
    ['2026-05-25', 'May half-term holiday'],
    ['2026-08-15', 'Summer holidays'],
  ];
  for (const [day, name] of holidays) {
    const place = placeInCalendar(calendar, day ?? '');
    assert.equal(place.kind === 'holiday' && place.name, name, day);
  }
  const summer = placeInCalendar(calendar, '2026-09-02');
  assert.ok(summer.kind === 'holiday');
  assert.deepEqual(names([summer.after, summer.before]), ['Summer 2 2025/26', 'Autumn 1 2026/27']);
  assert.equal(halfTermOn(calendar, '2025-12-25'), null);
});

test('days before the first or after the last configured half-term are outside the calendar', () => {
  assert.deepEqual(placeInCalendar(calendar, '2025-09-02'), { kind: 'outside calendar' });
  assert.deepEqual(placeInCalendar(calendar, '2028-07-22'), { kind: 'outside calendar' });
  assert.equal(nextHalfTerm(calendar, '2028-06-05'), null);
});

test('an instant is judged by its London date across BST and GMT', () => {
  // 24 October 2025 is in BST: 23:30 UTC is 00:30 on the 25th in London, the first day of the holiday.
  assert.equal(londonDay(new Date('2025-10-24T22:59:59Z')), '2025-10-24');
  assert.equal(halfTermOn(calendar, new Date('2025-10-24T22:59:59Z'))?.key, 'autumn-1');
  assert.equal(londonDay(new Date('2025-10-24T23:30:00Z')), '2025-10-25');
  assert.equal(placeInCalendar(calendar, new Date('2025-10-24T23:30:00Z')).kind, 'holiday');
  // 19 December 2025 is in GMT: 23:30 UTC is still the 19th, the last day of Autumn 2.
  assert.equal(halfTermOn(calendar, new Date('2025-12-19T23:30:00Z'))?.key, 'autumn-2');
  assert.equal(placeInCalendar(calendar, new Date('2025-12-20T00:00:00Z')).kind, 'holiday');
  // Summer 2 ends on 22 July 2026 (BST): midnight in London is 23:00 UTC the day before.
  assert.equal(halfTermOn(calendar, new Date('2026-07-22T22:59:00Z'))?.key, 'summer-2');
  assert.equal(halfTermOn(calendar, new Date('2026-07-22T23:00:00Z')), null);
  // Autumn 1 starts on 3 September 2025 (BST): 23:00 UTC on the 2nd is already the 3rd.
  assert.equal(halfTermOn(calendar, new Date('2025-09-02T23:00:00Z'))?.key, 'autumn-1');
  // The nights the clocks change: both sides of the change are the same London day.
  assert.equal(londonDay(new Date('2025-10-26T00:30:00Z')), '2025-10-26');
  assert.equal(londonDay(new Date('2025-10-26T01:30:00Z')), '2025-10-26');
  assert.equal(londonDay(new Date('2026-03-29T00:59:00Z')), '2026-03-29');
  assert.equal(londonDay(new Date('2026-03-29T23:00:00Z')), '2026-03-30');
  assert.equal(londonDay(new Date('2026-03-28T23:59:00Z')), '2026-03-28');
});

/** British Summer Time by the law's rule, not by Intl: 01:00 UTC on the last Sunday of March to that of October. */
function isBritishSummerTime(instant: Date): boolean {
  const year = instant.getUTCFullYear();
  const lastSundayAtOne = (month: number) => {
    const lastDay = new Date(Date.UTC(year, month + 1, 0, 1));
    return lastDay.getTime() - lastDay.getUTCDay() * 86_400_000;
  };
  return instant.getTime() >= lastSundayAtOne(2) && instant.getTime() < lastSundayAtOne(9);
}

test('every instant falls on its London day, whatever the season', () => {
  fc.assert(
    fc.property(
      fc.date({ min: new Date('2025-01-01'), max: new Date('2028-12-31'), noInvalidDate: true }),
      (instant) => {
        const shifted = new Date(instant.getTime() + (isBritishSummerTime(instant) ? 3_600_000 : 0));
        assert.equal(londonDay(instant), shifted.toISOString().slice(0, 10));
      },
    ),
    { numRuns: 2000 },
  );
});

test('the half-terms of a year or of one term; none for a year not configured', () => {
  assert.deepEqual(names(halfTermsOf(calendar, '2026/27', 'spring')), ['Spring 1 2026/27', 'Spring 2 2026/27']);
  assert.deepEqual(
    halfTermsOf(calendar, '2027/28', 'summer').map((halfTerm) => [halfTerm.start, halfTerm.end]),
    [
      ['2028-04-24', '2028-05-26'],
      ['2028-06-05', '2028-07-21'],
    ],
  );
  assert.deepEqual(halfTermsOf(calendar, '2031/32'), []);
});

test('the next half-term starts after the day given, from a half-term or a holiday', () => {
  assert.equal(nextHalfTerm(calendar, '2025-09-03')?.key, 'autumn-2');
  assert.equal(nextHalfTerm(calendar, '2025-10-27')?.key, 'autumn-2');
  assert.deepEqual(names([nextHalfTerm(calendar, '2026-07-22')].flatMap((h) => h ?? [])), ['Autumn 1 2026/27']);
  assert.equal(nextHalfTerm(calendar, '2025-01-01')?.start, '2025-09-03');
  // 23:30 UTC on 2 September 2025 is already the 3rd in London (BST), inside Autumn 1.
  assert.equal(nextHalfTerm(calendar, new Date('2025-09-02T23:30:00Z'))?.key, 'autumn-2');
});

test('the half-terms a period touches, e.g. a partnership year starting in January', () => {
  assert.deepEqual(names(halfTermsBetween(calendar, '2026-01-12', '2027-01-11')), [
    'Spring 1 2025/26',
    'Spring 2 2025/26',
    'Summer 1 2025/26',
    'Summer 2 2025/26',
    'Autumn 1 2026/27',
    'Autumn 2 2026/27',
    'Spring 1 2026/27',
  ]);
  assert.deepEqual(halfTermsBetween(calendar, '2025-12-20', '2026-01-04'), []);
});

test('a meeting counts for the half-term its London date is in', () => {
  const autumn1 = halfTermOn(calendar, '2025-10-01');
  assert.ok(autumn1);
  assert.equal(isMeetingBookedIn(autumn1, []), false);
  assert.equal(isMeetingBookedIn(autumn1, [new Date('2025-10-24T16:00:00Z')]), true);
  assert.equal(isMeetingBookedIn(autumn1, [new Date('2025-10-24T23:15:00Z')]), false, 'already the 25th in London');
  assert.equal(isMeetingBookedIn(autumn1, [new Date('2025-09-02T23:15:00Z')]), true, 'already the 3rd in London');
  assert.equal(isMeetingBookedIn(autumn1, [new Date('2025-11-04T10:00:00Z'), new Date('2025-09-10T09:00:00Z')]), true);
});

test('a nudge is due in a half-term with no meeting booked, and never in a holiday', () => {
  const now = new Date('2025-11-10T09:00:00Z');
  assert.equal(halfTermWithoutMeeting(calendar, now, [])?.key, 'autumn-2');
  assert.equal(halfTermWithoutMeeting(calendar, now, [new Date('2025-10-20T10:00:00Z')])?.key, 'autumn-2');
  assert.equal(halfTermWithoutMeeting(calendar, now, [new Date('2025-12-15T10:00:00Z')]), null, 'one to come');
  assert.equal(halfTermWithoutMeeting(calendar, now, [new Date('2025-11-04T10:00:00Z')]), null, 'one held');
  assert.equal(halfTermWithoutMeeting(calendar, new Date('2025-12-24T10:00:00Z'), []), null);
  assert.equal(halfTermWithoutMeeting(calendar, new Date('2030-01-07T10:00:00Z'), []), null);
});

test('a day must be a real date written like 2025-09-03', () => {
  for (const bad of ['2025-02-29', '2025-9-3', '3 September 2025', '']) {
    assert.throws(() => placeInCalendar(calendar, bad), RangeError, bad);
  }
  assert.throws(() => placeInCalendar(calendar, new Date('not a date')), RangeError);
});

test('configured school years are checked and each problem is said in words', () => {
  const year = (schoolYear: string, halfTerms: SchoolYearDates['halfTerms']): SchoolYearDates => ({
    schoolYear,
    halfTerms,
  });
  const good = DEFAULT_SCHOOL_YEARS[0]?.halfTerms ?? [];
  const next = DEFAULT_SCHOOL_YEARS[1]?.halfTerms ?? [];
  assert.deepEqual(schoolCalendarProblems([]), ['The school calendar must have at least one school year']);
  assert.deepEqual(schoolCalendarProblems([year('2025-26', good)]), [
    '"2025-26" is not a school year: write it like 2025/26',
  ]);
  assert.deepEqual(schoolCalendarProblems([year('2025/27', good)]), [
    '"2025/27" is not a school year: write it like 2025/26',
  ]);
  assert.deepEqual(schoolCalendarProblems([year('2025/26', good.slice(0, 5))]), [
    '2025/26 must have 6 half-terms, not 5',
  ]);
  const broken = [...good];
  broken[0] = ['2025-09-31', '2025-10-24'];
  broken[1] = ['2025-12-19', '2025-11-03'];
  broken[2] = ['2025-10-20', '2026-02-13'];
  broken[5] = ['2026-06-01', '2026-09-02'];
  assert.deepEqual(schoolCalendarProblems([year('2025/26', broken)]), [
    'Autumn 1 2025/26 must have real dates written like 2025-09-03',
    'Autumn 2 2025/26 must not end before it starts',
    'Spring 1 2025/26 must start after the half-term before it ends',
    'Summer 2 2025/26 must fall between 2025-08-01 and 2026-08-31',
  ]);
  assert.deepEqual(
    schoolCalendarProblems([year('2025/26', good), year('2027/28', next)]).at(-1),
    '2027/28 must directly follow 2025/26',
  );
  assert.throws(
    () => createSchoolCalendar([year('2025/26', good.slice(0, 5))]),
    (error: unknown) => error instanceof SchoolCalendarError && error.problems.length === 1,
  );
});

test('a service can give its own dates, e.g. an earlier October half-term', () => {
  const own = createSchoolCalendar([
    {
      schoolYear: '2025/26',
      halfTerms: [
        ['2025-09-02', '2025-10-17'],
        ['2025-10-27', '2025-12-19'],
        ['2026-01-05', '2026-02-13'],
        ['2026-02-23', '2026-03-27'],
        ['2026-04-13', '2026-05-22'],
        ['2026-06-01', '2026-07-22'],
      ],
    },
  ]);
  assert.equal(halfTermOn(own, '2025-10-27')?.key, 'autumn-2');
  assert.equal(halfTermOn(calendar, '2025-10-27'), null);
});
