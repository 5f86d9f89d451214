/**
 * Signing in as a person does it: by keyboard only, with a password and then a code from
 * an authenticator app, and signing out again. Every page on the way has no axe violation.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eq } from 'drizzle-orm';
import { currentCode } from '../src/modules/people/mfa.service.ts';
import { hashPassword } from '../src/modules/people/passwords.ts';
import { people } from '../src/modules/people/people.tables.ts';
import { secondFactorKey } from '../src/modules/people/index.ts';
import { seal } from '../src/platform/crypto/secret-box.ts';
import { loadConfig } from '../src/config.ts';
import { createPerson } from '../test/support/factories.ts';
import { expectNoAxeViolations, launchBrowser, newContext, saveScreenshot } from './support/browser.ts';
import { signInContext, startServer } from './support/server.ts';

const browser = await launchBrowser();
const server = await startServer();
const PASSWORD = 'a perfectly fine passphrase';
const TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

test('a person signs in with password and code, by keyboard only, and signs out', { timeout: 90_000 }, async (t) => {
  const person = await createPerson(server.db, { passwordHash: await hashPassword(PASSWORD) });
  // Two-factor already on, as if set up earlier: sealed with the key the test app derives.
  const key = secondFactorKey(loadConfig({ NODE_ENV: 'test' }).sessionSecret);
  await server.db
    .update(people)
    .set({ mfaSecret: seal(TOTP_SECRET, key), mfaEnabledAt: new Date() })
    .where(eq(people.id, person.id));

  const context = await newContext(browser, server.baseUrl);
  t.after(() => context.close());
  const page = await context.newPage();
  await page.goto(`${server.baseUrl}/sign-in`);
  await expectNoAxeViolations(page, 'sign-in');

  await page.keyboard.press('Tab'); // skip link
  await page.keyboard.press('Tab'); // service name
  await page.keyboard.press('Tab'); // header "Sign in" link
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'email');
  await page.keyboard.type(person.email);
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'password');
  await page.keyboard.type(PASSWORD);
  await Promise.all([page.waitForURL(/\/sign-in\/verify$/), page.keyboard.press('Enter')]);
  assert.equal(await page.locator('h1').innerText(), 'Enter the code from your authenticator app');
  await expectNoAxeViolations(page, 'second factor');
  await saveScreenshot(page, 'sign-in--code');

  await page.locator('#code').focus();
  await page.keyboard.type(currentCode(TOTP_SECRET));
  await Promise.all([page.waitForURL(`${server.baseUrl}/`), page.keyboard.press('Enter')]);
  assert.equal(await page.locator('h1').innerText(), `Welcome, ${person.displayName}`);

  await page.locator('button.tandem-header__sign-out').focus();
  await Promise.all([page.waitForURL(/\/sign-in$/), page.keyboard.press('Enter')]);
  assert.equal(await page.locator('h1').innerText(), 'Sign in to Tandem');
  await page.goto(`${server.baseUrl}/account`);
  assert.match(page.url(), /\/sign-in\?returnTo=%2Faccount$/, 'signed out for real');
});

test('a wrong password shows the error summary, focused, with no axe violation', { timeout: 60_000 }, async (t) => {
  const context = await newContext(browser, server.baseUrl);
  t.after(() => context.close());
  const page = await context.newPage();
  await page.goto(`${server.baseUrl}/sign-in`);
  await page.locator('#email').fill('someone@example.test');
  await page.locator('#password').fill('not the password at all');
  await Promise.all([page.waitForEvent('load'), page.keyboard.press('Enter')]);
  assert.match(await page.title(), /^Error: Sign in – Tandem$/);
  assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('govuk-error-summary')), true);
  await expectNoAxeViolations(page, 'sign-in with errors');
  await saveScreenshot(page, 'sign-in--errors');
});

test('25 idle minutes bring a warning that keeps the session going when asked', { timeout: 60_000 }, async (t) => {
  const context = await newContext(browser, server.baseUrl);
  t.after(() => context.close());
  await signInContext(context, server, 'trustee');
  const page = await context.newPage();
  await page.clock.install();
  await page.goto('/');
  await page.clock.fastForward('25:01');
  const warning = page.locator('#session-timeout-warning');
  await warning.waitFor();
  assert.match(await warning.innerText(), /You will be signed out in 5 minutes/);
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Stay signed in');
  await expectNoAxeViolations(page, 'idle-timeout warning');
  await saveScreenshot(page, 'session-timeout-warning');
  const kept = page.waitForResponse((response) => response.url().endsWith('/account/keep-alive'));
  await page.keyboard.press('Enter');
  assert.equal((await kept).status(), 204);
  await warning.waitFor({ state: 'detached' });
  assert.equal(new URL(page.url()).pathname, '/', 'still on the page, still signed in');
});
