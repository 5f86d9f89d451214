import { testAgainstFixtures } from '../../../../test/support/govuk-fixtures.ts';
import { DateInput, type DateInputProps } from './date-input.tsx';

testAgainstFixtures('date-input', (options) => <DateInput {...(options as unknown as DateInputProps)} />);
