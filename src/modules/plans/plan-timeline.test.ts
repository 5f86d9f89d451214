import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  monthLabel,
  monthOf,
  nextMonth,
  planTimeline,
  quietAfter,
  type TimelineAction,
  type TimelineEntry,
  type TimelineMilestone,
} from './plan-timeline.ts';

let ids = 0;
const action = (dueDate: string, overrides: Partial<TimelineAction> = {}): TimelineAction => ({
  id: `action-${++ids}`,
  title: `Action due ${dueDate}`,
  status: 'not_started',
  dueDate,
  ...overrides,
});
const milestone = (dueOn: string, title = `Milestone on ${dueOn}`): TimelineMilestone & { reached: boolean } => ({
  id: `milestone-${++ids}`,
  title,
  dueOn,
  reached: false,
});

/** Midday in London on 15 January 2027: after the period's first months, before its last. */
const midJanuary = new Date('2027-01-15T12:00:00Z');
const schoolYear = { periodStart: '2026-09-01', periodEnd: '2027-08-31' };

const months = (entries: ReadonlyArray<TimelineEntry<TimelineAction, TimelineMilestone>>) =>
  entries.map((entry) => (entry.kind === 'month' ? entry.month : `${entry.month}…${entry.last}`));

test('months are named and counted across the end of a year', () => {
  assert.equal(monthOf('2026-09-14'), '2026-09');
  assert.equal(nextMonth('2026-09'), '2026-10');
  assert.equal(nextMonth('2026-12'), '2027-01');
  assert.equal(monthLabel('2026-09'), 'September 2026');
  assert.equal(monthLabel('2027-01'), 'January 2027');
});

test('every month of the period is listed in order, across the new year, empty ones included', () => {
  const timeline = planTimeline({ ...schoolYear, actions: [], milestones: [], now: midJanuary });
  assert.deepEqual(months(timeline), [
    '2026-09',
    '2026-10',
    '2026-11',
    '2026-12',
    '2027-01',
    '2027-02',
    '2027-03',
    '2027-04',
    '2027-05',
    '2027-06',
    '2027-07',
    '2027-08',
  ]);
  assert.ok(
    timeline.every((entry) => entry.kind === 'month' && entry.actions.length === 0 && entry.place === 'during'),
  );
  assert.equal(timeline[0]?.kind === 'month' && timeline[0].label, 'September 2026');
  assert.deepEqual(
    timeline.filter((entry) => entry.kind === 'month' && entry.current).map((entry) => entry.month),
    ['2027-01'],
    'the current month is marked, and only it',
  );
});

test('a period starting and ending mid-month lists the months it touches', () => {
  const timeline = planTimeline({
    periodStart: '2026-11-20',
    periodEnd: '2027-02-03',
    actions: [],
    milestones: [],
    now: midJanuary,
  });
  assert.deepEqual(months(timeline), ['2026-11', '2026-12', '2027-01', '2027-02']);
  const oneDay = planTimeline({ periodStart: '2026-11-20', periodEnd: '2026-11-20', actions: [], milestones: [] });
  assert.deepEqual(months(oneDay), ['2026-11']);
});

test('actions and milestones go under the month they are due, by day then title', () => {
  const late = action('2026-10-30', { title: 'B late in October' });
  const early = action('2026-10-02', { title: 'Z early in October' });
  const sameDay = action('2026-10-30', { title: 'A late in October' });
  const december = action('2026-12-31');
  const board = milestone('2026-10-15', 'Board approves');
  const timeline = planTimeline({
    ...schoolYear,
    actions: [late, december, sameDay, early],
    milestones: [board],
    now: midJanuary,
  });
  const october = timeline.find((entry) => entry.kind === 'month' && entry.month === '2026-10');
  assert.ok(october?.kind === 'month');
  assert.deepEqual(
    october.actions.map((each) => each.title),
    ['Z early in October', 'A late in October', 'B late in October'],
  );
  assert.deepEqual(
    october.milestones.map((each) => each.title),
    ['Board approves'],
  );
  const december31 = timeline.find((entry) => entry.kind === 'month' && entry.month === '2026-12');
  assert.ok(december31?.kind === 'month');
  assert.deepEqual(
    december31.actions.map((each) => each.id),
    [december.id],
    'the last day of December stays in December',
  );
  const november = timeline.find((entry) => entry.kind === 'month' && entry.month === '2026-11');
  assert.ok(november?.kind === 'month');
  assert.deepEqual([november.actions.length, november.milestones.length], [0, 0]);
});

test('an action is overdue when its day has passed in London and it is still open', () => {
  const timeline = planTimeline({
    ...schoolYear,
    actions: [
      action('2026-10-01', { title: 'Open and late' }),
      action('2026-10-02', { title: 'Done', status: 'done' }),
      action('2026-10-03', { title: 'Dropped', status: 'dropped' }),
      action('2027-01-15', { title: 'Due today' }),
    ],
    milestones: [],
    now: midJanuary,
  });
  const overdue = timeline.flatMap((entry) =>
    entry.kind === 'month' ? entry.actions.filter((each) => each.overdue).map((each) => each.title) : [],
  );
  assert.deepEqual(overdue, ['Open and late']);
});

test('actions and milestones outside the period add their months, and only those', () => {
  const timeline = planTimeline({
    ...schoolYear,
    actions: [action('2020-01-31', { title: 'Long overdue' }), action('2028-03-01', { title: 'Moved past the end' })],
    milestones: [milestone('2026-06-30', 'Agreed before the start')],
    now: midJanuary,
  });
  const list = months(timeline);
  assert.deepEqual(list.slice(0, 3), ['2020-01', '2026-06', '2026-09'], 'earlier months with something, in order');
  assert.equal(list.at(-1), '2028-03');
  assert.equal(list.at(-2), '2027-08', 'no empty months between the period’s end and a later action');
  assert.equal(list.length, 15);
  const places = Object.fromEntries(timeline.map((entry) => [entry.month, entry.kind === 'month' && entry.place]));
  assert.equal(places['2020-01'], 'before');
  assert.equal(places['2026-06'], 'before');
  assert.equal(places['2026-09'], 'during');
  assert.equal(places['2028-03'], 'after');
  const first = timeline[0];
  assert.ok(first?.kind === 'month');
  assert.equal(first.actions[0]?.overdue, true);
});

test('nothing the plan holds is left off the timeline', () => {
  const dates = ['2019-12-31', '2026-08-31', '2026-09-01', '2027-02-28', '2027-08-31', '2027-09-01', '2031-01-01'];
  const actions = dates.map((day) => action(day));
  const milestones = dates.map((day) => milestone(day));
  const timeline = planTimeline({ ...schoolYear, actions, milestones, now: midJanuary });
  const listed = timeline.flatMap((entry) => (entry.kind === 'month' ? entry.actions.map((each) => each.id) : []));
  assert.deepEqual(new Set(listed), new Set(actions.map((each) => each.id)));
  assert.equal(listed.length, actions.length, 'each once');
  const reached = timeline.flatMap((entry) => (entry.kind === 'month' ? entry.milestones.map((each) => each.id) : []));
  assert.equal(reached.length, milestones.length);
  const order = months(timeline);
  assert.deepEqual(order, [...order].sort(), 'months in order');
});

test('the current month is the month it is in London, which may not be UTC’s', () => {
  // 23:30 UTC on 31 August 2026 is 00:30 on 1 September in London (summer time).
  const justAfterMidnight = new Date('2026-08-31T23:30:00Z');
  const timeline = planTimeline({
    ...schoolYear,
    actions: [action('2026-08-31', { title: 'Due on the last day of August' })],
    milestones: [],
    now: justAfterMidnight,
  });
  const current = timeline.filter((entry) => entry.kind === 'month' && entry.current).map((entry) => entry.month);
  assert.deepEqual(current, ['2026-09']);
  const august = timeline[0];
  assert.ok(august?.kind === 'month' && august.month === '2026-08');
  assert.equal(august.actions[0]?.overdue, true, 'in London the day has already passed');
  // In winter London is on UTC: 23:30 UTC on 31 December is still 31 December.
  const winter = planTimeline({ ...schoolYear, actions: [], milestones: [], now: new Date('2026-12-31T23:30:00Z') });
  assert.deepEqual(
    winter.filter((entry) => entry.kind === 'month' && entry.current).map((entry) => entry.month),
    ['2026-12'],
  );
});

test('a current month outside the period is not added to it', () => {
  const timeline = planTimeline({ ...schoolYear, actions: [], milestones: [], now: new Date('2025-03-10T12:00:00Z') });
  assert.equal(timeline.length, 12);
  assert.ok(timeline.every((entry) => entry.kind === 'month' && !entry.current));
});

test('more than a year in a row with nothing due is one quiet stretch; the current month stays its own', () => {
  const timeline = planTimeline({
    periodStart: '2026-09-01',
    periodEnd: '2207-08-31',
    actions: [action('2026-09-10'), action('2030-01-05')],
    milestones: [],
    now: midJanuary,
  });
  assert.deepEqual(months(timeline), [
    '2026-09',
    '2026-10',
    '2026-11',
    '2026-12',
    '2027-01',
    '2027-02…2029-12',
    '2030-01',
    '2030-02…2207-08',
  ]);
  const stretch = timeline.at(-1);
  assert.ok(stretch?.kind === 'quiet');
  assert.equal(stretch.label, 'February 2030 to August 2207');
  assert.equal(stretch.months, 12 * 177 + 7);

  const exactlyAYear = planTimeline({
    periodStart: '2026-09-01',
    periodEnd: '2027-09-30',
    actions: [action('2026-09-10')],
    milestones: [],
    now: new Date('2025-01-15T12:00:00Z'),
  });
  assert.equal(quietAfter, 12);
  assert.ok(
    exactlyAYear.every((entry) => entry.kind === 'month'),
    'a year of empty months is still shown month by month',
  );
  assert.equal(exactlyAYear.length, 13);
});
