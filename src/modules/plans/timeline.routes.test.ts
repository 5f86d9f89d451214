import assert from 'node:assert/strict';
import { test } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import { buildTestApp } from '../../../test/support/app.ts';
import { createAction, createMilestone, createPlan, createPriority } from '../../../test/support/plan-factories.ts';
import { signIn } from '../../../test/support/sign-in.ts';
import { auditEvents } from '../../platform/audit/audit.tables.ts';
import { londonToday } from '../../platform/views/london-time.ts';
import { monthLabel, monthOf } from './plan-timeline.ts';
import { planMilestones } from './plans.tables.ts';

const { app, db } = await buildTestApp();
const get = (url: string, cookies: Record<string, string>) => app.inject({ method: 'GET', url, cookies });

const ceo = await signIn(db, 'ceo');
const trust = ceo.organisation;
const seniorLeader = await signIn(db, 'senior_leader', trust);
const outsider = await signIn(db, 'ceo');

// The plan runs over this calendar year, whenever the test runs, so that one of its months is this month.
const today = londonToday();
const year = today.slice(0, 4);
const thisMonth = monthOf(today);
const planId = await createPlan(db, {
  organisation: trust,
  title: 'Timeline plan',
  periodStart: `${year}-01-01`,
  periodEnd: `${year}-12-31`,
});
const priorityId = await createPriority(db, planId, { title: 'Clarity of purpose' });
const overdueId = await createAction(db, {
  planId,
  priorityId,
  owner: seniorLeader.person,
  title: 'Agree the vision',
  dueDate: '2020-01-15',
  rag: 'red',
});
const dueNowId = await createAction(db, {
  planId,
  priorityId,
  owner: ceo.person,
  title: 'Share the vision with every school',
  dueDate: today,
  status: 'in_progress',
  rag: 'amber',
});
const milestoneId = await createMilestone(db, planId, { title: 'Board approves the vision', dueOn: `${year}-06-30` });
await db.update(planMilestones).set({ reached: true }).where(eq(planMilestones.id, milestoneId));
const url = `/plans/${planId}/timeline`;

const timelineReads = () =>
  db
    .select()
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.action, 'confidential.read'),
        sql`${auditEvents.details}->>'kind' = 'plan.timeline'`,
        sql`${auditEvents.details}->>'id' = ${planId}`,
      ),
    );

/** The part of the page under one month's heading, up to the next month's. */
function sectionOf(body: string, label: string): string {
  const start = body.indexOf(`<h2 class="govuk-heading-m">${label}`);
  assert.ok(start >= 0, `a heading for ${label}`);
  const end = body.indexOf('<section', start);
  return body.slice(start, end < 0 ? undefined : end);
}

test('a member of the trust sees every month of the plan with its actions and milestones', async () => {
  const response = await get(url, seniorLeader.cookies);
  assert.equal(response.statusCode, 200);
  const page = response.body;
  assert.match(page, /<h1 class="govuk-heading-l">Actions by month<\/h1>/);
  assert.match(page, new RegExp(`href="/plans/${planId}"[^>]*>Back to the plan<`));
  for (const month of ['01', '02', '06', '11', '12']) assert.ok(page.includes(monthLabel(`${year}-${month}`)));
  assert.ok(page.indexOf(`${monthLabel(`${year}-01`)}`) < page.indexOf(`${monthLabel(`${year}-12`)}`));
  assert.match(page, /Jump to a month/);
  assert.match(page, new RegExp(`href="#month-${year}-12"`));

  const current = sectionOf(page, monthLabel(thisMonth));
  assert.match(current, /This month/);
  assert.ok(current.includes(`href="/plans/${planId}/actions/${dueNowId}"`), 'the title links to the action');
  assert.match(current, /Share the vision with every school/);
  assert.match(current, /Priority: Clarity of purpose/);
  assert.ok(current.includes(ceo.person.displayName), 'its owner');
  assert.match(current, /In progress/);
  assert.match(current, /Amber/);
  assert.doesNotMatch(current, /Overdue/, 'due today is not overdue yet');

  const early = sectionOf(page, 'January 2020');
  assert.ok(page.indexOf('January 2020') < page.indexOf(`id="month-${year}-01"`), 'an earlier month comes first');
  assert.match(early, /Before the plan’s period/);
  assert.ok(early.includes(`href="/plans/${planId}/actions/${overdueId}"`));
  assert.match(early, /Overdue/);
  assert.match(early, /Red/);
  assert.match(page, /1 action is overdue/);

  const june = sectionOf(page, monthLabel(`${year}-06`));
  assert.match(june, /Board approves the vision/);
  assert.match(june, /Reached/);
  assert.match(june, /30 June/);

  const quiet = thisMonth === `${year}-02` ? `${year}-03` : `${year}-02`;
  assert.match(sectionOf(page, monthLabel(quiet)), /Nothing due/);
});

test('the plan’s page links to its timeline', async () => {
  const overview = await get(`/plans/${planId}`, seniorLeader.cookies);
  assert.ok(overview.body.includes(`href="/plans/${planId}/timeline"`));
  assert.match(overview.body, /See actions by month/);
});

test('someone who may not read the plan is told it does not exist, and nothing is recorded', async () => {
  const before = (await timelineReads()).length;
  assert.equal((await get(url, outsider.cookies)).statusCode, 404);
  assert.equal((await get(`/plans/00000000-0000-4000-8000-000000000000/timeline`, ceo.cookies)).statusCode, 404);
  assert.equal((await get(`/plans/not-an-id/timeline`, ceo.cookies)).statusCode, 404);
  const signedOut = await app.inject({ method: 'GET', url });
  assert.equal(signedOut.statusCode, 303, 'sent to sign in');
  assert.equal((await timelineReads()).length, before);
});

test('each look at the timeline writes one read to the audit log, under the trust', async () => {
  const before = (await timelineReads()).length;
  assert.equal((await get(url, ceo.cookies)).statusCode, 200);
  const reads = await timelineReads();
  assert.equal(reads.length, before + 1);
  const read = reads.find((event) => event.actorPersonId === ceo.person.id);
  assert.ok(read);
  assert.equal(read.organisationId, trust.id);
  assert.deepEqual(read.details, { kind: 'plan.timeline', id: planId });
});

test('a person reading their own plan’s timeline records nothing', async () => {
  const ownPlan = await createPlan(db, { owner: seniorLeader.person, title: 'My own plan' });
  const ownReads = () =>
    db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'confidential.read'), sql`${auditEvents.details}->>'id' = ${ownPlan}`));
  const response = await get(`/plans/${ownPlan}/timeline`, seniorLeader.cookies);
  assert.equal(response.statusCode, 200);
  assert.match(response.body, /Nothing due/);
  assert.equal((await ownReads()).length, 0);
  assert.equal((await get(`/plans/${ownPlan}/timeline`, ceo.cookies)).statusCode, 404, 'nor does the trust read it');
});
