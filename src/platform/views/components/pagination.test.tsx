import { testAgainstFixtures } from '../../../../test/support/govuk-fixtures.ts';
import { Pagination, type PaginationProps } from './pagination.tsx';

testAgainstFixtures('pagination', (options) => <Pagination {...(options as PaginationProps)} />);
