import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  BUDGET_COMPONENTS,
  budgetUsage,
  checkNewActivity,
  DEFAULT_TIME_BUDGET,
  formatDaysAndHours,
  formatHours,
  MAXIMUM_BUDGET_MINUTES,
  type LoggedActivity,
  type TimeBudget,
  timeBudgetProblems,
} from './time-budget.ts';

const hours = (count: number) => count * 60;
const budget = (total: number, reading: number, visits: number, establishing: number, meetings: number) => ({
  totalMinutes: total,
  minutes: { reading, 'school-visits': visits, establishing, meetings },
});

test('the default budget is 8 days of 7 hours: 56 hours split 7, 7, 3.5 and 38.5', () => {
  assert.deepEqual(DEFAULT_TIME_BUDGET, budget(hours(56), hours(7), hours(7), hours(3.5), hours(38.5)));
  assert.deepEqual(timeBudgetProblems(DEFAULT_TIME_BUDGET), []);
  assert.equal(formatDaysAndHours(DEFAULT_TIME_BUDGET.totalMinutes), '8 days');
  assert.equal(formatDaysAndHours(DEFAULT_TIME_BUDGET.minutes.meetings), '5 days 3.5 hours');
});

test('an edited budget is checked, each problem beside its field in words', () => {
  assert.deepEqual(timeBudgetProblems(budget(hours(70), hours(14), hours(7), hours(7), hours(42))), []);
  assert.deepEqual(timeBudgetProblems(budget(hours(56), 0, 0, 0, hours(56))), [], 'a part may be nothing');
  assert.deepEqual(timeBudgetProblems(budget(hours(56), hours(7), hours(7), hours(3.5), hours(39))), [
    {
      field: 'total',
      message: 'The parts must add up to the total: they add up to 56.5 hours and the total is 56 hours',
    },
  ]);
  assert.deepEqual(timeBudgetProblems(budget(hours(56), -60, hours(7), 0.5, hours(49))), [
    { field: 'reading', message: 'Reading must be 0 hours or more' },
    { field: 'establishing', message: 'Establishing the partnership must be a whole number of minutes' },
  ]);
  assert.deepEqual(timeBudgetProblems(budget(0, 0, 0, 0, 0)), [
    { field: 'total', message: 'The total must be more than 0 hours' },
  ]);
  const tooBig = MAXIMUM_BUDGET_MINUTES + 1;
  assert.deepEqual(timeBudgetProblems(budget(tooBig, 0, 0, 0, tooBig)), [
    { field: 'total', message: 'The total must be 420 hours (60 days) or less' },
  ]);
  assert.deepEqual(timeBudgetProblems(budget(MAXIMUM_BUDGET_MINUTES, 0, 0, 0, MAXIMUM_BUDGET_MINUTES)), []);
  assert.equal(
    timeBudgetProblems(budget(Number.NaN, 0, 0, 0, 0))[0]?.message,
    'The total must be a whole number of minutes',
  );
});

test('planned, used and remaining time per part and overall', () => {
  const activities: LoggedActivity[] = [
    { component: 'reading', minutes: hours(7) },
    { component: 'school-visits', minutes: hours(4) },
    { component: 'meetings', minutes: hours(3.5) },
    { component: 'meetings', minutes: 20 },
  ];
  const usage = budgetUsage(DEFAULT_TIME_BUDGET, activities);
  assert.deepEqual(usage.components.meetings, {
    plannedMinutes: hours(38.5),
    usedMinutes: hours(3.5) + 20,
    remainingMinutes: hours(35) - 20,
    overspentMinutes: 0,
    percentUsed: 9,
    status: 'within',
  });
  assert.equal(usage.components.establishing.usedMinutes, 0);
  assert.equal(usage.components['school-visits'].remainingMinutes, hours(3));
  assert.deepEqual(usage.overall, {
    plannedMinutes: hours(56),
    usedMinutes: hours(14.5) + 20,
    remainingMinutes: hours(41.5) - 20,
    overspentMinutes: 0,
    percentUsed: 26,
    status: 'within',
  });
  assert.deepEqual(usage.warnings, [{ kind: 'spent', part: 'reading', message: 'Reading: all 7 hours used' }]);
});

test('nearly spent from 90% exactly, spent at 100%, overspent beyond, never a negative remainder', () => {
  const small = budget(1000, 0, 0, 0, 1000);
  const at = (minutes: number) => budgetUsage(small, [{ component: 'meetings', minutes }]);
  assert.equal(at(899).components.meetings.status, 'within');
  assert.equal(at(899).components.meetings.percentUsed, 89);
  assert.equal(at(900).components.meetings.status, 'nearly spent');
  assert.equal(at(999).components.meetings.status, 'nearly spent');
  assert.equal(at(1000).components.meetings.status, 'spent');
  assert.equal(at(1001).components.meetings.status, 'overspent');
  assert.equal(at(1001).components.meetings.remainingMinutes, 0);
  assert.equal(at(1001).components.meetings.overspentMinutes, 1);
  assert.equal(at(0).components.reading.status, 'within', 'nothing planned, nothing used');
  assert.equal(at(0).components.reading.percentUsed, null);
  const custom = budgetUsage(small, [{ component: 'meetings', minutes: 750 }], { nearlySpentPercent: 75 });
  assert.equal(custom.components.meetings.status, 'nearly spent');
  assert.throws(() => budgetUsage(small, [], { nearlySpentPercent: 0 }), RangeError);
  assert.throws(() => budgetUsage(small, [], { nearlySpentPercent: 90.5 }), RangeError);
});

test('warnings say what is used and left, the whole budget first', () => {
  const usage = budgetUsage(DEFAULT_TIME_BUDGET, [
    { component: 'meetings', minutes: hours(35) },
    { component: 'reading', minutes: hours(8) },
    { component: 'school-visits', minutes: hours(7) },
    { component: 'establishing', minutes: hours(3) },
  ]);
  assert.deepEqual(
    usage.warnings.map((warning) => [warning.kind, warning.part, warning.message]),
    [
      ['nearly spent', 'overall', 'The whole budget: 53 hours of 56 hours used, 3 hours left'],
      ['overspent', 'reading', 'Reading: 8 hours used, 1 hour more than the 7 hours planned'],
      ['spent', 'school-visits', 'School visits: all 7 hours used'],
      ['nearly spent', 'meetings', 'Meetings: 35 hours of 38.5 hours used, 3.5 hours left'],
    ],
  );
});

test('time used on a part with nothing planned is overspent', () => {
  const usage = budgetUsage(budget(hours(56), 0, 0, 0, hours(56)), [{ component: 'reading', minutes: 30 }]);
  assert.equal(usage.components.reading.status, 'overspent');
  assert.equal(usage.warnings[0]?.message, 'Reading: 0.5 hours used, 0.5 hours more than the 0 hours planned');
});

test('a new activity is checked before it is saved: would it overspend its part or the whole?', () => {
  const logged: LoggedActivity[] = [{ component: 'meetings', minutes: hours(36) }];
  const fits = checkNewActivity(DEFAULT_TIME_BUDGET, logged, { component: 'meetings', minutes: hours(2.5) });
  assert.equal(fits.wouldOverspend, false);
  assert.deepEqual(fits.warnings, []);
  assert.equal(fits.after.components.meetings.status, 'spent');

  const over = checkNewActivity(DEFAULT_TIME_BUDGET, logged, { component: 'meetings', minutes: hours(4) });
  assert.equal(over.wouldOverspend, true);
  assert.deepEqual(over.warnings, [
    {
      kind: 'would overspend',
      part: 'meetings',
      message: 'Saving this would take meetings to 40 hours, 1.5 hours more than the 38.5 hours planned',
    },
  ]);

  const all = checkNewActivity(DEFAULT_TIME_BUDGET, [{ component: 'meetings', minutes: hours(55) }], {
    component: 'meetings',
    minutes: hours(3),
  });
  assert.deepEqual(
    all.warnings.map((warning) => warning.message),
    [
      'Saving this would take meetings to 58 hours, 19.5 hours more than the 38.5 hours planned',
      'Saving this would take the whole budget to 58 hours, 2 hours more than the 56 hours planned',
    ],
  );
  assert.deepEqual(budgetUsage(DEFAULT_TIME_BUDGET, logged).components.meetings.usedMinutes, hours(36), 'unchanged');
});

test('activities and budgets that are not whole minutes are refused, not counted', () => {
  assert.throws(() => budgetUsage(DEFAULT_TIME_BUDGET, [{ component: 'meetings', minutes: -30 }]), RangeError);
  assert.throws(() => budgetUsage(DEFAULT_TIME_BUDGET, [{ component: 'meetings', minutes: 1.5 }]), RangeError);
  assert.throws(() => budgetUsage(budget(hours(56), 0, 0, 0, hours(55)), []), /add up to the total/);
});

test('durations are written as hours with at most two decimals, and as 7-hour days and hours', () => {
  const written: Array<[number, string, string]> = [
    [0, '0 hours', '0 hours'],
    [15, '0.25 hours', '0.25 hours'],
    [20, '0.33 hours', '0.33 hours'],
    [59, '0.98 hours', '0.98 hours'],
    [60, '1 hour', '1 hour'],
    [90, '1.5 hours', '1.5 hours'],
    [hours(7), '7 hours', '1 day'],
    [hours(24.5), '24.5 hours', '3 days 3.5 hours'],
    [hours(8) + 1, '8.02 hours', '1 day 1.02 hours'],
    [hours(56), '56 hours', '8 days'],
    [hours(1500), '1,500 hours', '214 days 2 hours'],
  ];
  for (const [minutes, asHours, asDays] of written) {
    assert.equal(formatHours(minutes), asHours);
    assert.equal(formatDaysAndHours(minutes), asDays);
  }
  assert.throws(() => formatHours(-1), RangeError);
  assert.throws(() => formatDaysAndHours(0.5), RangeError);
});

const anyBudget: fc.Arbitrary<TimeBudget> = fc
  .tuple(fc.nat({ max: 5000 }), fc.nat({ max: 5000 }), fc.nat({ max: 5000 }), fc.nat({ max: 5000 }))
  .filter((parts) => parts.some((minutes) => minutes > 0))
  .map(([reading, visits, establishing, meetings]) =>
    budget(reading + visits + establishing + meetings, reading, visits, establishing, meetings),
  );
const anyActivities = fc.array(
  fc.record({ component: fc.constantFrom(...BUDGET_COMPONENTS), minutes: fc.nat({ max: 3000 }) }),
  { maxLength: 20 },
);

test('property: nothing is negative, and used, remaining and overspent always add up to the plan', () => {
  fc.assert(
    fc.property(anyBudget, anyActivities, (plan, activities) => {
      const usage = budgetUsage(plan, activities);
      const parts = BUDGET_COMPONENTS.map((component) => usage.components[component]);
      for (const time of [usage.overall, ...parts]) {
        assert.ok(time.remainingMinutes >= 0 && time.overspentMinutes >= 0);
        assert.ok(time.remainingMinutes === 0 || time.overspentMinutes === 0);
        assert.equal(time.usedMinutes - time.overspentMinutes + time.remainingMinutes, time.plannedMinutes);
      }
      const sum = (pick: (time: (typeof parts)[number]) => number) =>
        parts.reduce((total, time) => total + pick(time), 0);
      assert.equal(
        sum((time) => time.plannedMinutes),
        usage.overall.plannedMinutes,
      );
      assert.equal(
        sum((time) => time.usedMinutes),
        usage.overall.usedMinutes,
      );
      assert.equal(
        usage.overall.usedMinutes,
        activities.reduce((total, activity) => total + activity.minutes, 0),
      );
    }),
  );
});

test('property: a warning exactly when a part reaches the threshold, and "would overspend" exactly when over', () => {
  fc.assert(
    fc.property(
      anyBudget,
      anyActivities,
      fc.record({ component: fc.constantFrom(...BUDGET_COMPONENTS), minutes: fc.nat({ max: 3000 }) }),
      fc.integer({ min: 1, max: 100 }),
      (plan, activities, proposed, nearlySpentPercent) => {
        const usage = budgetUsage(plan, activities, { nearlySpentPercent });
        for (const part of ['overall', ...BUDGET_COMPONENTS] as const) {
          const time = part === 'overall' ? usage.overall : usage.components[part];
          const reached = time.usedMinutes > 0 && time.usedMinutes * 100 >= time.plannedMinutes * nearlySpentPercent;
          assert.equal(
            usage.warnings.some((warning) => warning.part === part),
            reached,
          );
        }
        const check = checkNewActivity(plan, activities, proposed, { nearlySpentPercent });
        const partAfter = check.after.components[proposed.component];
        const expectOver = partAfter.usedMinutes > partAfter.plannedMinutes || check.after.overall.overspentMinutes > 0;
        assert.equal(check.wouldOverspend, expectOver);
      },
    ),
  );
});

test('property: durations in quarter hours are written exactly', () => {
  fc.assert(
    fc.property(fc.nat({ max: 20_000 }), (quarters) => {
      const minutes = quarters * 15;
      const asHours = Number(formatHours(minutes).replace(/,/g, '').split(' ')[0]);
      assert.equal(asHours * 60, minutes);
      const match = /^(?:(\d+) days?)? ?(?:([\d.]+) hours?)?$/.exec(formatDaysAndHours(minutes).replace(/,/g, ''));
      assert.ok(match, formatDaysAndHours(minutes));
      assert.equal(Number(match[1] ?? 0) * 420 + Number(match[2] ?? 0) * 60, minutes);
    }),
  );
});
