import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { buildTestApp } from '../../../test/support/app.ts';
import { createOrganisation } from '../../../test/support/factories.ts';
import { signIn } from '../../../test/support/sign-in.ts';
import { SESSION_COOKIE } from '../../platform/auth/viewer.ts';

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
