import { testAgainstFixtures } from '../../../../test/support/govuk-fixtures.ts';
import { Breadcrumbs, type BreadcrumbsProps } from './breadcrumbs.tsx';

testAgainstFixtures('breadcrumbs', (options) => <Breadcrumbs {...(options as unknown as BreadcrumbsProps)} />);
