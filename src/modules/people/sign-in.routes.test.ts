import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eq } from 'drizzle-orm';
import { buildTestApp } from '../../../test/support/app.ts';
import { createPerson } from '../../../test/support/factories.ts';
import { formSession, signIn } from '../../../test/support/sign-in.ts';
import { SESSION_COOKIE } from '../../platform/auth/viewer.ts';
import { hashPassword } from './passwords.ts';
import { sessions } from './people.tables.ts';

const { app, db } = await buildTestApp();
const PASSWORD = 'a perfectly fine passphrase';
const form = { 'content-type': 'application/x-www-form-urlencoded' };

async function postSignIn(fields: Record<string, string>, cookies: Record<string, string> = {}) {
  // Signed in, the sign-in page redirects: take the token from another page then.
  const session = await formSession(app, Object.keys(cookies).length > 0 ? '/account' : '/sign-in', cookies);
  return app.inject({
    method: 'POST',
    url: '/sign-in',
    cookies: session.cookies,
    headers: form,
    payload: new URLSearchParams({ _csrf: session.csrfToken, ...fields }).toString(),
  });
}

test('the sign-in page asks for email and password with the right autocomplete hints', async () => {
  const response = await app.inject({ method: 'GET', url: '/sign-in' });
  assert.equal(response.statusCode, 200);
  assert.match(response.body, /<title>Sign in – Tandem<\/title>/);
  assert.match(response.body, /autocomplete="email"/);
  assert.match(response.body, /autocomplete="current-password"/);
  assert.match(response.body, /<a class="govuk-header__link" href="\/sign-in">Sign in<\/a>/);
});

test('empty fields come back with 400 and a message for each', async () => {
  const response = await postSignIn({ email: '', password: '' });
  assert.equal(response.statusCode, 400);
  assert.match(response.body, /<title>Error: Sign in – Tandem<\/title>/);
  assert.match(response.body, /<a href="#email">Enter your email address<\/a>/);
  assert.match(response.body, /<a href="#password">Enter your password<\/a>/);
});

test('a wrong password and an unknown email read the same, and the email typed is kept', async () => {
  const person = await createPerson(db, { passwordHash: await hashPassword(PASSWORD) });
  const wrong = await postSignIn({ email: person.email, password: 'not the password' });
  const unknown = await postSignIn({ email: 'no.one@example.test', password: PASSWORD });
  assert.equal(wrong.statusCode, 400);
  assert.equal(unknown.statusCode, 400);
  const message = (body: string) => /<a href="#email">([^<]+)<\/a>/.exec(body)?.[1];
  assert.equal(message(wrong.body), message(unknown.body));
  assert.match(wrong.body, new RegExp(`value="${person.email}"`));
  assert.doesNotMatch(wrong.body, /not the password/, 'a password is never sent back');
});

test('signing in sets a new session cookie and goes back to the page asked for', async () => {
  const person = await createPerson(db, { passwordHash: await hashPassword(PASSWORD) });
  const response = await postSignIn({ email: person.email, password: PASSWORD, returnTo: '/account' });
  assert.equal(response.statusCode, 303);
  assert.equal(response.headers.location, '/account');
  const cookie = response.cookies.find((c) => c.name === SESSION_COOKIE);
  assert.ok(cookie);
  assert.equal(cookie.httpOnly, true);
  assert.equal(cookie.sameSite, 'Lax');
  const account = await app.inject({ method: 'GET', url: '/account', cookies: { [SESSION_COOKIE]: cookie.value } });
  assert.equal(account.statusCode, 200);
  assert.match(account.body, new RegExp(person.email));
});

test('signing in ends any session the browser already carried', async () => {
  const before = await signIn(db, 'trustee');
  const person = await createPerson(db, { passwordHash: await hashPassword(PASSWORD) });
  await postSignIn({ email: person.email, password: PASSWORD }, before.cookies);
  const old = await app.inject({ method: 'GET', url: '/account', cookies: before.cookies });
  assert.equal(old.statusCode, 303, 'the earlier session no longer works');
});

test('a return address off this site is ignored', async () => {
  const person = await createPerson(db, { passwordHash: await hashPassword(PASSWORD) });
  for (const returnTo of ['https://evil.example/', '//evil.example/x', '/\\evil.example', 'javascript:alert(1)']) {
    const response = await postSignIn({ email: person.email, password: PASSWORD, returnTo });
    assert.equal(response.headers.location, '/', returnTo);
  }
});

test('signed out, the account page sends you to sign in and back', async () => {
  const response = await app.inject({ method: 'GET', url: '/account' });
  assert.equal(response.statusCode, 303);
  assert.equal(response.headers.location, '/sign-in?returnTo=%2Faccount');
  const page = await app.inject({ method: 'GET', url: '/sign-in?returnTo=%2Faccount' });
  assert.match(page.body, /name="returnTo" value="\/account"/);
});

test('sign out needs the CSRF token, then ends the session and clears the cookie', async () => {
  const signedIn = await signIn(db, 'ceo');
  const refused = await app.inject({
    method: 'POST',
    url: '/sign-out',
    cookies: signedIn.cookies,
    headers: form,
    payload: '',
  });
  assert.equal(refused.statusCode, 403);
  const session = await formSession(app, '/account', signedIn.cookies);
  const response = await app.inject({
    method: 'POST',
    url: '/sign-out',
    cookies: session.cookies,
    headers: form,
    payload: `_csrf=${encodeURIComponent(session.csrfToken)}`,
  });
  assert.equal(response.statusCode, 303);
  assert.equal(response.cookies.find((c) => c.name === SESSION_COOKIE)?.value, '');
  const after = await app.inject({ method: 'GET', url: '/account', cookies: signedIn.cookies });
  assert.equal(after.statusCode, 303);
});

test('sign out everywhere ends every session of that person and no one else’s', async () => {
  const signedIn = await signIn(db, 'mentor');
  const otherDevice = await db.select().from(sessions).where(eq(sessions.personId, signedIn.person.id));
  assert.equal(otherDevice.length, 1);
  const bystander = await signIn(db, 'mentor');
  const session = await formSession(app, '/account', signedIn.cookies);
  const response = await app.inject({
    method: 'POST',
    url: '/account/sign-out-everywhere',
    cookies: session.cookies,
    headers: form,
    payload: `_csrf=${encodeURIComponent(session.csrfToken)}`,
  });
  assert.equal(response.statusCode, 303);
  assert.equal((await db.select().from(sessions).where(eq(sessions.personId, signedIn.person.id))).length, 0);
  assert.equal((await db.select().from(sessions).where(eq(sessions.personId, bystander.person.id))).length, 1);
});

test('signed in, the header offers the account page and sign out; the sign-in page sends you home', async () => {
  const signedIn = await signIn(db, 'trustee');
  const home = await app.inject({ method: 'GET', url: '/', cookies: signedIn.cookies });
  assert.match(home.body, /href="\/account">Your account<\/a>/);
  assert.match(home.body, /<form action="\/sign-out" method="post"/);
  const signInPage = await app.inject({ method: 'GET', url: '/sign-in', cookies: signedIn.cookies });
  assert.equal(signInPage.statusCode, 303);
});

test('signed-in pages carry what the idle-timeout warning needs, and "stay signed in" answers 204', async () => {
  const signedIn = await signIn(db, 'trustee');
  const page = await app.inject({ method: 'GET', url: '/', cookies: signedIn.cookies });
  assert.match(page.body, /<body class="govuk-template__body" data-session-idle-ms="1800000">/);
  const token = /<meta name="csrf-token" content="([^"]+)"/.exec(page.body)?.[1] ?? '';
  const cookies = { ...signedIn.cookies, ...Object.fromEntries(page.cookies.map((c) => [c.name, c.value])) };
  const kept = await app.inject({
    method: 'POST',
    url: '/account/keep-alive',
    cookies,
    headers: { 'x-csrf-token': token },
  });
  assert.equal(kept.statusCode, 204);
  const signedOut = await app.inject({ method: 'GET', url: '/' });
  assert.doesNotMatch(signedOut.body, /csrf-token|data-session-idle-ms/);
});
