import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { parse } from 'csv-parse/sync';
import { buildTestApp } from '../../../../test/support/app.ts';
import { pdfText, withPoppler } from '../../../../test/support/pdf.ts';
import { createAction, createMilestone, createPlan, createPriority } from '../../../../test/support/plan-factories.ts';
import { signIn } from '../../../../test/support/sign-in.ts';
import { auditEvents } from '../../../platform/audit/audit.tables.ts';
import { planPaths } from '../plans.paths.ts';
import { planProgressUpdates } from '../plans.tables.ts';

const { app, db } = await buildTestApp();
const get = (url: string, cookies: Record<string, string> = {}) => app.inject({ method: 'GET', url, cookies });

const ceo = await signIn(db, 'ceo');
const trust = ceo.organisation;
const reader = await signIn(db, 'senior_leader', trust);
const outsider = await signIn(db, 'ceo');

const planId = await createPlan(db, { organisation: trust });
const governance = await createPriority(db, planId, { title: 'Strengthen governance' });
const attendance = await createPriority(db, planId, { title: 'Improve attendance', position: 1 });
const first = await createAction(db, {
  planId,
  priorityId: governance,
  owner: reader.person,
  title: 'Review the scheme of delegation',
  dueDate: '2020-01-31',
  status: 'in_progress',
  rag: 'amber',
});
await createAction(db, {
  planId,
  priorityId: attendance,
  owner: ceo.person,
  title: '=SUM(1)',
  dependsOnActionId: first,
});
await createMilestone(db, planId, { title: 'Board approves the plan' });
for (const [updatedOn, note] of [
  ['2026-10-01', 'Started with two schools'],
  ['2026-11-20', 'Half the schools done'],
]) {
  await db.insert(planProgressUpdates).values({
    planId,
    actionId: first,
    updatedOn: updatedOn ?? '',
    note: note ?? '',
    creationKey: randomUUID(),
  });
}

const exportReads = () =>
  db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, 'confidential.read'), eq(auditEvents.organisationId, trust.id)));

test('a reader of the plan downloads it as a PDF named after it, holding its priorities and actions', async (t) => {
  const response = await get(planPaths.exportPdf(planId), reader.cookies);
  assert.equal(response.statusCode, 200);
  assert.equal(response.headers['content-type'], 'application/pdf');
  assert.match(
    String(response.headers['content-disposition']),
    /^attachment; filename="trust-development-plan-2026-to-2027\.pdf"/,
  );
  assert.equal(response.headers['cache-control'], 'private, no-store');
  assert.equal(response.rawPayload.subarray(0, 5).toString('latin1'), '%PDF-');
  await withPoppler(t, response.rawPayload, async (file) => {
    const text = await pdfText(file);
    for (const words of [
      'Trust development plan 2026 to 2027',
      '1. Strengthen governance',
      '2. Improve attendance',
      'Review the scheme of delegation',
      '=SUM(1)',
      'Overdue',
      'Board approves the plan',
    ]) {
      assert.ok(text.includes(words), `expected "${words}" in:\n${text}`);
    }
  });
});

test('a reader downloads the actions as a CSV, the newest update beside each, formulas neutralised', async () => {
  const response = await get(planPaths.actionsCsv(planId), reader.cookies);
  assert.equal(response.statusCode, 200);
  assert.equal(response.headers['content-type'], 'text/csv; charset=utf-8');
  assert.match(
    String(response.headers['content-disposition']),
    /^attachment; filename="trust-development-plan-2026-to-2027\.csv"/,
  );
  assert.ok(response.body.startsWith('\uFEFF'));
  const [header, ...rows] = parse(response.body.slice(1)) as string[][];
  assert.equal(header?.length, 10);
  assert.deepEqual(rows, [
    [
      'Strengthen governance',
      'Review the scheme of delegation',
      reader.person.displayName,
      '2020-01-31',
      'In progress',
      'Amber',
      'Yes',
      '',
      '2026-11-20',
      'Half the schools done',
    ],
    [
      'Improve attendance',
      "'=SUM(1)",
      ceo.person.displayName,
      '2027-01-31',
      'Not started',
      'Green',
      'No',
      'Review the scheme of delegation',
      '',
      '',
    ],
  ]);
  assert.doesNotMatch(response.body, /(^|[,\n])"?=SUM/);
});

test('each download is recorded as a read of the plan, in its format', async () => {
  const before = new Set((await exportReads()).map((event) => event.id));
  assert.equal((await get(planPaths.exportPdf(planId), reader.cookies)).statusCode, 200);
  assert.equal((await get(planPaths.actionsCsv(planId), reader.cookies)).statusCode, 200);
  const added = (await exportReads()).filter((event) => !before.has(event.id));
  assert.deepEqual(
    added.map((event) => [event.actorPersonId, event.details]),
    [
      [reader.person.id, { format: 'pdf', kind: 'plan.export', id: planId }],
      [reader.person.id, { format: 'csv', kind: 'plan.export', id: planId }],
    ],
  );
});

test('anyone who may not read the plan is told it does not exist, and nothing is recorded', async () => {
  const before = (await exportReads()).length;
  for (const url of [planPaths.exportPdf(planId), planPaths.actionsCsv(planId)]) {
    const refused = await get(url, outsider.cookies);
    assert.equal(refused.statusCode, 404, url);
    assert.doesNotMatch(refused.body, /Strengthen governance/);
    assert.equal((await get(url)).statusCode, 303, `${url} signed out goes to sign in`);
    assert.equal((await get(url.replace(planId, 'not-a-plan'), reader.cookies)).statusCode, 404);
    assert.equal((await get(url.replace(planId, randomUUID()), reader.cookies)).statusCode, 404);
  }
  assert.equal((await exportReads()).length, before);
});

test('the plan’s page offers both downloads to every reader', async () => {
  const page = await get(planPaths.plan(planId), reader.cookies);
  assert.equal(page.statusCode, 200);
  assert.ok(page.body.includes(`href="${planPaths.exportPdf(planId)}"`));
  assert.match(page.body, /Download as PDF \(for a board pack\)/);
  assert.ok(page.body.includes(`href="${planPaths.actionsCsv(planId)}"`));
  assert.match(page.body, /Download actions as CSV/);
});
