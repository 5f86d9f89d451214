import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { expectNoAxeViolations, launchBrowser, newContext, saveScreenshot } from './browser.ts';
import { signInPerson, startServer, type TestServer } from './server.ts';

/**
 * What every keyboard journey needs: a browser, the app, and the checks made on each page it
 * arrives at. Start one at the top level of a test file, so that both are closed when it ends.
 */
export interface Journey {
  browser: Browser;
  server: TestServer;
  db: TestServer['db'];
  /** The page is the one expected, and nothing on it fails WCAG 2.2 AA; its screenshot is kept. */
  arriveAt(page: Page, heading: string | RegExp, label: string): Promise<void>;
  /** How many pages axe has scanned so far. */
  scanned(): number;
  /** A new browser for one person, signed in, closed when the test `t` ends. */
  browserFor(t: { after: (fn: () => Promise<void>) => void }, person: { id: string }): Promise<Page>;
}

/** `name` prefixes the journey's screenshots: "plan-journey--sharing-shared.png". */
export async function startJourney(name: string): Promise<Journey> {
  const browser = await launchBrowser();
  const server = await startServer();
  let scanned = 0;
  return {
    browser,
    server,
    db: server.db,
    async arriveAt(page, heading, label) {
      const h1 = (await page.locator('h1').innerText()).trim();
      if (typeof heading === 'string') assert.equal(h1, heading, `${label}: heading`);
      else assert.match(h1, heading, `${label}: heading`);
      await expectNoAxeViolations(page, label);
      scanned += 1;
      await saveScreenshot(page, `${name}--${label}`);
    },
    scanned: () => scanned,
    async browserFor(t, person) {
      const context = await newContext(browser, server.baseUrl);
      t.after(() => context.close());
      await signInPerson(context, server, person.id);
      return context.newPage();
    },
  };
}

/** The text of the page's notification banner ("Plan shared."). */
export async function banner(page: Page): Promise<string> {
  return page.locator('.govuk-notification-banner').innerText();
}

/** The text of the page's main content. */
export async function mainText(page: Page): Promise<string> {
  return page.locator('main').innerText();
}
