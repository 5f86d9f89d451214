import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { buildTestApp } from '../../../test/support/app.ts';
import { createOrganisation } from '../../../test/support/factories.ts';
import { formSession, signIn } from '../../../test/support/sign-in.ts';
import { auditEvents } from '../../platform/audit/audit.tables.ts';
import { organisations } from './organisations.tables.ts';

const { app, db } = await buildTestApp();
const admin = await signIn(db, 'platform_administrator');
const programmeManager = await signIn(db, 'programme_manager');

const get = (url: string, cookies: Record<string, string> = admin.cookies) =>
  app.inject({ method: 'GET', url, cookies });

/** Posts a form as a browser would: with the token from the form's own page. */
async function post(url: string, fields: Record<string, string>, cookies = admin.cookies) {
  const session = await formSession(app, url, cookies);
  return app.inject({
    method: 'POST',
    url,
    cookies: session.cookies,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ _csrf: session.csrfToken, ...fields }).toString(),
  });
}

/** A number no other test in this file uses, within the range the form accepts. */
let nextNumber = 700_000 + Math.floor(Math.random() * 1000) * 100;
const freshUrn = () => String((nextNumber += 1));

describe('who may use the organisation pages', () => {
  test('signed out, the list sends the visitor to sign in and back', async () => {
    const response = await get('/admin/organisations', {});
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, '/sign-in?returnTo=%2Fadmin%2Forganisations');
  });

  test('anyone but a platform administrator is refused', async () => {
    const school = await createOrganisation(db, { kind: 'school', urn: Number(freshUrn()) });
    for (const url of ['/admin/organisations', '/admin/organisations/new', `/admin/organisations/${school.id}`]) {
      assert.equal((await get(url, programmeManager.cookies)).statusCode, 403, url);
    }
  });

  test('a malformed or unknown id is not found', async () => {
    for (const id of ['not-an-id', '1', '00000000-0000-4000-8000-000000000000']) {
      assert.equal((await get(`/admin/organisations/${id}`)).statusCode, 404, id);
      assert.equal((await get(`/admin/organisations/${id}/edit`)).statusCode, 404, id);
    }
    assert.equal((await get('/admin/organisations?trust=nonsense')).statusCode, 404);
  });

  test('only platform administrators see the Organisations link', async () => {
    assert.match((await get('/')).body, /href="\/admin\/organisations"[^>]*>\s*Organisations/);
    assert.doesNotMatch((await get('/', programmeManager.cookies)).body, /\/admin\/organisations/);
  });
});

describe('adding an organisation', () => {
  test('a school with its URN: added, then its page', async () => {
    const urn = freshUrn();
    const response = await post('/admin/organisations/new', { name: 'Riverside Primary', kind: 'school', urn });
    assert.equal(response.statusCode, 303);
    const [saved] = await db
      .select()
      .from(organisations)
      .where(eq(organisations.urn, Number(urn)));
    assert.ok(saved);
    assert.equal(saved.kind, 'school');
    assert.equal(response.headers.location, `/admin/organisations/${saved.id}?done=created`);
    const page = await get(String(response.headers.location));
    assert.match(page.body, /<h1 class="govuk-heading-l">Riverside Primary<\/h1>/);
    assert.match(page.body, /Organisation added/);
    const [event] = await db.select().from(auditEvents).where(eq(auditEvents.organisationId, saved.id));
    assert.equal(event?.action, 'organisation.created');
    assert.deepEqual(event?.details, { kind: 'school' });
    assert.ok(event?.actorPersonId);
  });

  test('a trust keeps its group UID and Companies House number, written the usual way', async () => {
    const groupUid = freshUrn();
    const response = await post('/admin/organisations/new', {
      name: 'Northern Lights Trust',
      kind: 'trust',
      groupUid,
      companiesHouseNumber: 'sc 123456',
      urn: '999999', // typed under another kind's radio: not a trust's
    });
    assert.equal(response.statusCode, 303);
    const [saved] = await db
      .select()
      .from(organisations)
      .where(eq(organisations.groupUid, Number(groupUid)));
    assert.equal(saved?.companiesHouseNumber, 'SC123456');
    assert.equal(saved?.urn, null);
  });

  test('the kind is asked first, then only the details that kind has', async () => {
    const question = await get('/admin/organisations/new');
    assert.equal(question.statusCode, 200);
    assert.match(question.body, /<h1 class="govuk-fieldset__heading">\s*What kind of organisation is it\?/);
    const none = await get('/admin/organisations/new?step=kind');
    assert.equal(none.statusCode, 400);
    assert.match(none.body, /<a href="#kind">Select what kind of organisation it is<\/a>/);
    assert.equal((await get('/admin/organisations/new?kind=castle')).statusCode, 400);
    const school = await get('/admin/organisations/new?kind=school');
    assert.match(school.body, /<h1 class="govuk-heading-l">Add a school<\/h1>/);
    assert.match(school.body, /name="urn"/);
    assert.doesNotMatch(school.body, /name="groupUid"/);
    assert.match((await get('/admin/organisations/new?kind=trust')).body, /name="groupUid"/);
  });

  test('nothing filled in: 400, each problem in people’s words, linked to its field', async () => {
    const noKind = await post('/admin/organisations/new', {});
    assert.equal(noKind.statusCode, 400);
    assert.match(noKind.body, /<title>Error: What kind of organisation is it\? – Tandem<\/title>/);
    assert.match(noKind.body, /<a href="#kind">Select what kind of organisation it is<\/a>/);
    const empty = await post('/admin/organisations/new', { kind: 'school' });
    assert.equal(empty.statusCode, 400);
    assert.match(empty.body, /<title>Error: Add a school – Tandem<\/title>/);
    assert.match(empty.body, /<a href="#name">Enter the organisation's name<\/a>/);
    assert.match(empty.body, /<a href="#urn">Enter the school's URN<\/a>/);
  });

  test('a wrong URN is explained and what was typed is kept', async () => {
    const response = await post('/admin/organisations/new', {
      name: 'Hillside <School>',
      kind: 'school',
      urn: '12345',
    });
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /<a href="#urn">URN must be a 6-digit number<\/a>/);
    assert.match(response.body, /value="Hillside &lt;School>"/);
    assert.match(response.body, /value="12345"/);
    assert.match(response.body, /name="kind" value="school"/);
  });

  test('a wrong group UID or Companies House number is explained', async () => {
    const response = await post('/admin/organisations/new', {
      name: 'A Trust',
      kind: 'trust',
      groupUid: 'twelve',
      companiesHouseNumber: '1234',
    });
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /Group UID must be a number, like 2044/);
    assert.match(response.body, /Companies House number must be 8 characters, like 07318714 or SC123456/);
  });

  test('a URN another school has: a clear message, not a second school', async () => {
    const urn = freshUrn();
    await createOrganisation(db, { kind: 'school', name: 'The First School', urn: Number(urn) });
    const response = await post('/admin/organisations/new', { name: 'Copy', kind: 'school', urn });
    assert.equal(response.statusCode, 400);
    assert.match(response.body, new RegExp(`There is already a school with URN ${urn}: The First School`));
    const rows = await db
      .select()
      .from(organisations)
      .where(eq(organisations.urn, Number(urn)));
    assert.equal(rows.length, 1);
  });

  test('a group UID another trust has: a clear message', async () => {
    const groupUid = freshUrn();
    await createOrganisation(db, { kind: 'trust', name: 'Old Trust', groupUid: Number(groupUid) });
    const response = await post('/admin/organisations/new', { name: 'New Trust', kind: 'trust', groupUid });
    assert.equal(response.statusCode, 400);
    assert.match(response.body, new RegExp(`There is already a trust with group UID ${groupUid}: Old Trust`));
  });

  test('the form sent twice at once makes one organisation, and says so the second time', async () => {
    const forms: Array<{ name: string; kind: string; urn?: string }> = [
      { name: 'Twice Academy', kind: 'school', urn: freshUrn() },
      { name: `Twice Provider ${freshUrn()}`, kind: 'provider' },
    ];
    for (const fields of forms) {
      const send = () => post('/admin/organisations/new', { ...fields, urn: fields.urn ?? '' });
      const sent = await Promise.all([send(), send()]);
      assert.deepEqual(sent.map((response) => response.statusCode).sort(), [303, 400], fields.kind);
      const rows = await db.select().from(organisations).where(eq(organisations.name, fields.name));
      assert.equal(rows.length, 1, fields.kind);
    }
  });
});

describe('finding organisations', () => {
  const prefix = `Zed${freshUrn()}`;
  const urn = freshUrn();
  const groupUid = freshUrn();

  test('search by part of a name, a URN or a group UID, and filter by kind, in pages of 25', async () => {
    const trust = await createOrganisation(db, { kind: 'trust', name: `${prefix} Trust`, groupUid: Number(groupUid) });
    await createOrganisation(db, { kind: 'school', name: `${prefix} School 0`, urn: Number(urn), trustId: trust.id });
    for (let index = 1; index <= 29; index += 1) {
      await createOrganisation(db, { kind: 'school', name: `${prefix} School ${index}`, trustId: trust.id });
    }
    const count = async (query: string) => /of <strong>(\d+)<\/strong>/.exec((await get(query)).body)?.[1];
    assert.equal(await count(`/admin/organisations?q=${prefix.toLowerCase()}`), '31');
    assert.equal(await count(`/admin/organisations?q=${prefix}&kind=trust`), '1');
    assert.equal(await count(`/admin/organisations?q=${prefix}&kind=school`), '30');
    assert.equal(await count(`/admin/organisations?q=${urn}`), '1');
    assert.equal(await count(`/admin/organisations?q=${groupUid}`), '1');
    assert.equal(await count(`/admin/organisations?trust=${trust.id}`), '30');

    const second = await get(`/admin/organisations?q=${prefix}&page=2`);
    assert.match(second.body, /Showing <strong>26<\/strong> to <strong>31<\/strong> of <strong>31<\/strong>/);
    assert.match(second.body, /<title>Organisations \(page 2 of 2\) – Tandem<\/title>/);
    assert.match(second.body, new RegExp(`href="/admin/organisations\\?q=${prefix}" rel="prev"`));
  });

  test('a trust’s page counts its schools and links to them; a school links to its trust', async () => {
    const trust = await createOrganisation(db, { kind: 'trust', name: 'Counting Trust', groupUid: Number(freshUrn()) });
    const school = await createOrganisation(db, {
      kind: 'school',
      name: 'Counted School',
      urn: Number(freshUrn()),
      trustId: trust.id,
      phase: 'Primary',
      ofstedRating: 'Good',
      ofstedInspectionDate: '2023-03-13',
    });
    const trustPage = await get(`/admin/organisations/${trust.id}`);
    assert.match(trustPage.body, /1 school/);
    assert.match(trustPage.body, new RegExp(`href="/admin/organisations\\?trust=${trust.id}"`));
    const schoolPage = await get(`/admin/organisations/${school.id}`);
    assert.match(schoolPage.body, new RegExp(`href="/admin/organisations/${trust.id}">Counting Trust`));
    assert.match(schoolPage.body, /Good, inspected 13 March 2023 \(as at 15 January 2025\)/);
  });

  test('nothing found, an unreadable filter, and wildcards taken literally', async () => {
    assert.match(
      (await get('/admin/organisations?q=no%20such%20organisation%20anywhere')).body,
      /No organisations match/,
    );
    const wrongKind = await get('/admin/organisations?kind=castle');
    assert.equal(wrongKind.statusCode, 400);
    assert.match(wrongKind.body, /Select a kind of organisation from the list/);
    assert.match((await get('/admin/organisations?q=%25%25%25_')).body, /No organisations match/);
    assert.equal((await get(`/admin/organisations?q=${'9'.repeat(40)}`)).statusCode, 200, 'too long to be an id');
  });
});
