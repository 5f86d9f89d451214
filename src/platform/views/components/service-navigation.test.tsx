import { testAgainstFixtures } from '../../../../test/support/govuk-fixtures.ts';
import { ServiceNavigation, type ServiceNavigationProps } from './service-navigation.tsx';

testAgainstFixtures('service-navigation', (options) => <ServiceNavigation {...(options as ServiceNavigationProps)} />);
