/**
 * The pages behind emailed links, opened as the recipient would: accepting an invitation
 * and choosing a new password. Each has no axe violation; each finishes signed in or ready to.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { desc, eq } from 'drizzle-orm';
import { outboxMessages } from '../src/platform/mail/mail.tables.ts';
import { createOrganisation, createPerson } from '../test/support/factories.ts';
import { expectNoAxeViolations, launchBrowser, newContext, saveScreenshot } from './support/browser.ts';
import { signInContext, startServer } from './support/server.ts';

const browser = await launchBrowser();
const server = await startServer();

async function linkSentTo(to: string, prefix: string): Promise<string> {
  const [message] = await server.db
    .select()
    .from(outboxMessages)
    .where(eq(outboxMessages.to, to))
    .orderBy(desc(outboxMessages.createdAt))
    .limit(1);
  const link = new RegExp(`http://[^/]+(${prefix}[A-Za-z0-9_-]{43})`).exec(message?.text ?? '')?.[1];
  assert.ok(link, `an email to ${to}`);
  return link;
}

test('an administrator invites someone, who accepts and chooses a password', { timeout: 90_000 }, async (t) => {
  const trust = await createOrganisation(server.db, { name: 'Hillside Trust' });
  const adminContext = await newContext(browser, server.baseUrl);
  t.after(() => adminContext.close());
  await signInContext(adminContext, server, 'platform_administrator');
  const admin = await adminContext.newPage();
  await admin.goto(`/organisations/${trust.id}/invitations/new`);
  await expectNoAxeViolations(admin, 'invite');
  await admin.locator('#displayName').fill('Ira Invitee');
  await admin.locator('#email').fill('ira@example.test');
  await admin.locator('input[name="role"][value="senior_leader"]').check();
  await Promise.all([admin.waitForEvent('load'), admin.locator('main form button[type="submit"]').click()]);

  const link = await linkSentTo('ira@example.test', '/invitations/');
  const context = await newContext(browser, server.baseUrl);
  t.after(() => context.close());
  const page = await context.newPage();
  await page.goto(link);
  assert.equal(await page.locator('h1').innerText(), 'Join Hillside Trust on Tandem');
  await expectNoAxeViolations(page, 'accept invitation');
  await saveScreenshot(page, 'invitation--accept');
  await page.locator('#password').fill('a perfectly fine passphrase');
  await Promise.all([page.waitForURL(`${server.baseUrl}/`), page.locator('main form button[type="submit"]').click()]);
  assert.equal(await page.locator('h1').innerText(), 'Welcome, Ira Invitee');
});

test('a person resets a forgotten password from the emailed link', { timeout: 90_000 }, async (t) => {
  const person = await createPerson(server.db, { email: 'rowan@example.test' });
  const context = await newContext(browser, server.baseUrl);
  t.after(() => context.close());
  const page = await context.newPage();
  await page.goto('/sign-in');
  await Promise.all([page.waitForURL(/\/password-reset$/), page.getByText('Forgotten your password?').click()]);
  await page.locator('#email').fill(person.email);
  await Promise.all([
    page.waitForURL(/\/password-reset\/sent$/),
    page.locator('main form button[type="submit"]').click(),
  ]);
  await expectNoAxeViolations(page, 'reset sent');

  await page.goto(await linkSentTo(person.email, '/password-reset/'));
  assert.equal(await page.locator('h1').innerText(), 'Choose a new password');
  await expectNoAxeViolations(page, 'choose a new password');
  await page.locator('#password').fill('short');
  await Promise.all([page.waitForEvent('load'), page.locator('main form button[type="submit"]').click()]);
  assert.match(await page.title(), /^Error: /);
  await expectNoAxeViolations(page, 'choose a new password with errors');
  await saveScreenshot(page, 'password-reset--errors');
  await page.locator('#password').fill('a new and better passphrase');
  await Promise.all([page.waitForURL(/\/sign-in\?reset=1$/), page.locator('main form button[type="submit"]').click()]);
});
