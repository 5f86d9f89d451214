/**
 * Signed out while typing: a person writes a plan's summary for longer than the session lasts (30
 * minutes without a request), presses Create, and is told they were signed out. They sign in again,
 * and send what they typed as it was, by keyboard, with no axe violation on the way.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eq } from 'drizzle-orm';
import { sessions } from '../src/modules/people/people.tables.ts';
import { plans } from '../src/modules/plans/plans.tables.ts';
import { createPersonWithRole } from '../test/support/factories.ts';
import { newContext } from './support/browser.ts';
import { startJourney, mainText } from './support/journey.ts';
import { follow, send, typeDate, typeInto } from './support/keyboard.ts';
import { signInPerson } from './support/server.ts';

const { browser, server, db, arriveAt } = await startJourney('unsent-form');

test('a form sent after the session ended is kept, and sent after signing in again', async (t) => {
  const { person } = await createPersonWithRole(db, 'ceo');
  const context = await newContext(browser, server.baseUrl);
  t.after(() => context.close());
  await signInPerson(context, server, person.id);
  const page = await context.newPage();

  await page.goto('/plans/new');
  await arriveAt(page, 'Create a plan', 'create-plan');
  await page.getByLabel('My own development plan', { exact: true }).check();
  await typeInto(page, 'Title', 'Written over a long lunch');
  await typeDate(page, 'Start date', ['1', '9', '2026']);
  await typeDate(page, 'End date', ['31', '8', '2027']);
  await typeInto(page, 'Summary (optional)', 'First thought.');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Second thought, on its own line.');

  // Forty minutes pass without a request.
  await db
    .update(sessions)
    .set({ lastSeenAt: new Date(Date.now() - 40 * 60_000) })
    .where(eq(sessions.personId, person.id));
  await send(page, 'Create the plan');
  await arriveAt(page, 'You were signed out', 'signed-out');
  assert.match(await mainText(page), /What you typed is kept until/);

  // Signing in again (the sign-in page itself is walked in sign-in.test.ts) leads back here.
  await signInPerson(context, server, person.id);
  await page.goto('/account/unsent-form');
  await arriveAt(page, 'Send what you typed', 'unsent-form');
  await page.locator('summary', { hasText: 'What you typed' }).press('Enter');
  assert.match(await mainText(page), /Second thought, on its own line\./);
  await send(page, 'Send it now');
  await arriveAt(page, /Written over a long lunch/, 'plan-created');
  const [plan] = await db.select().from(plans).where(eq(plans.title, 'Written over a long lunch'));
  assert.equal(plan?.summary?.replace(/\r\n/g, '\n'), 'First thought.\nSecond thought, on its own line.');

  // Once sent, it may be thrown away; then nothing is waiting.
  await page.goto('/account/unsent-form');
  await send(page, 'Throw it away');
  await arriveAt(page, 'Nothing is waiting to be sent', 'nothing-waiting');
  await follow(page, 'Go to your home page');
});
