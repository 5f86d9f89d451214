import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { formatLondonDateTime, isoDate, isRealDate } from './london-time.ts';

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
