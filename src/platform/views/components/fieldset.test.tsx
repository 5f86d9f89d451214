import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normaliseHtml } from '../../../../test/support/html.ts';
import { testAgainstFixtures } from '../../../../test/support/govuk-fixtures.ts';
import { renderHtml } from '../render.ts';
import { Fieldset, type FieldsetProps } from './fieldset.tsx';

testAgainstFixtures('fieldset', (options) => <Fieldset {...(options as FieldsetProps)} />);

// The fixtures cannot exercise the macro's `caller` block; children stand in for it.
test('fieldset renders children in place of a caller block, ahead of html', () => {
  const html = renderHtml(
    <Fieldset legend={{ text: 'Which?' }} html="<p>ignored</p>">
      <p>Called</p>
    </Fieldset>,
  );
  assert.equal(
    normaliseHtml(html),
    normaliseHtml(
      '<fieldset class="govuk-fieldset"><legend class="govuk-fieldset__legend">Which?</legend><p>Called</p></fieldset>',
    ),
  );
});
