import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  addDays,
  formatDay,
  formatLondonDateTime,
  isoDate,
  isRealDate,
  londonInstant,
  londonToday,
  mondayOf,
  parseClockTime,
} from './london-time.ts';

test('times are shown in London, GMT in winter and BST in summer, GOV.UK style', () => {
  const cases: Array<[string, string]> = [
    ['2026-11-24T15:05:00Z', '24 November 2026, 3:05pm'],
    ['2026-06-24T14:05:00Z', '24 June 2026, 3:05pm'],
    ['2026-06-24T23:05:00Z', '25 June 2026, 12:05am'],
    ['2026-01-01T09:00:00Z', '1 January 2026, 9am'],
    ['2026-01-01T00:00:00Z', '1 January 2026, midnight'],
    ['2026-07-01T11:00:00Z', '1 July 2026, midday'],
    ['2026-03-29T00:59:00Z', '29 March 2026, 12:59am'],
    ['2026-03-29T01:00:00Z', '29 March 2026, 2am'],
    ['2026-10-25T00:30:00Z', '25 October 2026, 1:30am'],
    ['2026-10-25T01:30:00Z', '25 October 2026, 1:30am'],
  ];
  for (const [instant, expected] of cases) assert.equal(formatLondonDateTime(new Date(instant)), expected, instant);
});

test('every instant formats as "D Month YYYY, time"', () => {
  fc.assert(
    fc.property(fc.date({ min: new Date('1970-01-01'), max: new Date('2199-12-31'), noInvalidDate: true }), (date) => {
      assert.match(
        formatLondonDateTime(date),
        /^\d{1,2} [A-Z][a-z]+ \d{4}, (midnight|midday|\d{1,2}(:\d{2})?(am|pm))$/,
      );
    }),
  );
});

test('only dates on the calendar are real', () => {
  assert.equal(isRealDate({ year: 2028, month: 2, day: 29 }), true);
  assert.equal(isRealDate({ year: 2027, month: 2, day: 29 }), false);
  assert.equal(isRealDate({ year: 2026, month: 4, day: 31 }), false);
  assert.equal(isRealDate({ year: 2026, month: 13, day: 1 }), false);
  assert.equal(isRealDate({ year: 2026, month: 1, day: 0 }), false);
  assert.equal(isRealDate({ year: 26, month: 1, day: 1 }), false);
  assert.equal(isRealDate({ year: 2026, month: 1.5, day: 1 }), false);
  assert.equal(isoDate({ year: 2026, month: 3, day: 7 }), '2026-03-07');
});

test('today is London’s date, not the server’s', () => {
  assert.equal(londonToday(new Date('2026-06-30T23:30:00Z')), '2026-07-01', 'British Summer Time');
  assert.equal(londonToday(new Date('2026-12-31T23:30:00Z')), '2026-12-31', 'Greenwich Mean Time');
  assert.equal(formatDay('2026-10-25'), '25 October 2026');
});

test('calendar days: adding days across months and finding the week’s Monday', () => {
  assert.equal(addDays('2026-02-27', 2), '2026-03-01');
  assert.equal(addDays('2026-03-01', -1), '2026-02-28');
  assert.equal(addDays('2026-03-28', 2), '2026-03-30', 'the clocks changing makes no difference');
  assert.equal(mondayOf('2026-03-02'), '2026-03-02');
  assert.equal(mondayOf('2026-03-08'), '2026-03-02', 'a Sunday belongs to the week before');
  assert.equal(mondayOf('2026-03-04'), '2026-03-02');
  assert.equal(mondayOf('2027-01-01'), '2026-12-28');
});

test('a London day and time is an instant: GMT in winter, BST in summer, the clocks’ changes settled', () => {
  assert.equal(londonInstant('2026-12-01', 9, 30).toISOString(), '2026-12-01T09:30:00.000Z');
  assert.equal(londonInstant('2026-07-01', 10, 0).toISOString(), '2026-07-01T09:00:00.000Z');
  assert.equal(londonInstant('2026-03-29', 1, 30).toISOString(), '2026-03-29T01:30:00.000Z', 'skipped: 2:30am BST');
  assert.equal(londonInstant('2026-10-25', 1, 30).toISOString(), '2026-10-25T00:30:00.000Z', 'repeated: the first');
});

test('a time is read as people write it', () => {
  const cases: Array<[string, { hour: number; minute: number } | null]> = [
    ['2:30pm', { hour: 14, minute: 30 }],
    ['2.30 PM', { hour: 14, minute: 30 }],
    ['9am', { hour: 9, minute: 0 }],
    ['12am', { hour: 0, minute: 0 }],
    ['14:30', { hour: 14, minute: 30 }],
    ['midday', { hour: 12, minute: 0 }],
    ['noon', { hour: 12, minute: 0 }],
    ['midnight', { hour: 0, minute: 0 }],
    ['14', null],
    ['13pm', null],
    ['24:00', null],
    ['9:60', null],
    ['25 o’clock', null],
  ];
  for (const [typed, expected] of cases) assert.deepEqual(parseClockTime(typed), expected, typed);
});
