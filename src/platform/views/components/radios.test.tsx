import { testAgainstFixtures } from '../../../../test/support/govuk-fixtures.ts';
import { Radios, type RadiosProps } from './radios.tsx';

testAgainstFixtures('radios', (options) => <Radios {...(options as unknown as RadiosProps)} />);
