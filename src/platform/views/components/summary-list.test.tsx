import { testAgainstFixtures } from '../../../../test/support/govuk-fixtures.ts';
import { SummaryList, type SummaryListProps } from './summary-list.tsx';

testAgainstFixtures('summary-list', (options) => <SummaryList {...(options as unknown as SummaryListProps)} />);
