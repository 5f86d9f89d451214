import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { and, desc, eq } from 'drizzle-orm';
import { buildTestApp } from '../../../test/support/app.ts';
import { addMembership, createOrganisation, createPerson } from '../../../test/support/factories.ts';
import { formSession, signIn } from '../../../test/support/sign-in.ts';
import { auditEvents } from '../../platform/audit/audit.tables.ts';
import { SESSION_COOKIE } from '../../platform/auth/viewer.ts';
import { hashPassword, startSession, type Role } from '../people/index.ts';
import { memberships, people, sessions } from '../people/people.tables.ts';

const { app, db } = await buildTestApp();
const admin = await signIn(db, 'platform_administrator');
const trust = await createOrganisation(db, { kind: 'trust', name: 'Membership Trust' });

async function post(url: string, fields: Record<string, string> = {}, cookies = admin.cookies) {
  const session = await formSession(app, '/account', cookies);
  return app.inject({
    method: 'POST',
    url,
    cookies: session.cookies,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ _csrf: session.csrfToken, ...fields }).toString(),
  });
}

const get = (url: string, cookies = admin.cookies) => app.inject({ method: 'GET', url, cookies });

async function member(role: Role) {
  const person = await createPerson(db, { displayName: `Member ${Math.random().toString(36).slice(2, 8)}` });
  await addMembership(db, person.id, trust.id, role);
  const [membership] = await db
    .select()
    .from(memberships)
    .where(and(eq(memberships.personId, person.id), eq(memberships.role, role)));
  assert.ok(membership);
  return { person, membership };
}

async function lastEventAbout(personId: string) {
  const [event] = await db
    .select()
    .from(auditEvents)
    .where(eq(auditEvents.subjectPersonId, personId))
    .orderBy(desc(auditEvents.occurredAt));
  return event;
}

const roleUrl = (membershipId: string) => `/admin/organisations/${trust.id}/memberships/${membershipId}/role`;

describe('the organisation page lists its people', () => {
  test('each membership with its actions, each account with its status', async () => {
    const { person, membership } = await member('trustee');
    const page = await get(`/admin/organisations/${trust.id}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, new RegExp(person.displayName));
    assert.match(page.body, new RegExp(`href="${roleUrl(membership.id)}"`));
    assert.match(page.body, new RegExp(`href="/admin/organisations/${trust.id}/people/${person.id}/deactivate"`));
    assert.match(page.body, new RegExp(`href="/organisations/${trust.id}/invitations/new"`));
    assert.match(page.body, /Invited \(has not set a password yet\)/);
  });
});

describe('changing a role', () => {
  test('the page offers the roles people hold in a trust, the current one chosen', async () => {
    const { membership } = await member('trustee');
    const page = await get(roleUrl(membership.id));
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /value="trustee" checked/);
    assert.match(page.body, /Chair of trustees/);
    assert.doesNotMatch(page.body, /value="mentor"/);
    assert.doesNotMatch(page.body, /value="platform_administrator"/);
  });

  test('a role nobody holds in this kind of organisation is refused, and nothing changes', async () => {
    const { person, membership } = await member('trustee');
    const response = await post(roleUrl(membership.id), { role: 'platform_administrator', currentRole: 'trustee' });
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /Select one of the roles shown/);
    const [row] = await db.select().from(memberships).where(eq(memberships.id, membership.id));
    assert.equal(row?.role, 'trustee');
    assert.equal(await lastEventAbout(person.id), undefined);
  });

  test('changes it, with an audit event in the organisation', async () => {
    const { person, membership } = await member('trustee');
    const response = await post(roleUrl(membership.id), { role: 'chair', currentRole: 'trustee' });
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, `/admin/organisations/${trust.id}?done=role-changed`);
    const [row] = await db.select().from(memberships).where(eq(memberships.id, membership.id));
    assert.equal(row?.role, 'chair');
    const event = await lastEventAbout(person.id);
    assert.equal(event?.action, 'role.changed');
    assert.equal(event?.actorPersonId, admin.person.id);
    assert.equal(event?.organisationId, trust.id);
    assert.deepEqual(event?.details, { role: 'chair', previousRole: 'trustee' });

    // The same form sent again asks for what is already so: no second change, no second event.
    const again = await post(roleUrl(membership.id), { role: 'chair', currentRole: 'trustee' });
    assert.equal(again.statusCode, 303);
    assert.equal((await lastEventAbout(person.id))?.id, event?.id);
  });

  test('no role chosen, or one they already hold here: 400 with the reason', async () => {
    const { person, membership } = await member('member');
    await addMembership(db, person.id, trust.id, 'trustee');
    const none = await post(roleUrl(membership.id), { currentRole: 'member' });
    assert.equal(none.statusCode, 400);
    assert.match(none.body, /<a href="#role">Select a role<\/a>/);
    const held = await post(roleUrl(membership.id), { role: 'trustee', currentRole: 'member' });
    assert.equal(held.statusCode, 400);
    assert.match(held.body, new RegExp(`${person.displayName} is already trustee here`));
  });

  test('changed by someone else meanwhile: told what it is now, the choice kept', async () => {
    const { membership } = await member('member');
    await db.update(memberships).set({ role: 'trustee' }).where(eq(memberships.id, membership.id));
    const response = await post(roleUrl(membership.id), { role: 'chair', currentRole: 'member' });
    assert.equal(response.statusCode, 409);
    assert.match(response.body, /while you were choosing: it is now trustee/);
    assert.match(response.body, /value="chair" checked/);
    assert.match(response.body, /name="currentRole" value="trustee"/);
    const [row] = await db.select().from(memberships).where(eq(memberships.id, membership.id));
    assert.equal(row?.role, 'trustee');
  });

  test('an administrator cannot give up their own only administrator role', async () => {
    const [own] = await db.select().from(memberships).where(eq(memberships.personId, admin.person.id));
    assert.ok(own);
    const url = `/admin/organisations/${own.organisationId}/memberships/${own.id}/role`;
    assert.match((await get(url)).body, /This is your only platform administrator role/);
    const response = await post(url, { role: 'mentor', currentRole: 'platform_administrator' });
    assert.equal(response.statusCode, 403);
    const [row] = await db.select().from(memberships).where(eq(memberships.id, own.id));
    assert.equal(row?.role, 'platform_administrator');
  });

  test('a membership of another organisation is not found through this one', async () => {
    const other = await createOrganisation(db, { kind: 'trust' });
    const person = await createPerson(db);
    await addMembership(db, person.id, other.id, 'trustee');
    const [elsewhere] = await db.select().from(memberships).where(eq(memberships.personId, person.id));
    assert.ok(elsewhere);
    assert.equal((await get(roleUrl(elsewhere.id))).statusCode, 404);
    assert.equal((await post(roleUrl(elsewhere.id), { role: 'chair', currentRole: 'trustee' })).statusCode, 404);
  });
});

describe('removing a membership', () => {
  test('asks first, then removes it with an audit event; pressing twice is harmless', async () => {
    const { person, membership } = await member('middle_leader');
    const url = `/admin/organisations/${trust.id}/memberships/${membership.id}/remove`;
    const confirm = await get(url);
    assert.equal(confirm.statusCode, 200);
    assert.match(confirm.body, new RegExp(`Remove ${person.displayName} as middle leader\\?`));
    const response = await post(url);
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, `/admin/organisations/${trust.id}?done=removed`);
    assert.equal((await db.select().from(memberships).where(eq(memberships.id, membership.id))).length, 0);
    const event = await lastEventAbout(person.id);
    assert.equal(event?.action, 'role.changed');
    assert.deepEqual(event?.details, { previousRole: 'middle_leader' });
    assert.equal((await post(url)).statusCode, 303);
    assert.equal((await get(url)).statusCode, 404);
  });
});

describe('deactivating an account', () => {
  test('signs the person out everywhere and stops them signing in again', async () => {
    const password = 'correct horse battery staple';
    const { person } = await member('ceo');
    await db
      .update(people)
      .set({ passwordHash: await hashPassword(password) })
      .where(eq(people.id, person.id));
    const token = await startSession({ db, personId: person.id });
    const theirs = { [SESSION_COOKIE]: token };
    assert.equal((await get('/account', theirs)).statusCode, 200, 'signed in before');

    const url = `/admin/organisations/${trust.id}/people/${person.id}/deactivate`;
    assert.match((await get(url)).body, new RegExp(`Deactivate ${person.displayName}'s account\\?`));
    const response = await post(url);
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, `/admin/organisations/${trust.id}?done=deactivated`);

    const [row] = await db.select().from(people).where(eq(people.id, person.id));
    assert.ok(row?.deactivatedAt);
    assert.equal((await db.select().from(sessions).where(eq(sessions.personId, person.id))).length, 0);
    assert.equal((await get('/account', theirs)).statusCode, 303, 'their session no longer works');
    const event = await lastEventAbout(person.id);
    assert.equal(event?.action, 'account.deactivated');
    assert.equal(event?.actorPersonId, admin.person.id);

    const signInForm = await formSession(app, '/sign-in');
    const signInAgain = await app.inject({
      method: 'POST',
      url: '/sign-in',
      cookies: signInForm.cookies,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: signInForm.csrfToken, email: person.email, password }).toString(),
    });
    assert.equal(signInAgain.statusCode, 400, 'the right password no longer signs them in');

    assert.match((await get(`/admin/organisations/${trust.id}`)).body, /Deactivated on /);
    assert.equal((await post(url)).statusCode, 303, 'a second press changes nothing');
    const events = await db.select().from(auditEvents).where(eq(auditEvents.subjectPersonId, person.id));
    assert.equal(events.filter((each) => each.action === 'account.deactivated').length, 1);

    // Reactivated, they sign in again with the same password and the roles they had.
    const reactivate = `/admin/organisations/${trust.id}/people/${person.id}/reactivate`;
    assert.match((await get(`/admin/organisations/${trust.id}`)).body, new RegExp(`href="${reactivate}"`));
    assert.match((await get(reactivate)).body, new RegExp(`Reactivate ${person.displayName}'s account\\?`));
    const reactivated = await post(reactivate);
    assert.equal(reactivated.headers.location, `/admin/organisations/${trust.id}?done=reactivated`);
    assert.match((await get(reactivated.headers.location ?? '')).body, /Account reactivated/);
    const [after] = await db.select().from(people).where(eq(people.id, person.id));
    assert.equal(after?.deactivatedAt, null);
    assert.equal((await lastEventAbout(person.id))?.action, 'account.reactivated');
    assert.equal((await post(reactivate)).statusCode, 303, 'a second press changes nothing');
    const reactivations = (
      await db.select().from(auditEvents).where(eq(auditEvents.subjectPersonId, person.id))
    ).filter((each) => each.action === 'account.reactivated');
    assert.equal(reactivations.length, 1);
    const form = await formSession(app, '/sign-in');
    const signedIn = await app.inject({
      method: 'POST',
      url: '/sign-in',
      cookies: form.cookies,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: form.csrfToken, email: person.email, password }).toString(),
    });
    assert.equal(signedIn.statusCode, 303, 'the password works again');
  });

  test('an administrator cannot deactivate their own account', async () => {
    const [own] = await db.select().from(memberships).where(eq(memberships.personId, admin.person.id));
    assert.ok(own);
    const url = `/admin/organisations/${own.organisationId}/people/${admin.person.id}/deactivate`;
    assert.match((await get(url)).body, /You cannot deactivate your own account/);
    assert.equal((await post(url)).statusCode, 403);
    const [row] = await db.select().from(people).where(eq(people.id, admin.person.id));
    assert.equal(row?.deactivatedAt, null);
  });

  test('someone who is not one of the organisation’s people is not found through it', async () => {
    const stranger = await createPerson(db);
    const url = `/admin/organisations/${trust.id}/people/${stranger.id}/deactivate`;
    assert.equal((await get(url)).statusCode, 404);
    assert.equal((await post(url)).statusCode, 404);
  });

  test('nobody but a platform administrator may do any of this', async () => {
    const { person, membership } = await member('trustee');
    const ceo = await signIn(db, 'ceo', trust);
    for (const url of [
      roleUrl(membership.id),
      `/admin/organisations/${trust.id}/people/${person.id}/deactivate`,
      `/admin/organisations/${trust.id}/people/${person.id}/reactivate`,
    ]) {
      assert.equal((await get(url, ceo.cookies)).statusCode, 403, url);
      assert.equal((await post(url, { role: 'chair', currentRole: 'trustee' }, ceo.cookies)).statusCode, 403, url);
    }
    const [row] = await db.select().from(memberships).where(eq(memberships.id, membership.id));
    assert.equal(row?.role, 'trustee');
  });
});
