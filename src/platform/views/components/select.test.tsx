import { testAgainstFixtures } from '../../../../test/support/govuk-fixtures.ts';
import { Select, type SelectProps } from './select.tsx';

testAgainstFixtures('select', (options) => <Select {...(options as unknown as SelectProps)} />);
