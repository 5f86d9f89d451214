import { testAgainstFixtures } from '../../../../test/support/govuk-fixtures.ts';
import { Table, type TableProps } from './table.tsx';

testAgainstFixtures('table', (options) => <Table {...(options as unknown as TableProps)} />);
