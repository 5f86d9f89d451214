import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eq } from 'drizzle-orm';
import { buildTestApp } from '../../../test/support/app.ts';
import {
  createAction,
  createMilestone,
  createPlan,
  createPriority,
  planFormFields,
} from '../../../test/support/plan-factories.ts';
import { postForm, signIn } from '../../../test/support/sign-in.ts';
import { planPriorities, plans } from './plans.tables.ts';

const { app, db } = await buildTestApp();
const get = (url: string, cookies: Record<string, string>) => app.inject({ method: 'GET', url, cookies });

const ceo = await signIn(db, 'ceo');
const trust = ceo.organisation;
const seniorLeader = await signIn(db, 'senior_leader', trust);
const outsider = await signIn(db, 'ceo');

const planFields = (overrides: Record<string, string> = {}) =>
  planFormFields({
    owner: trust.id,
    title: 'Trust development plan 2026 to 2027',
    summary: 'Where we go next',
    ...overrides,
  });

const create = (cookies: Record<string, string>, fields: Record<string, string>) =>
  postForm(app, { url: '/plans/new', from: '/plans/new', cookies, fields });

function planIdFrom(location: unknown): string {
  const match = /^\/plans\/([0-9a-f-]{36})\?done=created$/.exec(String(location));
  assert.ok(match?.[1], `redirected to the new plan, not ${String(location)}`);
  return match[1];
}

test('a chief executive creates the trust’s plan; a double-pressed Create makes one', async () => {
  const page = await get('/plans/new', ceo.cookies);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, new RegExp(`${trust.name}’s plan`));
  const creationKey = /name="creationKey" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
  assert.ok(creationKey);
  const [first, second] = [
    await create(ceo.cookies, planFields({ creationKey })),
    await create(ceo.cookies, planFields({ creationKey })),
  ];
  assert.equal(first.statusCode, 303);
  assert.equal(first.headers.location, second.headers.location);
  assert.equal((await db.select().from(plans).where(eq(plans.creationKey, creationKey))).length, 1);
  const overview = await get(String(first.headers.location), seniorLeader.cookies);
  assert.equal(overview.statusCode, 200, 'everyone in the trust reads its plan');
  assert.match(overview.body, /Trust development plan 2026 to 2027/);
  assert.match(overview.body, /1 September 2026 to 31 August 2027/);
  assert.doesNotMatch(overview.body, /Add a priority/, 'a senior leader reads but does not change it');
  assert.match((await get(String(first.headers.location), ceo.cookies)).body, /Add a priority/);
});

test('a plan form with problems comes back with each one, and what was typed', async () => {
  const response = await create(
    ceo.cookies,
    planFields({ title: '', 'periodStart-month': '', 'periodEnd-day': '31', 'periodEnd-month': '2', status: 'open' }),
  );
  assert.equal(response.statusCode, 400);
  assert.match(response.body, /<title>Error: Create a plan/);
  assert.match(response.body, /Enter a title for the plan/);
  assert.match(response.body, /Start date must include a month/);
  assert.match(response.body, /End date must be a real date/);
  assert.match(response.body, /Select whether the plan is a draft or active/);
  assert.match(response.body, /href="#periodStart-month"/, 'the summary links to the box to fix');
  assert.match(response.body, /value="Where we go next"|>Where we go next</, 'the summary typed is kept');
  const backwards = await create(ceo.cookies, planFields({ 'periodEnd-year': '2025' }));
  assert.match(backwards.body, /The end date must be the same as or after the start date/);
  const notTheirs = await create(seniorLeader.cookies, planFields());
  assert.equal(notTheirs.statusCode, 400, 'a senior leader does not make the trust’s plans');
  assert.match(notTheirs.body, /Select whose plan it is from the list/);
  assert.equal((await db.select().from(plans).where(eq(plans.title, ''))).length, 0);
});

test('an individual plan is its owner’s alone: to anyone else, every URL of it is not found', async () => {
  const response = await create(seniorLeader.cookies, planFields({ owner: 'me', title: 'My leadership year' }));
  const planId = planIdFrom(response.headers.location);
  assert.match((await get(`/plans/${planId}`, seniorLeader.cookies)).body, /own development plan/);
  assert.match((await get('/plans', seniorLeader.cookies)).body, /My leadership year/);
  assert.doesNotMatch((await get('/plans', ceo.cookies)).body, /My leadership year/);
  const priorityId = await createPriority(db, planId);
  const actionId = await createAction(db, { planId, priorityId, owner: seniorLeader.person });
  const milestoneId = await createMilestone(db, planId);
  const urls = [
    `/plans/${planId}`,
    `/plans/${planId}/edit`,
    `/plans/${planId}/priorities/new`,
    `/plans/${planId}/priorities/${priorityId}`,
    `/plans/${planId}/priorities/${priorityId}/actions/new`,
    `/plans/${planId}/actions/${actionId}`,
    `/plans/${planId}/actions/${actionId}/edit`,
    `/plans/${planId}/actions/${actionId}/updates/new`,
    `/plans/${planId}/milestones/new`,
    `/plans/${planId}/milestones/${milestoneId}`,
  ];
  for (const url of urls) {
    assert.equal((await get(url, seniorLeader.cookies)).statusCode, 200, url);
    for (const other of [ceo, outsider]) assert.equal((await get(url, other.cookies)).statusCode, 404, url);
  }
  const post = await postForm(app, {
    url: `/plans/${planId}/priorities/new`,
    from: '/plans/new',
    cookies: ceo.cookies,
    fields: { title: 'Mine now', intendedOutcome: 'x' },
  });
  assert.equal(post.statusCode, 404);
});

test('a trust’s plan is not found by anyone outside the trust', async () => {
  const planId = await createPlan(db, { organisation: trust });
  const priorityId = await createPriority(db, planId);
  for (const url of [`/plans/${planId}`, `/plans/${planId}/priorities/${priorityId}`]) {
    assert.equal((await get(url, outsider.cookies)).statusCode, 404, url);
  }
  assert.equal((await get(`/plans/${planId}/edit`, seniorLeader.cookies)).statusCode, 404, 'readers do not edit');
});

test('priorities are added, changed and moved; a stale change keeps what was typed', async () => {
  const planId = await createPlan(db, { organisation: trust });
  const add = (title: string) =>
    postForm(app, {
      url: `/plans/${planId}/priorities/new`,
      from: `/plans/${planId}/priorities/new`,
      cookies: ceo.cookies,
      fields: { title, intendedOutcome: `Outcome of ${title}`, successCriteria: '' },
    });
  assert.equal((await add('Governance')).statusCode, 303);
  assert.equal((await add('Curriculum')).statusCode, 303);
  const empty = await add('');
  assert.equal(empty.statusCode, 400);
  assert.match(empty.body, /Enter the priority/);
  const rows = await db.select().from(planPriorities).where(eq(planPriorities.planId, planId));
  const curriculum = rows.find((row) => row.title === 'Curriculum');
  assert.ok(curriculum);
  const moved = await postForm(app, {
    url: `/plans/${planId}/priorities/${curriculum.id}/move`,
    from: `/plans/${planId}`,
    cookies: ceo.cookies,
    fields: { direction: 'up' },
  });
  assert.equal(moved.statusCode, 303);
  const overview = (await get(`/plans/${planId}`, ceo.cookies)).body;
  assert.ok(
    overview.indexOf('1. Curriculum') > 0 && overview.indexOf('2. Governance') > overview.indexOf('1. Curriculum'),
  );

  const url = `/plans/${planId}/priorities/${curriculum.id}`;
  const save = (title: string) =>
    postForm(app, {
      url,
      from: url,
      cookies: ceo.cookies,
      fields: { title, intendedOutcome: 'Typed outcome', successCriteria: 'Typed criteria', version: '1' },
    });
  assert.equal((await save('Curriculum and assessment')).statusCode, 303);
  const stale = await save('Typed in an old tab');
  assert.equal(stale.statusCode, 409);
  assert.match(stale.body, /Someone else saved this while you were editing it/);
  assert.match(stale.body, /Curriculum and assessment/, 'what is saved now');
  assert.match(stale.body, /value="Typed in an old tab"/, 'what was typed, kept');
  assert.match(stale.body, /name="version" value="2"/);
});

test('a closed plan is read as before, and any change to it is refused with the way back', async () => {
  const planId = await createPlan(db, { organisation: trust, status: 'closed' });
  const priorityId = await createPriority(db, planId);
  const overview = await get(`/plans/${planId}`, ceo.cookies);
  assert.equal(overview.statusCode, 200);
  assert.doesNotMatch(overview.body, /Add a priority|Change the plan’s details/);
  const refused = await postForm(app, {
    url: `/plans/${planId}/priorities/${priorityId}`,
    from: `/plans/${planId}`,
    cookies: ceo.cookies,
    fields: { title: 'Too late', intendedOutcome: 'x', version: '1' },
  });
  assert.equal(refused.statusCode, 409);
  assert.match(refused.body, /This plan is closed/);
  assert.match(refused.body, new RegExp(`href="/plans/${planId}"`));
  assert.equal((await get(`/plans/${planId}/milestones/new`, ceo.cookies)).statusCode, 409);
});
