import { testAgainstFixtures } from '../../../../test/support/govuk-fixtures.ts';
import { SkipLink, type SkipLinkProps } from './skip-link.tsx';

testAgainstFixtures('skip-link', (options) => <SkipLink {...(options as SkipLinkProps)} />);
