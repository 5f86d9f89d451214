import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildTestApp } from '../../../test/support/app.ts';
import { createOrganisation, createPerson } from '../../../test/support/factories.ts';
import { signIn } from '../../../test/support/sign-in.ts';
import { recordAuditEvent, type AuditEventInput } from '../../platform/audit/audit.ts';

const { app, db } = await buildTestApp();
const admin = await signIn(db, 'platform_administrator');

async function record(event: AuditEventInput): Promise<void> {
  await recordAuditEvent(db, event, { ip: '198.51.100.1', userAgent: 'Test browser', requestId: 'test' });
}

async function auditLog(query: Record<string, string>) {
  const search = new URLSearchParams(query).toString();
  return app.inject({ method: 'GET', url: `/admin/audit${search ? `?${search}` : ''}`, cookies: admin.cookies });
}

/** How many events the page says match, from "Showing 1 to N of TOTAL events" or "No events.". */
function matching(body: string): number {
  if (body.includes('No events.')) return 0;
  const total = /of <strong>(\d+)<\/strong> events?/.exec(body)?.[1];
  assert.ok(total, 'the page says how many events match');
  return Number(total);
}

function tableRows(body: string): number {
  return Math.max(0, (body.match(/<tr class="govuk-table__row">/g)?.length ?? 0) - 1);
}

// One person's history across the change to British Summer Time (29 March 2026) and back.
const trust = await createOrganisation(db, { name: 'Harbour Academies' });
const subject = await createPerson(db, { email: `Filter.Subject.${Date.now()}@Example.test` });
const actor = await createPerson(db);
const email = subject.email.toLowerCase();
const at = (iso: string) => new Date(iso);
await record({
  action: 'sign_in.succeeded',
  actorPersonId: subject.id,
  subjectPersonId: subject.id,
  occurredAt: at('2026-03-01T10:00:00Z'),
});
await record({
  action: 'sign_in.failed',
  subjectPersonId: subject.id,
  details: { reason: 'wrong_password' },
  occurredAt: at('2026-03-15T23:30:00Z'),
});
await record({
  action: 'sign_in.failed',
  subjectPersonId: subject.id,
  details: { reason: 'wrong_password' },
  occurredAt: at('2026-06-30T22:59:00Z'),
});
// 23:30 UTC on 30 June is 00:30 on 1 July in London.
await record({
  action: 'password.changed',
  actorPersonId: subject.id,
  subjectPersonId: subject.id,
  occurredAt: at('2026-06-30T23:30:00Z'),
});
await record({
  action: 'role.changed',
  actorPersonId: actor.id,
  subjectPersonId: subject.id,
  organisationId: trust.id,
  details: { role: 'mentor' },
  occurredAt: at('2026-10-25T12:00:00Z'),
});
// Someone typed an address with no account.
const strayEmail = `nobody.${Date.now()}@stray.test`;
await record({
  action: 'sign_in.failed',
  details: { reason: 'unknown_email', email: strayEmail },
  occurredAt: at('2026-04-01T08:00:00Z'),
});

test('with no filters, every event is listed, newest first', async () => {
  const response = await auditLog({});
  assert.equal(response.statusCode, 200);
  assert.ok(matching(response.body) >= 6);
  assert.match(response.body, /Role changed \(Harbour Academies\) – role: mentor/);
});

test('the person filter matches who acted, whose account, and an address typed, ignoring case', async () => {
  assert.equal(matching((await auditLog({ person: email.toUpperCase() })).body), 5);
  const byActor = await auditLog({ person: actor.email });
  assert.equal(matching(byActor.body), 1);
  assert.match(byActor.body, new RegExp(`${subject.email.replace(/[.]/g, '\\.')}`), 'the account it was about');
  const stray = await auditLog({ person: strayEmail.slice(0, 12) });
  assert.equal(matching(stray.body), 1);
  assert.match(stray.body, /\(no account\)/);
  assert.match(stray.body, /Not signed in/);
});

test('LIKE wildcards typed in the person filter are plain characters', async () => {
  assert.equal(matching((await auditLog({ person: '%' })).body), 0);
  assert.equal(matching((await auditLog({ person: '_' })).body), 0);
});

test('the action filter narrows in SQL, alone and with the person', async () => {
  assert.equal(matching((await auditLog({ person: email, action: 'sign_in.failed' })).body), 2);
  assert.equal(matching((await auditLog({ person: email, action: 'mfa.enabled' })).body), 0);
  const all = matching((await auditLog({ action: 'sign_in.failed' })).body);
  assert.ok(all >= 3, 'every failed sign-in, whoever it was about');
  const selected = await auditLog({ action: 'role.changed' });
  assert.match(selected.body, /<option value="role.changed" selected>Role changed<\/option>/);
});

test('dates are London days, both ends included, across the clock changes', async () => {
  const range = (from: string, to: string) => {
    const [fromDay = '', fromMonth = '', fromYear = ''] = from.split(' ');
    const [toDay = '', toMonth = '', toYear = ''] = to.split(' ');
    return auditLog({
      person: email,
      'from-day': fromDay,
      'from-month': fromMonth,
      'from-year': fromYear,
      'to-day': toDay,
      'to-month': toMonth,
      'to-year': toYear,
    });
  };
  assert.equal(matching((await range('1 3 2026', '1 3 2026')).body), 1, 'a single day');
  assert.equal(matching((await range('15 3 2026', '15 3 2026')).body), 1, '23:30 GMT is still that day');
  assert.equal(matching((await range('1 6 2026', '30 6 2026')).body), 1, '00:30 BST on 1 July is not June');
  assert.equal(matching((await range('1 7 2026', '')).body), 2, 'from 1 July: the late password change and the role');
  assert.equal(matching((await range('', '30 6 2026')).body), 3, 'up to 30 June');
  assert.equal(matching((await range('02 03 2026', '14 3 2026')).body), 0, 'leading zeros are fine');
});

test('a filter that cannot be read comes back with 400, a linked summary and what was typed', async () => {
  const cases: Array<{ query: Record<string, string>; link: string; message: string }> = [
    {
      query: { 'from-day': '31', 'from-month': '2', 'from-year': '2026' },
      link: '#from-day',
      message: 'Date from must be a real date',
    },
    {
      query: { 'to-day': '3', 'to-month': '', 'to-year': '2026' },
      link: '#to-month',
      message: 'Date to must include a month',
    },
    {
      query: { 'from-day': '1', 'from-month': 'June', 'from-year': '26' },
      link: '#from-day',
      message: 'Date from must be a real date',
    },
    {
      query: {
        'from-day': '2',
        'from-month': '3',
        'from-year': '2026',
        'to-day': '1',
        'to-month': '3',
        'to-year': '2026',
      },
      link: '#to-day',
      message: 'Date to must be the same as or after date from',
    },
    { query: { action: 'everything' }, link: '#action', message: 'Select an action from the list' },
  ];
  for (const { query, link, message } of cases) {
    const response = await auditLog({ person: '<b>typed</b>', ...query });
    assert.equal(response.statusCode, 400, message);
    assert.match(response.body, /<title>Error: Audit log – Tandem<\/title>/);
    assert.match(response.body, new RegExp(`<a href="${link}">${message}</a>`));
    assert.match(
      response.body,
      new RegExp(`<p id="${link.slice(1).replace(/-.*/, '')}-error" class="govuk-error-message">`),
    );
    assert.match(response.body, /value="&lt;b>typed&lt;\/b>"/, 'what was typed is kept, escaped');
    for (const [name, value] of Object.entries(query)) {
      if (value && name !== 'action')
        assert.match(
          response.body,
          new RegExp(`name="${name}"[^>]*value="${value}"|value="${value}"[^>]*name="${name}"`),
        );
    }
    assert.equal(tableRows(response.body), 0, 'no events until the filters are put right');
  }
  const missing = await auditLog({ 'to-day': '3', 'to-year': '2026' });
  assert.match(
    missing.body,
    /class="govuk-input govuk-date-input__input govuk-input--width-2 govuk-input--error" id="to-month"/,
  );
  assert.doesNotMatch(missing.body, /govuk-input--error" id="to-day"/, 'only the empty box is marked');
});

test('no query string, however odd, makes a server error', async () => {
  for (const url of [
    '/admin/audit?from-day=1&from-day=2&from-month=3&from-year=2026',
    '/admin/audit?person=%00%ff',
    `/admin/audit?person=${'x'.repeat(400)}`,
    '/admin/audit?from-day=1e3&from-month=0x3&from-year=2026',
    "/admin/audit?action=sign_out'--",
  ]) {
    const response = await app.inject({ method: 'GET', url, cookies: admin.cookies });
    assert.ok(response.statusCode === 200 || response.statusCode === 400, `${url}: ${response.statusCode}`);
  }
});

test('the audit log is paginated and its page links keep the filters', async () => {
  const busy = await createPerson(db);
  for (let index = 0; index < 27; index += 1) {
    await record({
      action: 'sign_out',
      actorPersonId: busy.id,
      subjectPersonId: busy.id,
      occurredAt: new Date(Date.UTC(2026, 1, 1, 12, index)),
    });
  }
  const first = await auditLog({ person: busy.email, action: 'sign_out' });
  assert.equal(tableRows(first.body), 25);
  assert.equal(matching(first.body), 27);
  const next = `/admin/audit?action=sign_out&amp;person=${encodeURIComponent(busy.email)}&amp;page=2`;
  assert.ok(first.body.includes(`href="${next}" rel="next"`), 'the next link carries the filters');
  const second = await auditLog({ person: busy.email, action: 'sign_out', page: '2' });
  assert.equal(tableRows(second.body), 2);
  assert.match(second.body, /<title>Audit log \(page 2 of 2\) – Tandem<\/title>/);
});
