import assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';

/**
 * What a keyboard user does in the browser journeys: focus a control and press a key, type into
 * a labelled field, tick a box, follow a link, send a form, and wait for the page that comes back.
 */

/** Where a label is looked for: the whole page, or one part of it (a form, a fieldset). */
export type Scope = Page | Locator;

/** Moves keyboard focus to the control and presses a key, the way a keyboard user acts on it. */
export async function press(page: Page, target: Locator, key: 'Enter' | 'Space'): Promise<void> {
  await target.focus();
  await page.keyboard.press(key);
}

/** A link by its text; links styled as buttons (govuk-button with href) have the role of a button. */
export function linkNamed(page: Page, name: string | RegExp): Locator {
  return page
    .getByRole('link', { name, exact: true })
    .or(page.locator('a[role="button"]').getByText(name, { exact: true }))
    .first();
}

/** Follows a link by keyboard and waits for the page it leads to. */
export async function follow(page: Page, name: string | RegExp): Promise<void> {
  await Promise.all([page.waitForEvent('load'), press(page, linkNamed(page, name), 'Enter')]);
}

/** Sends the form by keyboard from its button and waits for the page that comes back. */
export async function send(page: Page, button: string | RegExp, scope: Scope = page): Promise<void> {
  const target = scope.getByRole('button', { name: button, exact: true });
  await Promise.all([page.waitForEvent('load'), press(page, target, 'Enter')]);
}

export async function typeInto(page: Page, label: string | RegExp, text: string, scope: Scope = page): Promise<void> {
  await scope.getByLabel(label, { exact: true }).focus();
  await page.keyboard.type(text);
}

/** Chooses a radio or ticks a checkbox by keyboard. */
export async function tick(page: Page, label: string | RegExp, scope: Scope = page): Promise<void> {
  await scope.getByLabel(label, { exact: true }).focus();
  await page.keyboard.press('Space');
}

/** A GOV.UK date input, found by its legend, typed box by box (with the hour and minute when given). */
export async function typeDate(page: Page, legend: string, parts: string[]): Promise<void> {
  const group = page.getByRole('group', { name: legend, exact: true });
  for (const [index, label] of ['Day', 'Month', 'Year', 'Hour', 'Minute'].entries()) {
    const part = parts[index];
    if (part !== undefined) await typeInto(page, label, part, group);
  }
}

/** Chooses an option of a select by typing the start of its text, as a keyboard user does. */
export async function choose(page: Page, label: string, option: string): Promise<void> {
  const select = page.getByLabel(label, { exact: true });
  await select.focus();
  await page.keyboard.type(option);
  const chosen = await select.evaluate((element: HTMLSelectElement) => element.selectedOptions[0]?.text ?? '');
  assert.equal(chosen, option, `${label}: the option typed is the one chosen`);
}
