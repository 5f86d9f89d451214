import { testAgainstFixtures } from '../../../../test/support/govuk-fixtures.ts';
import { Hint, type HintProps } from './hint.tsx';

testAgainstFixtures('hint', (options) => <Hint {...(options as HintProps)} />);
