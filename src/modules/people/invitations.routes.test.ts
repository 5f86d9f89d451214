import assert from 'node:assert/strict';
import { test } from 'node:test';
import { and, desc, eq } from 'drizzle-orm';
import { buildTestApp } from '../../../test/support/app.ts';
import { createOrganisation, createPerson } from '../../../test/support/factories.ts';
import { postForm, signIn } from '../../../test/support/sign-in.ts';
import { SESSION_COOKIE } from '../../platform/auth/viewer.ts';
import { outboxMessages } from '../../platform/mail/mail.tables.ts';
import { hashPassword } from './passwords.ts';
import { memberships, people, sessions } from './people.tables.ts';

const { app, db } = await buildTestApp();
const PASSWORD = 'a perfectly fine passphrase';
const post = (url: string, from: string, cookies: Record<string, string>, fields: Record<string, string>) =>
  postForm(app, { url, from, cookies, fields });

/** The link in the newest email to `to`, as the person would click it (path only). */
async function linkSentTo(to: string, prefix: string): Promise<string> {
  const [message] = await db
    .select()
    .from(outboxMessages)
    .where(eq(outboxMessages.to, to))
    .orderBy(desc(outboxMessages.createdAt))
    .limit(1);
  const link = new RegExp(`http://[^/]+(${prefix}[A-Za-z0-9_-]{43})`).exec(message?.text ?? '')?.[1];
  assert.ok(link, `an email to ${to} with a ${prefix} link`);
  return link;
}

test('an administrator invites a new person, who sets a password and is signed in with the role', async () => {
  const admin = await signIn(db, 'platform_administrator');
  const trust = await createOrganisation(db, { name: 'Riverside Trust' });
  const invitePath = `/organisations/${trust.id}/invitations/new`;

  const bad = await post(invitePath, invitePath, admin.cookies, { displayName: '', email: 'not-an-email', role: '' });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /Enter the person’s full name/);
  assert.match(bad.body, /Select the role they will have/);

  const sent = await post(invitePath, invitePath, admin.cookies, {
    displayName: 'Nia New',
    email: 'nia@example.test',
    role: 'trustee',
  });
  assert.equal(sent.statusCode, 303);
  const link = await linkSentTo('nia@example.test', '/invitations/');

  const page = await app.inject({ method: 'GET', url: link });
  assert.match(page.body, /Join Riverside Trust on Tandem/);
  const weak = await post(link, link, {}, { displayName: 'Nia New', password: 'password1234' });
  assert.equal(weak.statusCode, 400);
  assert.match(weak.body, /harder to guess/);

  const accepted = await post(link, link, {}, { displayName: 'Nia New', password: PASSWORD });
  assert.equal(accepted.statusCode, 303);
  const token = accepted.cookies.find((c) => c.name === SESSION_COOKIE)?.value ?? '';
  const home = await app.inject({ method: 'GET', url: '/', cookies: { [SESSION_COOKIE]: token } });
  assert.match(home.body, /Welcome, Nia New/);
  assert.match(home.body, /Riverside Trust<\/dt>\s*<dd class="govuk-summary-list__value">Trustee/);

  const again = await app.inject({ method: 'GET', url: link });
  assert.equal(again.statusCode, 404, 'the link works once');
  assert.match(again.body, /expired or been used/);
});

test('someone with an account accepts while signed in, without a new password', async () => {
  const admin = await signIn(db, 'platform_administrator');
  const trust = await createOrganisation(db);
  const existing = await createPerson(db, { passwordHash: await hashPassword(PASSWORD), email: 'omar@example.test' });
  const invitePath = `/organisations/${trust.id}/invitations/new`;
  await post(invitePath, invitePath, admin.cookies, { displayName: 'Omar', email: 'OMAR@example.test', role: 'chair' });
  const link = await linkSentTo('OMAR@example.test', '/invitations/');

  const signedOut = await app.inject({ method: 'GET', url: link });
  assert.match(signedOut.body, /You already have a Tandem account/);
  const session = await post('/sign-in', '/sign-in', {}, { email: existing.email, password: PASSWORD });
  const cookies = { [SESSION_COOKIE]: session.cookies.find((c) => c.name === SESSION_COOKIE)?.value ?? '' };
  const accepted = await post(link, link, cookies, {});
  assert.equal(accepted.statusCode, 303);
  const rows = await db
    .select()
    .from(memberships)
    .where(and(eq(memberships.personId, existing.id), eq(memberships.organisationId, trust.id)));
  assert.deepEqual(
    rows.map((row) => row.role),
    ['chair'],
  );
});

test('a programme manager invites into their provider and a chief executive into their trust, nobody else', async () => {
  const status = async (url: string, cookies: Record<string, string>) =>
    (await app.inject({ method: 'GET', url, cookies })).statusCode;
  const pm = await signIn(db, 'programme_manager');
  const ceo = await signIn(db, 'ceo');
  const trustee = await signIn(db, 'trustee', ceo.organisation);
  const mentor = await signIn(db, 'mentor', pm.organisation);
  const otherTrust = await createOrganisation(db);
  const invite = (id: string) => `/organisations/${id}/invitations/new`;

  assert.equal(await status(invite(pm.organisation.id), pm.cookies), 200);
  assert.equal(await status(invite(ceo.organisation.id), ceo.cookies), 200);
  assert.equal(await status(`/organisations/${ceo.organisation.id}/people`, ceo.cookies), 200);
  for (const [who, id] of [
    [trustee, ceo.organisation.id],
    [mentor, pm.organisation.id],
    [ceo, otherTrust.id],
    [pm, ceo.organisation.id],
  ] as const) {
    assert.equal(await status(invite(id), who.cookies), 403);
    assert.equal(await status(`/organisations/${id}/people`, who.cookies), 403);
  }

  // Each is offered only the roles people hold in their kind of organisation, never platform administrator.
  const providerForm = await app.inject({ method: 'GET', url: invite(pm.organisation.id), cookies: pm.cookies });
  const offered = (html: string) => [...html.matchAll(/name="role" type="radio" value="([a-z_]+)"/g)].map((m) => m[1]);
  assert.deepEqual(offered(providerForm.body), ['programme_manager', 'mentor']);
  const trustForm = await app.inject({ method: 'GET', url: invite(ceo.organisation.id), cookies: ceo.cookies });
  assert.ok(offered(trustForm.body).includes('trustee'));
  assert.ok(!offered(trustForm.body).includes('mentor'));

  const path = invite(pm.organisation.id);
  const refused = await post(path, path, pm.cookies, {
    displayName: 'Ada Admin',
    email: 'ada@example.test',
    role: 'platform_administrator',
  });
  assert.equal(refused.statusCode, 400);
  assert.match(refused.body, /Select one of the roles shown/);
  assert.equal((await db.select().from(outboxMessages).where(eq(outboxMessages.to, 'ada@example.test'))).length, 0);

  const sent = await post(path, path, pm.cookies, {
    displayName: 'Mo Mentor',
    email: 'mo@example.test',
    role: 'mentor',
  });
  assert.equal(sent.statusCode, 303);
  assert.equal(sent.headers.location, `/organisations/${pm.organisation.id}/people?done=invited`);
  await linkSentTo('mo@example.test', '/invitations/');
  const people = await app.inject({ method: 'GET', url: sent.headers.location ?? '', cookies: pm.cookies });
  assert.match(people.body, /Invitation sent/);
  assert.match(people.body, /Mentor/);
});

test('an unknown organisation or a malformed id is 404, even for an administrator', async () => {
  const admin = await signIn(db, 'platform_administrator');
  const status = async (url: string) => (await app.inject({ method: 'GET', url, cookies: admin.cookies })).statusCode;
  assert.equal(await status('/organisations/0b7e7d1c-2a6f-4e55-9c4a-7b1d2e3f4a5b/invitations/new'), 404);
  assert.equal(await status('/organisations/nope/invitations/new'), 404);
  assert.equal(await status('/organisations/nope/people'), 404);
});

test('the people page shows twenty people a page, each with all their roles', async () => {
  const ceo = await signIn(db, 'ceo');
  const trust = ceo.organisation;
  for (let index = 0; index < 24; index += 1) {
    const person = await createPerson(db, { displayName: `Person ${String(index).padStart(2, '0')}` });
    await db
      .insert(memberships)
      .values([
        { personId: person.id, organisationId: trust.id, role: 'trustee' },
        ...(index === 0 ? [{ personId: person.id, organisationId: trust.id, role: 'chair' as const }] : []),
      ]);
  }
  const first = await app.inject({ method: 'GET', url: `/organisations/${trust.id}/people`, cookies: ceo.cookies });
  assert.match(first.body, /Showing <strong>1<\/strong> to <strong>20<\/strong> of <strong>25<\/strong> people/);
  assert.match(
    first.body,
    /Person 00<\/td><td class="govuk-table__cell govuk-!-text-break-word">[^<]+<\/td><td class="govuk-table__cell">Chair of trustees, Trustee/,
  );
  const second = await app.inject({
    method: 'GET',
    url: `/organisations/${trust.id}/people?page=2`,
    cookies: ceo.cookies,
  });
  assert.match(second.body, /Showing <strong>21<\/strong> to <strong>25<\/strong>/);
  assert.match(second.body, /Person 23/);
  assert.doesNotMatch(second.body, /Person 00/);
});

test('password reset: same answer for any address, a link that works once, and every session ended', async () => {
  const person = await createPerson(db, { passwordHash: await hashPassword(PASSWORD), email: 'rae@example.test' });
  const elsewhere = await signIn(db, 'trustee');
  await db.update(sessions).set({ personId: person.id }).where(eq(sessions.personId, elsewhere.person.id));

  const unknown = await post('/password-reset', '/password-reset', {}, { email: 'nobody@example.test' });
  const known = await post('/password-reset', '/password-reset', {}, { email: 'rae@example.test' });
  assert.equal(unknown.headers.location, '/password-reset/sent');
  assert.equal(known.headers.location, '/password-reset/sent');
  assert.equal((await db.select().from(outboxMessages).where(eq(outboxMessages.to, 'nobody@example.test'))).length, 0);

  const link = await linkSentTo('rae@example.test', '/password-reset/');
  const short = await post(link, link, {}, { password: 'short' });
  assert.equal(short.statusCode, 400);
  const changed = await post(link, link, {}, { password: 'a brand new passphrase' });
  assert.equal(changed.statusCode, 303);
  assert.equal(
    (await app.inject({ method: 'GET', url: '/', cookies: elsewhere.cookies })).body.includes('Welcome'),
    false,
    'signed out everywhere',
  );
  assert.equal((await app.inject({ method: 'GET', url: link })).statusCode, 404, 'used once');
  const [row] = await db.select().from(people).where(eq(people.id, person.id));
  assert.ok(row?.passwordChangedAt);
  const signInNew = await post(
    '/sign-in',
    '/sign-in',
    {},
    { email: 'rae@example.test', password: 'a brand new passphrase' },
  );
  assert.equal(signInNew.statusCode, 303);
});
