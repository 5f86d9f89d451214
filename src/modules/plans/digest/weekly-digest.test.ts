import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { buildTestApp } from '../../../../test/support/app.ts';
import { createOrganisation, createPersonWithRole, type PersonRow } from '../../../../test/support/factories.ts';
import { createAction, createPlan, createPriority } from '../../../../test/support/plan-factories.ts';
import { queryRows } from '../../../platform/db/database.ts';
import { outboxMessages } from '../../../platform/mail/mail.tables.ts';
import { londonToday } from '../../../platform/views/london-time.ts';
import { memberships, people } from '../../people/people.tables.ts';
import { composeDigest, digestSubject } from './weekly-digest-mail.ts';
import { WEEKLY_DIGEST_CRON, WEEKLY_DIGEST_JOB } from './weekly-digest.ts';
import { sendWeeklyDigests } from './weekly-digest.service.ts';

const { app, db } = await buildTestApp();
const publicUrl = 'https://tandem.example.org/';

/** Run the digest as the Monday job would, on the given day, through the app's own mailer (the outbox). */
const runDigest = (today: string) => sendWeeklyDigests({ db, mailer: app.mailer, publicUrl, today });

async function mailTo(person: PersonRow) {
  return db
    .select({ subject: outboxMessages.subject, text: outboxMessages.text })
    .from(outboxMessages)
    .where(eq(outboxMessages.to, person.email))
    .orderBy(outboxMessages.createdAt);
}

/** A trust with an active plan and one priority, and a member of the trust to own actions in it. */
async function trustPlan({ title, status = 'active' }: { title: string; status?: 'active' | 'draft' | 'closed' }) {
  const trust = await createOrganisation(db);
  const planId = await createPlan(db, { organisation: trust, title, status });
  const priorityId = await createPriority(db, planId);
  return { trust, planId, priorityId };
}

test('the subject counts what is overdue and what is due this week, leaving out a count of none', () => {
  assert.equal(digestSubject({ overdue: 2, dueThisWeek: 3 }), 'Your plan actions: 2 overdue, 3 due this week');
  assert.equal(digestSubject({ overdue: 1, dueThisWeek: 0 }), 'Your plan actions: 1 overdue');
  assert.equal(digestSubject({ overdue: 0, dueThisWeek: 1 }), 'Your plan actions: 1 due this week');
});

test('each owner gets one email listing their overdue actions, then those due this week, each linked', async () => {
  const first = await trustPlan({ title: 'Meridian plan 2025 to 2026' });
  const second = await trustPlan({ title: 'Harbour plan 2025 to 2026', status: 'draft' });
  const { person: ada } = await createPersonWithRole(db, 'executive', first.trust);
  await db.insert(memberships).values({ personId: ada.id, organisationId: second.trust.id, role: 'senior_leader' });
  const { person: bo } = await createPersonWithRole(db, 'senior_leader', first.trust);
  const today = '2026-03-04'; // a Wednesday: the week began on 2 March

  const action = (plan: typeof first, owner: PersonRow, title: string, dueDate: string, extra = {}) =>
    createAction(db, { planId: plan.planId, priorityId: plan.priorityId, owner, title, dueDate, ...extra });
  const longOverdue = await action(first, ada, 'Audit the risk register', '2026-02-20', { status: 'in_progress' });
  const yesterday = await action(second, ada, 'Brief the local governors', '2026-03-03');
  const dueToday = await action(first, ada, 'Publish the pay policy', '2026-03-04');
  const dueFriday = await action(second, ada, 'Agree the trust values', '2026-03-06');
  const lastDay = await action(first, ada, 'Appoint a clerk', '2026-03-10');
  await action(first, ada, 'Next week’s action', '2026-03-11');
  await action(first, ada, 'A finished action', '2026-02-01', { status: 'done' });
  await action(first, ada, 'A dropped action', '2026-02-01', { status: 'dropped' });
  const bos = await action(first, bo, 'Train the trustees', '2026-03-05');

  const run = await runDigest(today);
  assert.ok(run.sent >= 2);

  const [adaMail, ...more] = await mailTo(ada);
  assert.equal(more.length, 0, 'one email, however many actions and plans');
  assert.ok(adaMail);
  assert.equal(adaMail.subject, 'Your plan actions: 2 overdue, 3 due this week');
  const { text } = adaMail;
  assert.match(text, /^Your plan actions for the week beginning 2 March 2026\n/);
  assert.match(text, new RegExp(`Dear ${ada.displayName},`));
  const link = (planId: string, id: string) => `https://tandem.example.org/plans/${planId}/actions/${id}`;
  const expected = [
    ['Overdue (2):', null],
    ['Audit the risk register', link(first.planId, longOverdue)],
    ['Brief the local governors', link(second.planId, yesterday)],
    ['Due this week (3):', null],
    ['Publish the pay policy', link(first.planId, dueToday)],
    ['Agree the trust values', link(second.planId, dueFriday)],
    ['Appoint a clerk', link(first.planId, lastDay)],
    ['All your actions:', 'https://tandem.example.org/plans/my-actions'],
  ] as const;
  let position = 0;
  for (const [words, url] of expected) {
    position = text.indexOf(words, position);
    assert.notEqual(position, -1, `"${words}" comes next`);
    if (url) {
      position = text.indexOf(url, position);
      assert.notEqual(position, -1, `${words} links to ${url}`);
    }
  }
  assert.match(
    text,
    /- Audit the risk register\n {2}Plan: Meridian plan 2025 to 2026\n {2}Overdue: it was due 20 February 2026\n/,
  );
  assert.match(text, /- Agree the trust values\n {2}Plan: Harbour plan 2025 to 2026\n {2}Due 6 March 2026\n/);
  for (const left of ['Next week’s action', 'A finished action', 'A dropped action', 'Train the trustees']) {
    assert.doesNotMatch(text, new RegExp(left), `${left} is not in Ada's email`);
  }

  const bosMail = await mailTo(bo);
  assert.deepEqual(
    bosMail.map((mail) => mail.subject),
    ['Your plan actions: 1 due this week'],
  );
  assert.match(bosMail[0]?.text ?? '', new RegExp(link(first.planId, bos)));
  assert.doesNotMatch(bosMail[0]?.text ?? '', /Overdue/, 'nothing said about overdue when none is');
});

test('the digest goes once a week: a second run that week sends nobody another, the next week’s does', async () => {
  const plan = await trustPlan({ title: 'Weekly plan' });
  const { person: cy } = await createPersonWithRole(db, 'executive', plan.trust);
  await createAction(db, { ...plan, owner: cy, title: 'Overdue for weeks', dueDate: '2026-04-01' });

  await runDigest('2026-04-13');
  assert.equal((await mailTo(cy)).length, 1);
  const again = await runDigest('2026-04-13');
  assert.equal(again.sent, 0, 'nobody is sent a second copy');
  assert.ok(again.alreadySent >= 1);
  await runDigest('2026-04-19'); // the Sunday of the same week
  assert.equal((await mailTo(cy)).length, 1);

  await runDigest('2026-04-20');
  const mail = await mailTo(cy);
  assert.equal(mail.length, 2, 'a new week, a new digest');
  assert.match(mail[1]?.text ?? '', /^Your plan actions for the week beginning 20 April 2026\n/);
});

test('nobody is emailed for nothing due, for closed plans, plans they left, or when deactivated', async () => {
  const open = await trustPlan({ title: 'Open plan' });
  const closed = await trustPlan({ title: 'Closed plan', status: 'closed' });
  const today = '2026-05-04';
  const overdue = '2026-04-20';

  const { person: later } = await createPersonWithRole(db, 'executive', open.trust);
  await createAction(db, { ...open, owner: later, title: 'Due in a fortnight', dueDate: '2026-05-18' });
  await createAction(db, { ...open, owner: later, title: 'Done already', dueDate: overdue, status: 'done' });

  const { person: closer } = await createPersonWithRole(db, 'executive', closed.trust);
  await createAction(db, { ...closed, owner: closer, title: 'Left in a closed plan', dueDate: overdue });

  const { person: leaver } = await createPersonWithRole(db, 'senior_leader', open.trust);
  await createAction(db, { ...open, owner: leaver, title: 'Owned by a leaver', dueDate: overdue });
  await db.delete(memberships).where(eq(memberships.personId, leaver.id));

  const { person: gone } = await createPersonWithRole(db, 'senior_leader', open.trust);
  await createAction(db, { ...open, owner: gone, title: 'Owned by a deactivated account', dueDate: overdue });
  await db.update(people).set({ deactivatedAt: new Date() }).where(eq(people.id, gone.id));

  await runDigest(today);
  for (const person of [later, closer, leaver, gone]) assert.deepEqual(await mailTo(person), [], person.displayName);
});

test('actions in a person’s own plan count too', async () => {
  const { person: owner } = await createPersonWithRole(db, 'senior_leader');
  const planId = await createPlan(db, { owner, title: 'My own plan' });
  const priorityId = await createPriority(db, planId);
  await createAction(db, { planId, priorityId, owner, title: 'Read the handbook', dueDate: '2026-06-02' });

  await runDigest('2026-06-01');
  const mail = await mailTo(owner);
  assert.deepEqual(
    mail.map((each) => each.subject),
    ['Your plan actions: 1 due this week'],
  );
  assert.match(mail[0]?.text ?? '', /Plan: My own plan/);
});

test('the email is composed from a public URL with or without a trailing slash', () => {
  const message = composeDigest({
    to: 'ada@example.test',
    name: 'Ada',
    weekStart: '2026-03-02',
    actions: [{ id: 'a1', planId: 'p1', planTitle: 'Plan', title: 'Act', dueDate: '2026-03-01', overdue: true }],
    publicUrl: 'https://tandem.example.org',
  });
  assert.match(message.text, /\n {2}https:\/\/tandem\.example\.org\/plans\/p1\/actions\/a1\n/);
  assert.equal(message.subject, 'Your plan actions: 1 overdue');
});

test('the app runs the digest every Monday at 7am, London time, through its job queue', async () => {
  await app.jobs.runDueJobs(); // the queue writes its schedules when first used
  const rows = await queryRows<{ cron: string; timezone: string }>(
    db,
    sql`select cron, timezone from pgboss.schedule where name = ${WEEKLY_DIGEST_JOB}`,
  );
  assert.deepEqual(rows, [{ cron: WEEKLY_DIGEST_CRON, timezone: 'Europe/London' }]);

  const plan = await trustPlan({ title: 'Plan run by the job' });
  const { person } = await createPersonWithRole(db, 'executive', plan.trust);
  await createAction(db, { ...plan, owner: person, title: 'Due today', dueDate: londonToday() });
  await app.jobs.send(WEEKLY_DIGEST_JOB, {});
  assert.ok((await app.jobs.runDueJobs()) >= 1);
  const mail = await mailTo(person);
  assert.deepEqual(
    mail.map((each) => each.subject),
    ['Your plan actions: 1 due this week'],
  );
  assert.match(mail[0]?.text ?? '', /http:\/\/[^/\s]+\/plans\/[0-9a-f-]+\/actions\/[0-9a-f-]+\n/);
});
