import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { VNode } from 'preact';
import { renderHtml } from '../../src/platform/views/render.ts';
import { normaliseHtml } from './html.ts';

export interface GovukFixture {
  name: string;
  options: Record<string, unknown>;
  html: string;
  hidden: boolean;
}

const require = createRequire(import.meta.url);
const componentsDir = join(dirname(require.resolve('govuk-frontend/package.json')), 'dist/govuk/components');

export function loadFixtures(component: string): GovukFixture[] {
  const file = join(componentsDir, component, 'fixtures.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { fixtures: GovukFixture[] }).fixtures;
}

/**
 * Registers one test per fixture in govuk-frontend's fixtures.json for `component`:
 * our JSX, given the fixture's macro options, must produce the same HTML as the
 * Nunjucks macro did, after normalising whitespace and attribute order.
 */
export function testAgainstFixtures(
  component: string,
  renderComponent: (options: Record<string, unknown>) => VNode,
): void {
  const fixtures = loadFixtures(component);
  assert.ok(fixtures.length > 0, `no fixtures found for ${component}`);
  for (const fixture of fixtures) {
    test(`${component} matches govuk-frontend fixture "${fixture.name}"`, () => {
      const actual = normaliseHtml(renderHtml(renderComponent(fixture.options)));
      assert.equal(actual, normaliseHtml(fixture.html));
    });
  }
}
