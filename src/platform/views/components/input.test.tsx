import { testAgainstFixtures } from '../../../../test/support/govuk-fixtures.ts';
import { Input, type InputProps } from './input.tsx';

testAgainstFixtures('input', (options) => <Input {...(options as InputProps)} />);
