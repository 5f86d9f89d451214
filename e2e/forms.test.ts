/**
 * The platform's form handling as a person meets it: by keyboard only, with and without
 * JavaScript, on the test-only contact form (test/support/form-fixture.tsx).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page, Response } from 'playwright-core';
import { submittedContacts } from '../test/support/form-fixture.tsx';
import { expectNoAxeViolations, expectStyled, launchBrowser, newContext, saveScreenshot } from './support/browser.ts';
import { startServer } from './support/server.ts';

const FORM = '/test/contact';
/** A stuck page fails its test instead of hanging the run. */
const TEST_TIMEOUT_MS = 60_000;

const browser = await launchBrowser();
const server = await startServer();

interface Focused {
  tag: string;
  id: string;
  text: string;
  href: string | null;
  classes: string;
}

/** What has keyboard focus, described well enough to assert on and to read in a failure. */
async function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const element = document.activeElement;
    return {
      tag: element?.tagName.toLowerCase() ?? 'none',
      id: element?.id ?? '',
      text: element instanceof HTMLElement ? element.innerText.trim() : '',
      href: element?.getAttribute('href') ?? null,
      classes: element?.className ?? '',
    };
  });
}

function describe(element: Focused): string {
  return element.id ? `${element.tag}#${element.id}` : `${element.tag} "${element.text}"`;
}

/**
 * Sends the form by `act` (a key press) and waits for what the browser got back to load:
 * returns the POST's own response, so a redirect's 303 can be checked, not only where it led.
 */
async function submitBy(page: Page, act: () => Promise<void>): Promise<Response> {
  const posted = page.waitForResponse(
    (response) => response.request().method() === 'POST' && new URL(response.url()).pathname === FORM,
  );
  const loaded = page.waitForEvent('load');
  await act();
  const response = await posted;
  await loaded;
  return response;
}

async function pressTab(page: Page): Promise<Focused> {
  await page.keyboard.press('Tab');
  return focused(page);
}

test(
  'the skip link is the first thing Tab reaches, shows itself, and jumps to the main content',
  { timeout: TEST_TIMEOUT_MS },
  async () => {
    const context = await newContext(browser, server.baseUrl);
    try {
      const page = await context.newPage();
      await page.goto(FORM);
      const first = await pressTab(page);
      assert.equal(first.tag, 'a', `first focus: ${describe(first)}`);
      assert.match(first.classes, /govuk-skip-link/);
      assert.equal(first.href, '#main-content');
      assert.equal(await page.locator('#main-content').count(), 1, 'the skip link target exists');
      // Visually hidden until focused: a sighted keyboard user must be able to see it.
      const box = await page.locator('.govuk-skip-link').boundingBox();
      assert.ok(box && box.height > 10 && box.width > 50, `focused skip link is visible: ${JSON.stringify(box)}`);

      await page.keyboard.press('Enter');
      // govuk-frontend's skip link moves focus to <main> (it is not focusable by itself).
      await page.waitForFunction(() => document.activeElement?.id === 'main-content');
      assert.equal(new URL(page.url()).hash, '#main-content');
    } finally {
      await context.close();
    }
  },
);

test(
  'by keyboard only: an empty form shows its errors, then the corrected form saves',
  { timeout: TEST_TIMEOUT_MS },
  async () => {
    const context = await newContext(browser, server.baseUrl);
    try {
      const page = await context.newPage();
      await page.goto(FORM);

      // Focus order follows the page: skip link, header, then the form fields in order.
      const order: string[] = [];
      for (let presses = 0; presses < 10; presses += 1) {
        const element = await pressTab(page);
        order.push(describe(element));
        if (element.tag === 'button') break;
      }
      assert.deepEqual(order, [
        'a "Skip to main content"',
        'a "Tandem"',
        'a "Sign in"',
        'input#name',
        'input#email',
        'button "Save"',
      ]);

      const invalid = await submitBy(page, () => page.keyboard.press('Enter'));
      assert.equal(invalid.status(), 400);
      assert.equal(await page.title(), 'Error: Contact details – Tandem');
      // govuk-frontend's error summary takes focus so screen readers announce the problems.
      await page.waitForFunction(() => document.activeElement?.classList.contains('govuk-error-summary') ?? false);
      const links = await page.locator('.govuk-error-summary__list a').allInnerTexts();
      assert.deepEqual(links, ['Enter your full name', 'Enter your email address']);
      assert.equal(await page.locator('.govuk-error-message').count(), 2);
      await expectStyled(page, 'contact form with errors');
      await expectNoAxeViolations(page, 'contact form with errors');
      await saveScreenshot(page, 'contact-form--errors');

      // The first error's link leads to its field.
      const errorLink = await pressTab(page);
      assert.equal(errorLink.href, '#name', `after the summary: ${describe(errorLink)}`);
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.activeElement?.id === 'name');
      await page.keyboard.type('Ada Lovelace');
      assert.equal((await pressTab(page)).id, 'email');
      await page.keyboard.type('ada@example.test');
      assert.equal(describe(await pressTab(page)), 'button "Save"');

      const saved = await submitBy(page, () => page.keyboard.press('Enter'));
      assert.equal(saved.status(), 303);
      assert.equal(saved.headers().location, FORM);
      assert.equal(new URL(page.url()).pathname, FORM);
      assert.equal(await page.title(), 'Contact details – Tandem');
      assert.equal(await page.locator('.govuk-error-summary').count(), 0);
      assert.deepEqual(submittedContacts.at(-1), { name: 'Ada Lovelace', email: 'ada@example.test' });
      await expectNoAxeViolations(page, 'contact form after saving');
    } finally {
      await context.close();
    }
  },
);

test('without JavaScript the same form submits, shows its errors and saves', { timeout: TEST_TIMEOUT_MS }, async () => {
  const context = await newContext(browser, server.baseUrl, { javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    await page.goto(FORM);
    // The inline script that marks the page as enhanced did not run: JavaScript really is off.
    assert.equal(await page.locator('body.js-enabled').count(), 0);
    await expectStyled(page, 'contact form without JavaScript');

    await page.locator('#name').focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    const invalid = await submitBy(page, () => page.keyboard.press('Enter'));
    assert.equal(invalid.status(), 400);
    assert.equal(await page.title(), 'Error: Contact details – Tandem');
    assert.ok(await page.locator('.govuk-error-summary').isVisible(), 'the error summary shows');
    assert.deepEqual(await page.locator('.govuk-error-message').allInnerTexts(), [
      'Error:\nEnter your full name',
      'Error:\nEnter your email address',
    ]);
    // No axe run here: axe needs the page's timers, which do not run without JavaScript. The
    // markup is the server's, identical to the error state checked with JavaScript on above.
    await saveScreenshot(page, 'contact-form--errors-no-js');

    await page.locator('#name').fill('Grace Hopper');
    await page.locator('#email').fill('grace@example.test');
    const saved = await submitBy(page, () => page.locator('#email').press('Enter'));
    assert.equal(saved.status(), 303);
    assert.equal(await page.title(), 'Contact details – Tandem');
    assert.deepEqual(submittedContacts.at(-1), { name: 'Grace Hopper', email: 'grace@example.test' });
  } finally {
    await context.close();
  }
});

test(
  'a form sent after its cookies are gone is the 403 page in house style, not a crash',
  { timeout: TEST_TIMEOUT_MS },
  async () => {
    const context = await newContext(browser, server.baseUrl);
    try {
      const page = await context.newPage();
      await page.goto(FORM);
      await page.locator('#name').fill('Someone');
      // As if the browser had been closed and reopened: the CSRF cookie no longer matches the token.
      await context.clearCookies();
      const refused = await submitBy(page, () => page.locator('#name').press('Enter'));
      assert.equal(refused.status(), 403);
      assert.equal(await page.title(), 'You do not have permission to do that – Tandem');
      assert.equal(await page.locator('h1').innerText(), 'You do not have permission to do that');
      await expectNoAxeViolations(page, 'expired form');
      await saveScreenshot(page, 'contact-form--expired');
    } finally {
      await context.close();
    }
  },
);
