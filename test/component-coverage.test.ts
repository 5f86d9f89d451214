import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

/** The govuk-frontend components Tandem reproduces; each must be tested against the package's fixtures. */
const components = [
  'back-link',
  'breadcrumbs',
  'button',
  'character-count',
  'checkboxes',
  'date-input',
  'details',
  'error-message',
  'error-summary',
  'fieldset',
  'file-upload',
  'hint',
  'input',
  'inset-text',
  'label',
  'notification-banner',
  'pagination',
  'panel',
  'password-input',
  'radios',
  'select',
  'service-navigation',
  'skip-link',
  'summary-list',
  'table',
  'tag',
  'task-list',
  'textarea',
  'warning-text',
];

test('every component Tandem needs is tested against govuk-frontend fixtures.json', () => {
  for (const name of components) {
    const file = fileURLToPath(new URL(`../src/platform/views/components/${name}.test.tsx`, import.meta.url));
    assert.ok(existsSync(file), `${name} has a test file`);
    assert.match(
      readFileSync(file, 'utf8'),
      new RegExp(`testAgainstFixtures\\('${name}'`),
      `${name} uses its fixtures`,
    );
  }
});
