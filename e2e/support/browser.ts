import assert from 'node:assert/strict';
import { accessSync, constants, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after } from 'node:test';
import { fileURLToPath } from 'node:url';
import axe from 'axe-core';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';

/** Debian's chromium, never a downloaded one: the suite must run offline on a plain server. */
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

const root = fileURLToPath(new URL('../..', import.meta.url));
export const screenshotDir = join(root, 'test-results', 'screenshots');

/** The WCAG levels Tandem promises (2.2 AA), as axe-core tags them. */
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const AXE_TIMEOUT_MS = 30_000;

/** Long enough for a slow CI machine, short enough that a stuck page fails the test, not the build's patience. */
const ACTION_TIMEOUT_MS = 15_000;

/**
 * One browser for the test file, closed when the file ends (when called at its top level).
 * A missing chromium is a failure, not a skip: a suite that silently skips proves nothing.
 */
export async function launchBrowser(): Promise<Browser> {
  try {
    accessSync(CHROMIUM_PATH, constants.X_OK);
  } catch {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}. Install Debian's package with \`apt-get install -y chromium\` ` +
        '(or set CHROMIUM_PATH to a chromium binary). Do not use `npx playwright install`.',
    );
  }
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  after(() => browser.close());
  return browser;
}

/**
 * A fresh context (own cookies, own storage) for each scenario, so one test's session
 * never leaks into the next. The app's CSP stays enforced (no `bypassCSP`): a script or
 * stylesheet the policy would block in production must fail here too.
 */
export async function newContext(
  browser: Browser,
  baseURL: string,
  options: BrowserContextOptions = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 800 }, ...options });
  context.setDefaultTimeout(ACTION_TIMEOUT_MS);
  return context;
}

interface AxeViolationSummary {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/**
 * Runs axe-core on the page as it stands and fails with every violation listed.
 * axe's source goes in through `page.evaluate`, which the DevTools protocol runs outside
 * the page's CSP; `addScriptTag` would add an inline script the CSP (rightly) blocks,
 * and `bypassCSP` would stop us noticing real CSP breakage.
 */
export async function expectNoAxeViolations(page: Page, label: string): Promise<void> {
  const injected = await page.evaluate(`${axe.source}\n;typeof window.axe === 'object'`);
  assert.equal(injected, true, `${label}: axe-core did not load into the page`);
  const running = page.evaluate(async (tags: string[]): Promise<AxeViolationSummary[]> => {
    // axe is a page global once injected; its type is the module's.
    const pageAxe = (window as unknown as { axe: typeof axe }).axe;
    const results = await pageAxe.run(document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations'],
    });
    return results.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact ?? null,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.map(String).join(' ')),
    }));
  }, AXE_TAGS);
  // axe waits on the page's own timers, which never fire where JavaScript is disabled:
  // fail with the reason rather than hang the file.
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new Error(
            `${label}: axe-core did not finish in ${AXE_TIMEOUT_MS} ms (is JavaScript disabled in this context?)`,
          ),
        ),
      AXE_TIMEOUT_MS,
    );
  });
  const violations = await Promise.race([running, timeout]).finally(() => clearTimeout(timer));
  const report = violations
    .map((v) => `  - ${v.id} (${v.impact ?? 'no impact'}): ${v.help}\n      ${v.targets.join('\n      ')}`)
    .join('\n');
  if (violations.length > 0) assert.fail(`${label}: ${violations.length} accessibility violation(s)\n${report}`);
}

/** A full-page PNG for people to look at (test-results/ is gitignored). */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(screenshotDir, { recursive: true });
  const path = join(screenshotDir, `${name.replace(/[^a-z0-9_-]+/gi, '-').replace(/^-|-$/g, '')}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/**
 * Collects what the console says went wrong: uncaught script errors and CSP refusals.
 * Chrome also logs "Failed to load resource" for an error page's own status, which is
 * expected on a 404 page, so only those for sub-resources (assets) count.
 */
export function watchForPageProblems(page: Page): () => string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`script error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text()))
      problems.push(`CSP: ${message.text()}`);
  });
  page.on('requestfailed', (request) =>
    problems.push(`request failed: ${request.url()} (${request.failure()?.errorText ?? '?'})`),
  );
  page.on('response', (response) => {
    if (response.request().resourceType() !== 'document' && response.status() >= 400) {
      problems.push(`${response.status()} for ${response.url()}`);
    }
  });
  return () => [...problems];
}

/**
 * Styles that only the compiled stylesheet gives: proof the page is styled, not bare HTML.
 * The font is read from the h1: govuk-frontend sets fonts on its typography classes, not
 * on <body>, so body's own computed font stays the browser default even when styled.
 */
export async function expectStyled(page: Page, label: string): Promise<void> {
  const styles = await page.evaluate(() => {
    const header = document.querySelector('.govuk-header');
    return {
      headingFont: getComputedStyle(document.querySelector('h1') ?? document.body).fontFamily,
      headerBackground: header ? getComputedStyle(header).backgroundColor : null,
      widthContainerMaxWidth: getComputedStyle(document.querySelector('.govuk-width-container') ?? document.body)
        .maxWidth,
    };
  });
  assert.match(
    styles.headingFont,
    /system-ui/,
    `${label}: h1 font is ${styles.headingFont}, the stylesheet did not load`,
  );
  assert.ok(styles.headerBackground, `${label}: the page has no header`);
  assert.notEqual(styles.headerBackground, 'rgba(0, 0, 0, 0)', `${label}: the header has no background`);
  assert.equal(styles.headerBackground, 'rgb(29, 79, 92)', `${label}: the header is not in Tandem's brand colour`);
  assert.equal(styles.widthContainerMaxWidth, '960px', `${label}: govuk layout styles are missing`);
}
