import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { buildTestApp } from '../../../test/support/app.ts';
import { createOrganisation, createPersonWithRole } from '../../../test/support/factories.ts';
import { createAction, createPlan, createPriority } from '../../../test/support/plan-factories.ts';
import { signIn } from '../../../test/support/sign-in.ts';
import { SESSION_COOKIE } from '../../platform/auth/viewer.ts';
import { addDays, londonToday } from '../../platform/views/london-time.ts';
import { memberships } from '../people/people.tables.ts';
import { planPaths } from '../plans/index.ts';

const { app, db } = await buildTestApp();

test('signed out, the home page says what Tandem is and shows no navigation', async () => {
  const response = await app.inject({ method: 'GET', url: '/' });
  assert.equal(response.statusCode, 200);
  assert.match(response.body, /<h1 class="govuk-heading-xl">Tandem<\/h1>/);
  assert.doesNotMatch(response.body, /govuk-service-navigation/);
  assert.doesNotMatch(response.body, /Signed in as/);
});

test('signed in, a person sees their name, navigation and each organisation with their role', async () => {
  const trust = await createOrganisation(db, { name: 'Meridian Trust' });
  const ceo = await signIn(db, 'ceo', trust);
  const response = await app.inject({ method: 'GET', url: '/', cookies: ceo.cookies });
  assert.equal(response.statusCode, 200);
  assert.match(response.body, new RegExp(`Welcome, ${ceo.person.displayName}`));
  assert.match(response.body, /<span class="govuk-visually-hidden">Signed in as <\/span>/);
  assert.match(response.body, /aria-current="page"[^>]*>|<a[^>]+aria-current="page"/);
  assert.match(response.body, /Meridian Trust<\/dt>\s*<dd class="govuk-summary-list__value">Chief executive/);
});

test('an expired, unknown or malformed session cookie is simply signed out', async () => {
  const trustee = await signIn(db, 'trustee');
  await db.execute(sql`update sessions set expires_at = now() - interval '1 minute'`);
  for (const token of [trustee.cookies[SESSION_COOKIE] ?? '', 'A'.repeat(43), "'; drop table people; --"]) {
    const response = await app.inject({ method: 'GET', url: '/', cookies: { [SESSION_COOKIE]: token } });
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /<h1 class="govuk-heading-xl">Tandem<\/h1>/, `token ${token.slice(0, 8)}…`);
  }
});

test('a deactivated person is signed out at once', async () => {
  const mentor = await signIn(db, 'mentor');
  await db.execute(sql`update people set deactivated_at = now() where id = ${mentor.person.id}`);
  const response = await app.inject({ method: 'GET', url: '/', cookies: mentor.cookies });
  assert.doesNotMatch(response.body, /Welcome,/);
});

/** Today in London, `days` on (or back): the home page reads the real clock. */
const day = (days: number) => addDays(londonToday(), days);

test('a person’s open actions: overdue ones first and flagged in words, then those due within 14 days', async () => {
  const trust = await createOrganisation(db, { name: 'Estuary Trust' });
  const planId = await createPlan(db, { organisation: trust, title: 'Estuary plan' });
  const priorityId = await createPriority(db, planId);
  const ownPlanOwner = await signIn(db, 'executive', trust);
  const owner = ownPlanOwner.person;
  const ownPlanId = await createPlan(db, { owner, title: 'My leadership plan', status: 'draft' });
  const ownPriorityId = await createPriority(db, ownPlanId);
  const add = (title: string, dueDate: string, extra: { status?: 'done' | 'dropped' | 'in_progress' } = {}) =>
    createAction(db, { planId, priorityId, owner, title, dueDate, ...extra });
  const soon = await add('Agree the trust values', day(3));
  const late = await add('Audit the risk register', day(-10), { status: 'in_progress' });
  const lastDay = await add('Appoint a clerk', day(14));
  const own = await createAction(db, {
    planId: ownPlanId,
    priorityId: ownPriorityId,
    owner,
    title: 'Shadow a headteacher',
    dueDate: day(-1),
  });
  await add('Later in the year', day(15));
  await add('Finished work', day(-5), { status: 'done' });
  await add('Dropped work', day(-5), { status: 'dropped' });

  const response = await app.inject({ method: 'GET', url: '/', cookies: ownPlanOwner.cookies });
  assert.equal(response.statusCode, 200);
  const body = response.body;
  assert.match(body, /<h2 class="govuk-heading-m">Your actions<\/h2>/);
  assert.match(body, /2 actions are overdue and 2 actions are due in the next 14 days\./);
  const order = [
    planPaths.action(planId, late),
    planPaths.action(ownPlanId, own),
    planPaths.action(planId, soon),
    planPaths.action(planId, lastDay),
  ].map((href) => body.indexOf(`href="${href}"`));
  assert.ok(
    order.every((at, index) => at !== -1 && (index === 0 || at > (order[index - 1] ?? 0))),
    `overdue first, then by due date: ${order.join(', ')}`,
  );
  const rows = body.split('<tr class="govuk-table__row">').slice(2);
  assert.equal(rows.length, 4);
  assert.match(
    rows[0] ?? '',
    /Audit the risk register<\/a>[\s\S]*Estuary plan[\s\S]*<strong class="govuk-tag govuk-tag--red">Overdue<\/strong>/,
  );
  assert.match(rows[1] ?? '', /Shadow a headteacher[\s\S]*My leadership plan[\s\S]*>Overdue</);
  assert.doesNotMatch(rows[2] ?? '', /Overdue/, 'an action not yet due is not flagged');
  assert.doesNotMatch(rows[3] ?? '', /Overdue/);
  for (const left of ['Later in the year', 'Finished work', 'Dropped work'])
    assert.doesNotMatch(body, new RegExp(left));
  assert.match(body, new RegExp(`<a class="govuk-link" href="${planPaths.myActions}">All your actions</a>`));
});

test('no actions due: the home page has no actions section at all', async () => {
  const trust = await createOrganisation(db);
  const planId = await createPlan(db, { organisation: trust, title: 'Quiet plan' });
  const priorityId = await createPriority(db, planId);
  const someone = await signIn(db, 'executive', trust);
  const { person: colleague } = await createPersonWithRole(db, 'senior_leader', trust);
  // Overdue, but a colleague's: the plan is readable, the action is not theirs.
  await createAction(db, { planId, priorityId, owner: colleague, title: 'A colleague’s action', dueDate: day(-2) });

  const response = await app.inject({ method: 'GET', url: '/', cookies: someone.cookies });
  assert.equal(response.statusCode, 200);
  assert.doesNotMatch(response.body, /Your actions|All your actions|A colleague’s action/);
});

test('actions in closed plans, or in plans of a trust they have left, are not listed', async () => {
  const trust = await createOrganisation(db);
  const former = await createOrganisation(db);
  const someone = await signIn(db, 'executive', trust);
  const closedPlanId = await createPlan(db, { organisation: trust, title: 'Closed plan', status: 'closed' });
  const formerPlanId = await createPlan(db, { organisation: former, title: 'Former trust plan' });
  // They owned an action while a member of the former trust, and have since left it.
  await db.insert(memberships).values({ personId: someone.person.id, organisationId: former.id, role: 'executive' });
  for (const planId of [closedPlanId, formerPlanId]) {
    const priorityId = await createPriority(db, planId);
    await createAction(db, { planId, priorityId, owner: someone.person, title: 'Not listed', dueDate: day(-3) });
  }
  await db.delete(memberships).where(eq(memberships.organisationId, former.id));

  const response = await app.inject({ method: 'GET', url: '/', cookies: someone.cookies });
  assert.equal(response.statusCode, 200);
  assert.doesNotMatch(response.body, /Your actions|Not listed/);
});
