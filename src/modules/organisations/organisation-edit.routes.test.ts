import assert from 'node:assert/strict';
import { test } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import { buildTestApp } from '../../../test/support/app.ts';
import { createOrganisation } from '../../../test/support/factories.ts';
import { formSession, signIn } from '../../../test/support/sign-in.ts';
import { auditEvents } from '../../platform/audit/audit.tables.ts';
import { organisations } from './organisations.tables.ts';

const { app, db } = await buildTestApp();
const admin = await signIn(db, 'platform_administrator');
const otherAdmin = await signIn(db, 'platform_administrator');

let nextNumber = 600_000 + Math.floor(Math.random() * 1000) * 100;
const fresh = () => (nextNumber += 1);

/** An editor with the edit form open: its hidden fields as the page gave them, and its token. */
async function openEditForm(id: string, cookies: Record<string, string>) {
  const url = `/admin/organisations/${id}/edit`;
  const page = await app.inject({ method: 'GET', url, cookies });
  assert.equal(page.statusCode, 200);
  const hidden = Object.fromEntries(
    [...page.body.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"\/>/g)]
      .filter((match) => match[1] !== '_csrf')
      .map((match) => [match[1], match[2]]),
  );
  // The visible fields start as the details shown, as the hidden originals record them.
  const shown = Object.fromEntries(
    Object.entries(hidden)
      .filter(([name]) => name.startsWith('original-'))
      .map(([name, value]) => [name.slice('original-'.length), value]),
  );
  const session = await formSession(app, url, cookies);
  return {
    hidden,
    save: (fields: Record<string, string>) =>
      app.inject({
        method: 'POST',
        url,
        cookies: session.cookies,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ _csrf: session.csrfToken, ...hidden, ...shown, ...fields }).toString(),
      }),
  };
}

const saved = async (id: string) => {
  const [row] = await db.select().from(organisations).where(eq(organisations.id, id));
  assert.ok(row);
  return row;
};

test('the edit form shows the saved details and saves changes over the version it read', async () => {
  const school = await createOrganisation(db, { kind: 'school', name: 'Old Name School', urn: fresh() });
  const editor = await openEditForm(school.id, admin.cookies);
  assert.equal(editor.hidden.version, '1');
  const urn = String(fresh());
  const response = await editor.save({ name: 'New Name School', urn });
  assert.equal(response.statusCode, 303);
  assert.equal(response.headers.location, `/admin/organisations/${school.id}?done=saved`);
  const row = await saved(school.id);
  assert.equal(row.name, 'New Name School');
  assert.equal(row.urn, Number(urn));
  assert.equal(row.version, 2);
  const [event] = await db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.organisationId, school.id), eq(auditEvents.action, 'organisation.changed')));
  assert.equal(event?.actorPersonId, admin.person.id);
  assert.deepEqual(event?.details, { fields: ['name', 'urn'] }, 'which fields changed, never their values');

  // Saving the same details again changes nothing and records nothing.
  const again = await openEditForm(school.id, admin.cookies);
  assert.equal((await again.save({})).statusCode, 303);
  assert.equal((await saved(school.id)).version, 2);
  const events = await db.select().from(auditEvents).where(eq(auditEvents.organisationId, school.id));
  assert.equal(events.length, 1);
});

test('a second editor who saves over a change is told what changed and loses nothing typed', async () => {
  const trust = await createOrganisation(db, { kind: 'trust', name: 'Shared Trust', groupUid: fresh() });
  const first = await openEditForm(trust.id, admin.cookies);
  const second = await openEditForm(trust.id, otherAdmin.cookies);

  assert.equal((await first.save({ name: 'Shared Trust (renamed)' })).statusCode, 303);
  const stale = await second.save({ name: 'Shared Trust Limited', companiesHouseNumber: '07318714' });
  assert.equal(stale.statusCode, 409);
  assert.match(stale.body, /<title>Error: Change the organisation's details – Tandem<\/title>/);
  assert.match(
    stale.body,
    /<a href="#name">Someone else changed this organisation while you were editing: name is now Shared Trust \(renamed\)<\/a>/,
  );
  assert.match(stale.body, /id="name" name="name" type="text" spellcheck="false" value="Shared Trust Limited"/);
  assert.match(stale.body, /value="07318714"/, 'the other field typed is kept too');
  assert.match(stale.body, /name="version" value="2"/, 'the form now carries the version it was told about');
  assert.equal((await saved(trust.id)).name, 'Shared Trust (renamed)', 'nothing saved over the first editor');

  // Having seen the change, the second editor saves again and it goes through.
  const hidden = Object.fromEntries(
    [...stale.body.matchAll(/<input type="hidden" name="((?:version|original-)[^"]*)" value="([^"]*)"\/>/g)].map(
      (match) => [match[1], match[2]],
    ),
  );
  const again = await openEditForm(trust.id, otherAdmin.cookies);
  const response = await again.save({ ...hidden, name: 'Shared Trust Limited', companiesHouseNumber: '07318714' });
  assert.equal(response.statusCode, 303);
  const row = await saved(trust.id);
  assert.equal(row.name, 'Shared Trust Limited');
  assert.equal(row.companiesHouseNumber, '07318714');
});

test('a change to other columns in between (a register import) does not stop an edit', async () => {
  const school = await createOrganisation(db, { kind: 'school', name: 'Imported School', urn: fresh() });
  const editor = await openEditForm(school.id, admin.cookies);
  await db
    .update(organisations)
    .set({ ofstedRating: 'Good', version: sql`${organisations.version} + 1` })
    .where(eq(organisations.id, school.id));
  const response = await editor.save({ name: 'Imported School (Junior)' });
  assert.equal(response.statusCode, 303);
  const row = await saved(school.id);
  assert.equal(row.name, 'Imported School (Junior)');
  assert.equal(row.ofstedRating, 'Good');
});

test('a missing or mangled version cannot save over a change it never saw', async () => {
  const provider = await createOrganisation(db, { kind: 'provider', name: `Provider ${fresh()}` });
  const editor = await openEditForm(provider.id, admin.cookies);
  await db
    .update(organisations)
    .set({ name: 'Changed Meanwhile', version: 5 })
    .where(eq(organisations.id, provider.id));
  const response = await editor.save({ version: 'drop table', name: 'Mine' });
  assert.equal(response.statusCode, 409);
  assert.equal((await saved(provider.id)).name, 'Changed Meanwhile');
});

test('edit errors: 400 with the message, what was typed kept, nothing saved', async () => {
  const taken = await createOrganisation(db, { kind: 'school', name: 'Taken School', urn: fresh() });
  const school = await createOrganisation(db, { kind: 'school', name: 'Editing School', urn: fresh() });
  const editor = await openEditForm(school.id, admin.cookies);

  const empty = await editor.save({ name: '', urn: 'abc' });
  assert.equal(empty.statusCode, 400);
  assert.match(empty.body, /<a href="#name">Enter the organisation's name<\/a>/);
  assert.match(empty.body, /<a href="#urn">URN must be a 6-digit number<\/a>/);
  assert.match(empty.body, /value="abc"/);

  const clash = await editor.save({ name: 'Editing School', urn: String(taken.urn) });
  assert.equal(clash.statusCode, 400);
  assert.match(clash.body, new RegExp(`There is already a school with URN ${taken.urn}: Taken School`));
  assert.match(clash.body, /name="version" value="1"/, 'the version read is kept until a save succeeds');
  assert.equal((await saved(school.id)).name, 'Editing School');
});

test('hostile input is text: never a 5xx, never a changed row', async () => {
  const school = await createOrganisation(db, { kind: 'school', name: 'Safe School', urn: fresh() });
  const editor = await openEditForm(school.id, admin.cookies);
  for (const urn of ["1'; drop table organisations; --", '99999999999999999999', '-12345', '１２３４５６']) {
    const response = await editor.save({ name: '<script>alert(1)</script>', urn });
    assert.equal(response.statusCode, 400, urn);
    assert.doesNotMatch(response.body, /<script>alert/);
  }
  assert.equal((await saved(school.id)).name, 'Safe School');
});
