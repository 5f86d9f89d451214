import { testAgainstFixtures } from '../../../../test/support/govuk-fixtures.ts';
import { Checkboxes, type CheckboxesProps } from './checkboxes.tsx';

testAgainstFixtures('checkboxes', (options) => <Checkboxes {...(options as unknown as CheckboxesProps)} />);
