import { testAgainstFixtures } from '../../../../test/support/govuk-fixtures.ts';
import { BackLink, type BackLinkProps } from './back-link.tsx';

testAgainstFixtures('back-link', (options) => <BackLink {...(options as BackLinkProps)} />);
