import { testAgainstFixtures } from '../../../../test/support/govuk-fixtures.ts';
import { ErrorMessage, type ErrorMessageProps } from './error-message.tsx';

testAgainstFixtures('error-message', (options) => <ErrorMessage {...(options as ErrorMessageProps)} />);
