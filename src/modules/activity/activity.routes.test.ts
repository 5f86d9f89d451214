import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildTestApp } from '../../../test/support/app.ts';
import { createOrganisation } from '../../../test/support/factories.ts';
import { signIn } from '../../../test/support/sign-in.ts';
import { viewerResolver } from '../people/index.ts';
import { recordAuditEvent, type AuditEventInput } from '../../platform/audit/audit.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { searchAuditLog } from './activity.service.ts';

const { app, db } = await buildTestApp();

async function record(event: AuditEventInput, ip = '198.51.100.1'): Promise<void> {
  await recordAuditEvent(db, event, { ip, userAgent: 'Test browser', requestId: 'test' });
}

function get(url: string, cookies: Record<string, string> = {}) {
  return app.inject({ method: 'GET', url, cookies });
}

/** Body rows of the page's table (its head row left out). */
function tableRows(body: string): number {
  return Math.max(0, (body.match(/<tr class="govuk-table__row">/g)?.length ?? 0) - 1);
}

const admin = await signIn(db, 'platform_administrator');

test('signed out, both pages send people to sign in and back', async () => {
  const activity = await get('/account/activity');
  assert.equal(activity.statusCode, 303);
  assert.equal(activity.headers.location, '/sign-in?returnTo=%2Faccount%2Factivity');
  const audit = await get('/admin/audit?action=sign_out');
  assert.equal(audit.statusCode, 303);
  assert.equal(audit.headers.location, '/sign-in?returnTo=%2Fadmin%2Faudit%3Faction%3Dsign_out');
});

test('only platform administrators may read the audit log, and only they see its link', async () => {
  for (const role of ['ceo', 'programme_manager', 'mentor', 'trustee'] as const) {
    const someone = await signIn(db, role);
    const response = await get('/admin/audit', someone.cookies);
    assert.equal(response.statusCode, 403, role);
    assert.doesNotMatch((await get('/', someone.cookies)).body, /href="\/admin\/audit"/, `${role} sees no link`);
  }
  const response = await get('/admin/audit', admin.cookies);
  assert.equal(response.statusCode, 200);
  assert.match(response.body, /<h1 class="govuk-heading-l">Audit log<\/h1>/);
  assert.match((await get('/', admin.cookies)).body, /href="\/admin\/audit"[^>]*>\s*Audit log/);
});

test('the service itself refuses the audit log to anyone but an administrator', async () => {
  const ceo = await signIn(db, 'ceo');
  const token = Object.values(ceo.cookies)[0] ?? '';
  const ceoViewer = await viewerResolver(db)(token);
  assert.ok(ceoViewer, 'the session resolves to a viewer');
  const filters = { action: null, person: null, from: null, to: null };
  for (const actor of [null, ceoViewer]) {
    await assert.rejects(
      searchAuditLog({ db, actor, filters, page: 1 }),
      (error: unknown) => error instanceof AppError && error.code === 'Forbidden',
    );
  }
});

test("account activity shows the viewer's own events in words, newest first, and nothing of anyone else's", async () => {
  const trust = await createOrganisation(db, { name: 'Meridian Trust' });
  const me = await signIn(db, 'ceo', trust);
  const other = await signIn(db, 'ceo', trust);
  const myId = me.person.id;
  await record(
    {
      action: 'sign_in.succeeded',
      actorPersonId: myId,
      subjectPersonId: myId,
      occurredAt: new Date('2026-11-24T15:05:00Z'),
    },
    '198.51.100.7',
  );
  await record(
    {
      action: 'sign_in.failed',
      subjectPersonId: myId,
      details: { reason: 'wrong_password' },
      occurredAt: new Date('2026-11-25T09:00:00Z'),
    },
    '203.0.113.66',
  );
  await record(
    {
      action: 'role.changed',
      actorPersonId: admin.person.id,
      subjectPersonId: myId,
      organisationId: trust.id,
      details: { role: 'mentor', previousRole: 'ceo' },
      occurredAt: new Date('2026-06-24T23:05:00Z'),
    },
    '192.0.2.99',
  );
  // About someone else, and something the viewer did to someone else: neither is theirs to see.
  await record(
    { action: 'sign_in.succeeded', actorPersonId: other.person.id, subjectPersonId: other.person.id },
    '192.0.2.200',
  );
  await record({ action: 'role.changed', actorPersonId: myId, subjectPersonId: other.person.id }, '192.0.2.201');

  const response = await get('/account/activity', me.cookies);
  assert.equal(response.statusCode, 200);
  const body = response.body;
  assert.equal(tableRows(body), 3);
  assert.match(body, /Showing <strong>1<\/strong> to <strong>3<\/strong> of <strong>3<\/strong> events/);
  const failed = body.indexOf('Someone tried to sign in with your email address and a wrong password');
  const signedIn = body.indexOf('You signed in');
  const roleChanged = body.indexOf(`${admin.person.displayName} changed your role in Meridian Trust to Mentor`);
  assert.ok(failed > 0 && signedIn > failed && roleChanged > signedIn, 'all three, newest first');
  assert.match(body, /24 November 2026, 3:05pm/, 'GMT in winter');
  assert.match(body, /25 June 2026, 12:05am/, 'BST in summer: past midnight in London');
  assert.match(body, /198\.51\.100\.7/, 'where the viewer signed in from');
  assert.match(body, /203\.0\.113\.66/, 'where the attempt on their account came from');
  for (const hidden of ['192.0.2.99', '192.0.2.200', '192.0.2.201', other.person.displayName]) {
    assert.ok(!body.includes(hidden), `${hidden} is not shown`);
  }
});

test('a person with no events is told so', async () => {
  const newcomer = await signIn(db, 'trustee');
  const response = await get('/account/activity', newcomer.cookies);
  assert.equal(response.statusCode, 200);
  assert.match(response.body, /There is no activity on your account yet/);
  assert.equal(tableRows(response.body), 0);
});

test('account activity is paginated, 25 to a page', async () => {
  const busy = await signIn(db, 'mentor');
  for (let index = 0; index < 30; index += 1) {
    await record({
      action: 'sign_in.succeeded',
      actorPersonId: busy.person.id,
      subjectPersonId: busy.person.id,
      occurredAt: new Date(Date.UTC(2026, 0, 1, 9, index)),
    });
  }
  const first = await get('/account/activity', busy.cookies);
  assert.equal(tableRows(first.body), 25);
  assert.match(first.body, /<title>Account activity \(page 1 of 2\) – Tandem<\/title>/);
  assert.match(first.body, /Showing <strong>1<\/strong> to <strong>25<\/strong> of <strong>30<\/strong>/);
  assert.match(first.body, /1 January 2026, 9:29am/, 'the newest is first');
  assert.match(first.body, /href="\/account\/activity\?page=2" rel="next"/);

  const second = await get('/account/activity?page=2', busy.cookies);
  assert.equal(tableRows(second.body), 5);
  assert.match(second.body, /Showing <strong>26<\/strong> to <strong>30<\/strong> of <strong>30<\/strong>/);
  assert.match(second.body, /1 January 2026, 9am/, 'the oldest is last');
  assert.match(second.body, /aria-current="page"[^>]*>\s*2|>2<\/a>/);

  const pastTheEnd = await get('/account/activity?page=99', busy.cookies);
  assert.equal(tableRows(pastTheEnd.body), 5, 'a page past the end shows the last one');
  for (const page of ['abc', '0', '-1', '1.5']) {
    const response = await get(`/account/activity?page=${page}`, busy.cookies);
    assert.equal(response.statusCode, 200, page);
    assert.equal(tableRows(response.body), 25, `?page=${page} is the first page`);
  }
});
