import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  inDependencyOrder,
  isOverdue,
  overdueFirst,
  progressOf,
  ragRollUp,
  wouldLoop,
  type ActionFacts,
} from './plan-progress.ts';

const action = (id: string, overrides: Partial<ActionFacts> = {}): ActionFacts => ({
  id,
  title: `Action ${id}`,
  status: 'not_started',
  rag: 'green',
  dueDate: '2027-01-01',
  dependsOnActionId: null,
  ...overrides,
});

test('a priority is as red as its worst open action; finished actions no longer count', () => {
  assert.equal(ragRollUp([]), 'no-actions');
  assert.equal(ragRollUp([action('a'), action('b', { rag: 'amber' })]), 'amber');
  assert.equal(ragRollUp([action('a', { rag: 'red' }), action('b', { rag: 'amber' })]), 'red');
  assert.equal(ragRollUp([action('a', { rag: 'red', status: 'done' }), action('b')]), 'green');
  assert.equal(
    ragRollUp([action('a', { rag: 'red', status: 'dropped' }), action('b', { status: 'done' })]),
    'finished',
  );
});

test('progress counts done actions out of those not dropped', () => {
  assert.deepEqual(progressOf([action('a', { status: 'done' }), action('b'), action('c', { status: 'dropped' })]), {
    done: 1,
    counted: 2,
  });
});

test('an open action due before today is overdue; due today, or finished, it is not', () => {
  assert.equal(isOverdue(action('a', { dueDate: '2026-03-26' }), '2026-03-27'), true);
  assert.equal(isOverdue(action('a', { dueDate: '2026-03-27' }), '2026-03-27'), false);
  assert.equal(isOverdue(action('a', { dueDate: '2026-03-01', status: 'done' }), '2026-03-27'), false);
  assert.equal(isOverdue(action('a', { dueDate: '2026-03-01', status: 'in_progress' }), '2026-03-27'), true);
});

test('an action comes after the one it depends on, even when that one is due later', () => {
  const ordered = inDependencyOrder([
    action('survey', { dueDate: '2027-03-01' }),
    action('analyse', { dueDate: '2027-02-01', dependsOnActionId: 'survey' }),
    action('report', { dueDate: '2027-01-01', dependsOnActionId: 'analyse' }),
    action('train', { dueDate: '2027-02-15' }),
  ]);
  assert.deepEqual(
    ordered.map((each) => each.id),
    ['survey', 'analyse', 'report', 'train'],
  );
});

test('every action is listed once in dependency order, whatever the dependencies', () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.nat(9), fc.option(fc.nat(9)), fc.nat(30)), { maxLength: 10 }), (rows) => {
      const actions = rows.map(([_, dependsOn, day], index) =>
        action(`a${index}`, {
          dueDate: `2027-01-${String(day + 1).padStart(2, '0')}`,
          dependsOnActionId: dependsOn === null ? null : `a${dependsOn}`,
        }),
      );
      const ordered = inDependencyOrder(actions);
      assert.equal(ordered.length, actions.length);
      assert.equal(new Set(ordered.map((each) => each.id)).size, actions.length);
    }),
  );
});

test('a dependency that would close a loop is found', () => {
  const actions = [action('a'), action('b', { dependsOnActionId: 'a' }), action('c', { dependsOnActionId: 'b' })];
  assert.equal(wouldLoop(actions, 'a', 'c'), true);
  assert.equal(wouldLoop(actions, 'a', 'a'), true);
  assert.equal(wouldLoop(actions, 'c', 'a'), false);
  assert.equal(wouldLoop(actions, 'new', 'c'), false);
});

test('overdue actions come first, then open ones by due date, then finished ones', () => {
  const sorted = overdueFirst(
    [
      action('done', { status: 'done', dueDate: '2026-01-01' }),
      action('later', { dueDate: '2026-06-01' }),
      action('late', { dueDate: '2026-02-01' }),
      action('later-still', { dueDate: '2026-07-01' }),
      action('latest', { dueDate: '2026-01-15' }),
    ],
    '2026-03-01',
  );
  assert.deepEqual(
    sorted.map((each) => each.id),
    ['latest', 'late', 'later', 'later-still', 'done'],
  );
});
