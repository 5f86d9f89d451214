import assert from 'node:assert/strict';
import { test } from 'node:test';
import { z } from 'zod';
import {
  dateBoxes,
  dateBoxesInError,
  dateFieldIds,
  dateLeftEmpty,
  dateProblem,
  dateValues,
  describeTypedDate,
  instantValues,
  parseDatedForm,
  timeProblem,
  typedDate,
  typedInstant,
} from './date-fields.ts';

test('typed dates are checked and said back in GOV.UK words', () => {
  const field = { name: 'due', label: 'Due date' };
  assert.equal(dateProblem({}, field), 'Enter the due date');
  assert.equal(dateProblem({}, { ...field, whenEmpty: 'Enter when it is due' }), 'Enter when it is due');
  assert.equal(dateProblem({ 'due-day': '3', 'due-year': '2026' }, field), 'Due date must include a month');
  assert.equal(dateProblem({ 'due-year': '2026' }, field), 'Due date must include a day and month');
  assert.equal(
    dateProblem({ 'due-day': '31', 'due-month': '4', 'due-year': '2026' }, field),
    'Due date must be a real date',
  );
  assert.equal(
    dateProblem({ 'due-day': '1e1', 'due-month': '4', 'due-year': '2026' }, field),
    'Due date must be a real date',
  );
  const typed = { 'due-day': ' 3 ', 'due-month': '04', 'due-year': '2026' };
  assert.equal(dateProblem(typed, field), null);
  assert.equal(typedDate(typed, 'due'), '2026-04-03');
  assert.equal(describeTypedDate(typed, field), '3 April 2026');
  assert.equal(describeTypedDate({ 'due-day': '31', 'due-month': '4', 'due-year': '2026' }, field), '31 4 2026');
  assert.deepEqual(dateValues('due', '2026-04-03'), { 'due-day': '3', 'due-month': '4', 'due-year': '2026' });
  assert.equal(dateLeftEmpty({ 'due-day': ' ' }, 'due'), true);
  assert.equal(dateLeftEmpty({ 'due-year': '2026' }, 'due'), false);
});

test('the boxes marked wrong are the empty ones, or all three when the date is not real', () => {
  assert.deepEqual(dateBoxesInError({ 'due-day': '3' }, 'due'), ['month', 'year']);
  assert.deepEqual(dateBoxesInError({}, 'due'), ['day', 'month', 'year']);
  assert.deepEqual(dateBoxesInError({ 'due-day': '31', 'due-month': '4', 'due-year': '2026' }, 'due'), [
    'day',
    'month',
    'year',
  ]);
  assert.deepEqual(dateFieldIds({ 'a-day': '1', 'a-year': '2026' }, ['a', 'b']), { a: 'a-month', b: 'b-day' });
});

test('a time of day is an hour and, if given, a minute on the 24-hour clock, meant in London', () => {
  const field = { name: 'at', label: 'Time' };
  assert.equal(timeProblem({}, field), 'Enter the time');
  assert.equal(timeProblem({ 'at-minute': '30' }, field), 'Time must include an hour');
  assert.equal(timeProblem({ 'at-hour': '24' }, field), 'Time must be a real time, like 9 30 or 14 00');
  assert.equal(
    timeProblem({ 'at-hour': '9', 'at-minute': '60' }, field),
    'Time must be a real time, like 9 30 or 14 00',
  );
  assert.equal(timeProblem({ 'at-hour': '9' }, field), null);
  const summer = { 'at-day': '1', 'at-month': '7', 'at-year': '2026', 'at-hour': '10', 'at-minute': '' };
  assert.equal(typedInstant(summer, 'at').toISOString(), '2026-07-01T09:00:00.000Z');
  assert.deepEqual(instantValues('at', new Date('2026-11-03T09:05:00Z')), {
    'at-day': '3',
    'at-month': '11',
    'at-year': '2026',
    'at-hour': '9',
    'at-minute': '05',
  });
  assert.deepEqual(Object.keys(dateBoxes(field, { time: true })), [
    'at-day',
    'at-month',
    'at-year',
    'at-hour',
    'at-minute',
  ]);
});

test('a dated form reports every problem in the form’s order, each linking to the box to fix', () => {
  const start = { name: 'start', label: 'Start date' };
  const end = { name: 'end', label: 'End date' };
  const schema = z.object({
    title: z.string().min(1, { error: 'Enter a title' }),
    ...dateBoxes(start),
    ...dateBoxes(end),
  });
  const inOrder = (dates: Record<string, string>) =>
    dates.start && dates.end && dates.end < dates.start ? [{ field: 'end', message: 'End before start' }] : [];
  const order = ['title', 'start', 'end'];
  const bad = parseDatedForm(
    schema,
    { title: '', 'start-day': '1', 'end-day': '99', 'end-month': '1', 'end-year': '2026' },
    {
      dates: [start, end],
      order,
      also: inOrder,
    },
  );
  assert.equal(bad.ok, false);
  if (!bad.ok) {
    assert.deepEqual(bad.errors.summary, [
      { text: 'Enter a title', href: '#title' },
      { text: 'Start date must include a month and year', href: '#start-month' },
      { text: 'End date must be a real date', href: '#end-day' },
    ]);
  }
  const backwards = { title: 'T', 'start-day': '2', 'start-month': '1', 'start-year': '2026' };
  const reversed = parseDatedForm(
    schema,
    { ...backwards, 'end-day': '1', 'end-month': '1', 'end-year': '2026' },
    {
      dates: [start, end],
      order,
      also: inOrder,
    },
  );
  assert.deepEqual(reversed.ok ? [] : reversed.errors.summary, [{ text: 'End before start', href: '#end-day' }]);
  const good = parseDatedForm(
    schema,
    { ...backwards, 'end-day': '3', 'end-month': '1', 'end-year': '2026' },
    {
      dates: [start, end],
      order,
      also: inOrder,
    },
  );
  assert.deepEqual(good.ok && good.dates, { start: '2026-01-02', end: '2026-01-03' });
});
