import { testAgainstFixtures } from '../../../../test/support/govuk-fixtures.ts';
import { WarningText, type WarningTextProps } from './warning-text.tsx';

testAgainstFixtures('warning-text', (options) => <WarningText {...(options as WarningTextProps)} />);
