import { testAgainstFixtures } from '../../../../test/support/govuk-fixtures.ts';
import { Label, type LabelProps } from './label.tsx';

testAgainstFixtures('label', (options) => <Label {...(options as LabelProps)} />);
