import assert from 'node:assert/strict';
import { test } from 'node:test';
import { asc, eq } from 'drizzle-orm';
import { buildTestApp } from '../../../test/support/app.ts';
import { createPlan, createPriority } from '../../../test/support/plan-factories.ts';
import { postForm, signIn, type SignedIn } from '../../../test/support/sign-in.ts';
import { planCarriedPriorities } from './plan-sharing.tables.ts';
import { planPriorities, plans } from './plans.tables.ts';

const { app, db } = await buildTestApp();
const get = (url: string, who: SignedIn) => app.inject({ method: 'GET', url, cookies: who.cookies });

const ceo = await signIn(db, 'ceo');
const trust = ceo.organisation;
const seniorLeader = await signIn(db, 'senior_leader', trust);

async function openPlan() {
  const planId = await createPlan(db, { organisation: trust, title: 'Plan 2026 to 2027', periodEnd: '2027-08-31' });
  const first = await createPriority(db, planId, { title: 'Governance', position: 0 });
  const second = await createPriority(db, planId, { title: 'Finance', position: 1 });
  return { planId, first, second };
}

const send = (url: string, fields: Record<string, string>, who: SignedIn = ceo) =>
  postForm(app, { url, from: url, cookies: who.cookies, fields });

const planRow = async (id: string) => (await db.select().from(plans).where(eq(plans.id, id)))[0];

test('closing records what each priority achieved and the medium-term priorities; the next plan starts from them', async () => {
  const { planId, first, second } = await openPlan();
  const url = `/plans/${planId}/close`;
  const form = await get(url, ceo);
  assert.equal(form.statusCode, 200);
  const added = await send(url, { rows: '3', add: 'row', 'carried-0-title': 'Keep this' });
  assert.equal(added.statusCode, 200);
  assert.match(added.body, /carried-3-title/, 'one more row, and what was typed kept');
  assert.match(added.body, /value="Keep this"/);
  const closed = await send(url, {
    version: '1',
    rows: '3',
    [`achieved-${first}`]: 'A new scheme of delegation',
    [`achieved-${second}`]: 'Reserves policy agreed',
    'carried-0-title': 'Grow the central team',
    'carried-0-detail': 'Two more school improvement partners',
    'carried-2-title': 'Estate strategy',
  });
  assert.equal(closed.statusCode, 303);
  const plan = await planRow(planId);
  assert.equal(plan?.status, 'closed');
  assert.ok(plan?.closedAt);
  const achieved = await db
    .select()
    .from(planPriorities)
    .where(eq(planPriorities.planId, planId))
    .orderBy(asc(planPriorities.position));
  assert.deepEqual(
    achieved.map((row) => row.achieved),
    ['A new scheme of delegation', 'Reserves policy agreed'],
  );
  const overview = await get(`/plans/${planId}`, seniorLeader);
  assert.match(overview.body, /What was achieved[\s\S]*A new scheme of delegation/);
  assert.match(overview.body, /Medium-term priorities[\s\S]*Grow the central team[\s\S]*Estate strategy/);
  assert.doesNotMatch(overview.body, /Start the next plan/, 'a member who does not plan cannot start the next');

  const next = await get(`/plans/${planId}/next`, ceo);
  assert.equal(next.statusCode, 200);
  assert.match(next.body, /name="periodStart-day"[^>]*value="1"/, 'starts the day after the last plan ended');
  const carried = await db.select().from(planCarriedPriorities).where(eq(planCarriedPriorities.planId, planId));
  const growth = carried.find((row) => row.title === 'Grow the central team');
  assert.ok(growth);
  const created = await send(`/plans/${planId}/next`, {
    title: 'Plan 2027 to 2028',
    'periodStart-day': '1',
    'periodStart-month': '9',
    'periodStart-year': '2027',
    'periodEnd-day': '31',
    'periodEnd-month': '8',
    'periodEnd-year': '2028',
    status: 'draft',
    carried: growth.id,
    creationKey: 'next-plan',
  });
  assert.equal(created.statusCode, 303);
  const nextId = /\/plans\/([0-9a-f-]{36})/.exec(String(created.headers.location))?.[1] ?? '';
  assert.equal((await planRow(nextId))?.previousPlanId, planId);
  const priorities = await db.select().from(planPriorities).where(eq(planPriorities.planId, nextId));
  assert.deepEqual(
    priorities.map((row) => [row.title, row.intendedOutcome]),
    [['Grow the central team', 'Two more school improvement partners']],
  );
});

test('every priority needs what it achieved, and a detail needs its priority; nothing closes until both are right', async () => {
  const { planId, first } = await openPlan();
  const response = await send(`/plans/${planId}/close`, {
    version: '1',
    rows: '3',
    [`achieved-${first}`]: 'Done',
    'carried-1-detail': 'Without a title',
  });
  assert.equal(response.statusCode, 400);
  assert.match(response.body, /Say what “Finance” achieved/);
  assert.match(response.body, /Enter the medium-term priority, or clear what is written under it/);
  assert.match(response.body, /Without a title/, 'what was typed is kept');
  assert.equal((await planRow(planId))?.status, 'active');
});

test('a plan changed while it was being closed is not closed, and the form keeps what was typed', async () => {
  const { planId, first, second } = await openPlan();
  await db.update(plans).set({ version: 2 }).where(eq(plans.id, planId));
  const response = await send(`/plans/${planId}/close`, {
    version: '1',
    rows: '3',
    [`achieved-${first}`]: 'Kept text one',
    [`achieved-${second}`]: 'Kept text two',
  });
  assert.equal(response.statusCode, 409);
  assert.match(response.body, /Someone changed this plan/);
  assert.match(response.body, /Kept text one/);
  assert.match(response.body, /name="version" value="2"/);
  assert.equal((await planRow(planId))?.status, 'active');
});

test('only those who change the plan close it; a closed plan cannot be closed again or added to', async () => {
  const { planId } = await openPlan();
  assert.equal((await get(`/plans/${planId}/close`, seniorLeader)).statusCode, 404);
  assert.equal((await get(`/plans/${planId}/next`, ceo)).statusCode, 404, 'an open plan has no next plan yet');
  const closedId = await createPlan(db, { organisation: trust, status: 'closed' });
  assert.equal((await get(`/plans/${closedId}/close`, ceo)).statusCode, 409);
});
