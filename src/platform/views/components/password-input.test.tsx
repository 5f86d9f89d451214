import { testAgainstFixtures } from '../../../../test/support/govuk-fixtures.ts';
import { PasswordInput, type PasswordInputProps } from './password-input.tsx';

testAgainstFixtures('password-input', (options) => <PasswordInput {...(options as PasswordInputProps)} />);
