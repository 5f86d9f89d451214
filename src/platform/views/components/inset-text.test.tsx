import { testAgainstFixtures } from '../../../../test/support/govuk-fixtures.ts';
import { InsetText, type InsetTextProps } from './inset-text.tsx';

testAgainstFixtures('inset-text', (options) => <InsetText {...(options as InsetTextProps)} />);
