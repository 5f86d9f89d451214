import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildTestApp } from '../../../test/support/app.ts';
import { createPerson } from '../../../test/support/factories.ts';
import { postForm, signIn } from '../../../test/support/sign-in.ts';
import { SESSION_COOKIE } from '../../platform/auth/viewer.ts';
import { currentCode } from './mfa.service.ts';
import { hashPassword } from './passwords.ts';

const { app, db } = await buildTestApp();
const form = { 'content-type': 'application/x-www-form-urlencoded' };
const PASSWORD = 'a perfectly fine passphrase';
const post = (
  target: FastifyInstance,
  url: string,
  from: string,
  cookies: Record<string, string>,
  fields: Record<string, string>,
) => postForm(target, { url, from, cookies, fields });

const cookiesOf = (
  response: { cookies: Array<{ name: string; value: string }> },
  base: Record<string, string> = {},
) => ({
  ...base,
  ...Object.fromEntries(response.cookies.map((cookie) => [cookie.name, cookie.value])),
});

/** Enrols the signed-in person through the pages and returns their TOTP secret and recovery codes. */
async function enrol(cookies: Record<string, string>): Promise<{ secret: string; codes: string[] }> {
  const page = await app.inject({ method: 'GET', url: '/account/two-factor/set-up', cookies });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /<img src="data:image\/svg\+xml;base64,[^"]+" alt="QR code for your authenticator app"/);
  const secret = (/<p class="govuk-body tandem-secret">([A-Z2-7 ]+)<\/p>/.exec(page.body)?.[1] ?? '').replace(/ /g, '');
  const withEnrolment = cookiesOf(page, cookies);
  // Post with the set-up page's own token: each visit to that page draws a new key.
  const csrfToken = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
  const submit = (code: string) =>
    app.inject({
      method: 'POST',
      url: '/account/two-factor/set-up',
      cookies: withEnrolment,
      headers: form,
      payload: new URLSearchParams({ _csrf: csrfToken, code }).toString(),
    });
  const wrong = await submit('000000');
  assert.equal(wrong.statusCode, 400);
  assert.match(wrong.body, /Enter the current 6-digit code from your authenticator app/);
  assert.match(wrong.body, new RegExp(secret.slice(0, 4)), 'the same key is shown again');
  const right = await submit(currentCode(secret));
  assert.equal(right.statusCode, 303);
  assert.equal(right.headers.location, '/account/two-factor/recovery-codes');
  const shown = await app.inject({
    method: 'GET',
    url: '/account/two-factor/recovery-codes',
    cookies: cookiesOf(right, cookies),
  });
  const codes = [...shown.body.matchAll(/<code>([0-9a-f]{10})<\/code>/g)].map((match) => match[1] ?? '');
  assert.equal(codes.length, 10);
  const again = await app.inject({
    method: 'GET',
    url: '/account/two-factor/recovery-codes',
    cookies: cookiesOf(shown, cookies),
  });
  assert.equal(again.statusCode, 303, 'recovery codes are shown once');
  return { secret, codes };
}

test('an administrator without a second factor is sent to set one up before anything else', async () => {
  const admin = await signIn(db, 'platform_administrator', undefined, { secondFactor: false });
  const home = await app.inject({ method: 'GET', url: '/', cookies: admin.cookies });
  assert.equal(home.statusCode, 303);
  assert.equal(home.headers.location, '/account/two-factor/set-up');
  await enrol(admin.cookies);
  const after = await app.inject({ method: 'GET', url: '/', cookies: admin.cookies });
  assert.equal(after.statusCode, 200);
});

test('a trustee may use Tandem without a second factor, and may turn one on', async () => {
  const trustee = await signIn(db, 'trustee');
  assert.equal((await app.inject({ method: 'GET', url: '/', cookies: trustee.cookies })).statusCode, 200);
  await enrol(trustee.cookies);
});

test('with a second factor, signing in takes the password then a code, and recovery codes work once', async () => {
  const person = await createPerson(db, { passwordHash: await hashPassword(PASSWORD) });
  const { secret, codes } = await enrol((await signInAs(person.email)).cookies);

  const passwordStep = await post(app, '/sign-in', '/sign-in', {}, { email: person.email, password: PASSWORD });
  assert.equal(passwordStep.statusCode, 303);
  assert.equal(passwordStep.headers.location, '/sign-in/verify');
  assert.equal(
    passwordStep.cookies.find((c) => c.name === SESSION_COOKIE),
    undefined,
    'no session yet',
  );
  const pending = cookiesOf(passwordStep);

  const wrong = await post(app, '/sign-in/verify', '/sign-in/verify', pending, { code: '123456' });
  assert.equal(wrong.statusCode, 400);
  const spent = await post(app, '/sign-in/verify', '/sign-in/verify', pending, { code: currentCode(secret) });
  assert.equal(spent.statusCode, 400, 'the code that confirmed the set-up does not sign in');
  // The app's next code: one step of drift is allowed.
  const next = currentCode(secret, new Date(Date.now() + 30_000));
  const right = await post(app, '/sign-in/verify', '/sign-in/verify', pending, { code: next });
  assert.equal(right.statusCode, 303);
  assert.ok(right.cookies.find((c) => c.name === SESSION_COOKIE)?.value, 'signed in');
  const again = await post(app, '/sign-in/verify', '/sign-in/verify', pending, { code: next });
  assert.equal(again.statusCode, 400, 'a code signs in once');

  const recovery = codes[0] ?? '';
  assert.equal((await post(app, '/sign-in/verify', '/sign-in/verify', pending, { code: recovery })).statusCode, 303);
  assert.equal(
    (await post(app, '/sign-in/verify', '/sign-in/verify', pending, { code: recovery })).statusCode,
    400,
    'used once',
  );
});

test('the code step cannot be reached without the password step, nor with a forged cookie', async () => {
  assert.equal((await app.inject({ method: 'GET', url: '/sign-in/verify' })).statusCode, 303);
  const forged = await app.inject({
    method: 'GET',
    url: '/sign-in/verify',
    cookies: { tandem_mfa_pending: 'someone.99999999999999' },
  });
  assert.equal(forged.statusCode, 303);
  assert.equal(forged.headers.location, '/sign-in');
});

/** Signs a person in through the password form (no second factor yet). */
async function signInAs(email: string) {
  const response = await post(app, '/sign-in', '/sign-in', {}, { email, password: PASSWORD });
  assert.equal(response.statusCode, 303);
  return { cookies: cookiesOf(response) };
}
