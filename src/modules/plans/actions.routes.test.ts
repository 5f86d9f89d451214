import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eq } from 'drizzle-orm';
import { buildTestApp } from '../../../test/support/app.ts';
import { postMultipart } from '../../../test/support/multipart.ts';
import { createAction, createPlan, createPriority } from '../../../test/support/plan-factories.ts';
import { formSession, postForm, signIn } from '../../../test/support/sign-in.ts';
import { planActions, planMilestones, planProgressUpdates } from './plans.tables.ts';

const { app, db } = await buildTestApp();
const get = (url: string, cookies: Record<string, string>) => app.inject({ method: 'GET', url, cookies });

const ceo = await signIn(db, 'ceo');
const trust = ceo.organisation;
const executive = await signIn(db, 'executive', trust);
const seniorLeader = await signIn(db, 'senior_leader', trust);
const outsider = await signIn(db, 'ceo');

const planId = await createPlan(db, { organisation: trust });
const priorityId = await createPriority(db, planId, { title: 'Governance' });
const newActionUrl = `/plans/${planId}/priorities/${priorityId}/actions/new`;

const actionFields = (overrides: Record<string, string> = {}) => ({
  title: 'Audit the scheme of delegation',
  owner: seniorLeader.person.id,
  'dueDate-day': '31',
  'dueDate-month': '1',
  'dueDate-year': '2027',
  status: 'not_started',
  rag: 'green',
  dependsOn: '',
  ...overrides,
});

test('a leader adds actions owned by the trust’s people, shown in the order they can be done', async () => {
  const page = await get(newActionUrl, ceo.cookies);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, new RegExp(seniorLeader.person.displayName), 'the trust’s people are offered as owners');
  assert.doesNotMatch(page.body, new RegExp(outsider.person.displayName));
  const add = (fields: Record<string, string>) =>
    postForm(app, { url: newActionUrl, from: newActionUrl, cookies: ceo.cookies, fields });
  assert.equal((await add(actionFields({ title: 'Survey the board', 'dueDate-month': '3' }))).statusCode, 303);
  const [survey] = await db.select().from(planActions).where(eq(planActions.title, 'Survey the board'));
  assert.ok(survey);
  const report = await add(
    actionFields({ title: 'Report to trustees', 'dueDate-day': '28', 'dueDate-month': '2', dependsOn: survey.id }),
  );
  assert.equal(report.statusCode, 303);
  const overview = (await get(`/plans/${planId}`, seniorLeader.cookies)).body;
  assert.ok(overview.indexOf('Survey the board') < overview.indexOf('Report to trustees'), 'after what it waits for');
  assert.match(overview, /After: Survey the board/);
});

test('an action form with problems says what to fix and keeps what was typed', async () => {
  const response = await postForm(app, {
    url: newActionUrl,
    from: newActionUrl,
    cookies: ceo.cookies,
    fields: actionFields({ title: '', 'dueDate-day': '30', 'dueDate-month': '2', rag: '', owner: outsider.person.id }),
  });
  assert.equal(response.statusCode, 400);
  assert.match(response.body, /Enter what the action is/);
  assert.match(response.body, /Due date must be a real date/);
  assert.match(response.body, /Select a RAG rating/);
  assert.match(response.body, /href="#dueDate-day"/);
  const wrongOwner = await postForm(app, {
    url: newActionUrl,
    from: newActionUrl,
    cookies: ceo.cookies,
    fields: actionFields({ title: 'Kept title', owner: outsider.person.id }),
  });
  assert.equal(wrongOwner.statusCode, 400);
  assert.match(wrongOwner.body, /Select who owns the action from the list/);
  assert.match(wrongOwner.body, /value="Kept title"/);
  assert.equal((await db.select().from(planActions).where(eq(planActions.title, 'Kept title'))).length, 0);
});

test('two people saving the same action: the second is told what changed and keeps what they typed', async () => {
  const actionId = await createAction(db, { planId, priorityId, owner: seniorLeader.person, title: 'Train governors' });
  const url = `/plans/${planId}/actions/${actionId}/edit`;
  // Both open the form on version 1.
  const [first, second] = [await formSession(app, url, ceo.cookies), await formSession(app, url, executive.cookies)];
  const send = (session: { csrfToken: string; cookies: Record<string, string> }, fields: Record<string, string>) =>
    app.inject({
      method: 'POST',
      url,
      cookies: session.cookies,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: session.csrfToken, version: '1', ...fields }).toString(),
    });
  const saved = await send(first, actionFields({ title: 'Train governors', status: 'in_progress', rag: 'amber' }));
  assert.equal(saved.statusCode, 303);
  const refused = await send(second, actionFields({ title: 'Train all governors', status: 'done', rag: 'green' }));
  assert.equal(refused.statusCode, 409);
  assert.match(refused.body, /Someone else saved this while you were editing it/);
  assert.match(refused.body, new RegExp(`${ceo.person.displayName} saved it`));
  assert.match(
    refused.body,
    /<th scope="row" class="govuk-table__header">Status<\/th>\s*<td[^>]*>In progress<\/td>\s*<td[^>]*>Done<\/td>/,
  );
  assert.match(refused.body, /value="Train all governors"/, 'the title typed is kept');
  assert.match(refused.body, /value="done" checked/, 'the status chosen is kept');
  assert.match(refused.body, /name="version" value="2"/, 'saving again replaces what is saved now, on purpose');
  const [row] = await db.select().from(planActions).where(eq(planActions.id, actionId));
  assert.equal(row?.status, 'in_progress', 'the second save wrote nothing');
  const again = await send({ ...second }, actionFields({ title: 'Train all governors', status: 'done', version: '2' }));
  assert.equal(again.statusCode, 303);
});

test('an action’s owner keeps it up to date and posts progress with a link or a checked file', async () => {
  const actionId = await createAction(db, {
    planId,
    priorityId,
    owner: seniorLeader.person,
    title: 'Write the policy',
  });
  const actionUrl = `/plans/${planId}/actions/${actionId}`;
  assert.match((await get(actionUrl, seniorLeader.cookies)).body, /Post a progress update/);
  const url = `${actionUrl}/updates/new`;
  const form = await get(url, seniorLeader.cookies);
  assert.equal(form.statusCode, 200);
  assert.match(form.body, /name="updatedOn-year" type="text" value="\d{4}"/, 'today, to start with');
  const post = (fields: Record<string, string>, files: Parameters<typeof postMultipart>[1]['files'] = []) =>
    postMultipart(app, { url, from: url, cookies: seniorLeader.cookies, fields, files });
  const day = { 'updatedOn-day': '2', 'updatedOn-month': '3', 'updatedOn-year': '2026' };
  const posted = await post({ ...day, note: 'Draft shared with the board', link: 'https://example.test/draft' }, [
    { field: 'file', name: 'draft.pdf', data: '%PDF-1.4 test', contentType: 'application/pdf' },
  ]);
  assert.equal(posted.statusCode, 303);
  const [update] = await db.select().from(planProgressUpdates).where(eq(planProgressUpdates.actionId, actionId));
  assert.ok(update?.storedName);
  const page = (await get(actionUrl, executive.cookies)).body;
  assert.match(page, /Draft shared with the board/);
  assert.match(page, /2 March 2026/);
  const fileUrl = `/plans/${planId}/evidence/${update.id}`;
  const download = await get(fileUrl, executive.cookies);
  assert.equal(download.statusCode, 200);
  assert.match(String(download.headers['content-disposition']), /attachment; filename="draft.pdf"/);
  assert.equal((await get(fileUrl, outsider.cookies)).statusCode, 404, 'not found outside the trust');

  const refused = await post({ ...day, note: 'Kept note', link: 'not a link' }, [
    { field: 'file', name: 'run.exe', data: 'MZ\u0090\u0000binary', contentType: 'application/pdf' },
  ]);
  assert.equal(refused.statusCode, 400);
  assert.match(refused.body, /Enter the link as a web address starting https:\/\//);
  assert.match(refused.body, /run\.exe: /);
  assert.match(refused.body, />Kept note</);
  const future = await post({ 'updatedOn-day': '1', 'updatedOn-month': '1', 'updatedOn-year': '2999', note: 'Soon' });
  assert.match(future.body, /The date of the update must be today or in the past/);
  assert.equal(
    (await db.select().from(planProgressUpdates).where(eq(planProgressUpdates.actionId, actionId))).length,
    1,
  );

  const othersAction = await createAction(db, { planId, priorityId, owner: executive.person });
  assert.equal(
    (await get(`/plans/${planId}/actions/${othersAction}/updates/new`, seniorLeader.cookies)).statusCode,
    404,
  );
  assert.doesNotMatch(
    (await get(`/plans/${planId}/actions/${othersAction}`, seniorLeader.cookies)).body,
    /Post a progress update/,
  );
});

test('my actions come from every plan I can read, overdue first', async () => {
  const own = await createPlan(db, { owner: seniorLeader.person, title: 'My own plan' });
  const ownPriority = await createPriority(db, own);
  await createAction(db, {
    planId: own,
    priorityId: ownPriority,
    owner: seniorLeader.person,
    title: 'Long overdue',
    dueDate: '2020-01-01',
  });
  await createAction(db, {
    planId,
    priorityId,
    owner: seniorLeader.person,
    title: 'Finished',
    dueDate: '2019-01-01',
    status: 'done',
  });
  const page = (await get('/plans/my-actions', seniorLeader.cookies)).body;
  assert.match(page, /Overdue/);
  assert.ok(page.indexOf('Long overdue') < page.indexOf('Survey the board'), 'overdue first');
  assert.ok(page.indexOf('Finished') > page.indexOf('Done or dropped'));
  assert.doesNotMatch((await get('/plans/my-actions', ceo.cookies)).body, /Long overdue/);
});

test('milestones are added once and changed', async () => {
  const url = `/plans/${planId}/milestones/new`;
  const fields = {
    title: 'Board approves',
    'dueOn-day': '15',
    'dueOn-month': '10',
    'dueOn-year': '2026',
    creationKey: 'milestone-key-1',
  };
  assert.equal((await postForm(app, { url, from: url, cookies: ceo.cookies, fields })).statusCode, 303);
  assert.equal((await postForm(app, { url, from: url, cookies: ceo.cookies, fields })).statusCode, 303);
  const rows = await db.select().from(planMilestones).where(eq(planMilestones.planId, planId));
  assert.equal(rows.length, 1, 'a double-pressed button adds one');
  const editUrl = `/plans/${planId}/milestones/${rows[0]?.id}`;
  const reached = await postForm(app, {
    url: editUrl,
    from: editUrl,
    cookies: ceo.cookies,
    fields: { ...fields, reached: 'yes', version: '1' },
  });
  assert.equal(reached.statusCode, 303);
  assert.match((await get(`/plans/${planId}`, seniorLeader.cookies)).body, /Board approves \(reached\)/);
  const missing = await postForm(app, {
    url,
    from: url,
    cookies: ceo.cookies,
    fields: { title: '', 'dueOn-day': '15' },
  });
  assert.equal(missing.statusCode, 400);
  assert.match(missing.body, /Enter the milestone/);
  assert.match(missing.body, /Date must include a month and year/);
});

test('a progress update sent twice is posted once', async () => {
  const actionId = await createAction(db, { planId, priorityId, owner: ceo.person, title: 'Sent twice' });
  const url = `/plans/${planId}/actions/${actionId}/updates/new`;
  const fields = {
    'updatedOn-day': '2',
    'updatedOn-month': '3',
    'updatedOn-year': '2026',
    note: 'Once only',
    creationKey: 'update-key-1',
  };
  const file = { field: 'file', name: 'note.txt', data: 'plain text evidence', contentType: 'text/plain' };
  for (let sent = 0; sent < 2; sent += 1) {
    const response = await postMultipart(app, { url, from: url, cookies: ceo.cookies, fields, files: [file] });
    assert.equal(response.statusCode, 303);
  }
  const rows = await db.select().from(planProgressUpdates).where(eq(planProgressUpdates.actionId, actionId));
  assert.equal(rows.length, 1);
});
