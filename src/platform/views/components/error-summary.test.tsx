import { testAgainstFixtures } from '../../../../test/support/govuk-fixtures.ts';
import { ErrorSummary, type ErrorSummaryProps } from './error-summary.tsx';

testAgainstFixtures('error-summary', (options) => <ErrorSummary {...(options as ErrorSummaryProps)} />);
