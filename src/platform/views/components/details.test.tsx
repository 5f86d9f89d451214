import { testAgainstFixtures } from '../../../../test/support/govuk-fixtures.ts';
import { Details, type DetailsProps } from './details.tsx';

testAgainstFixtures('details', (options) => <Details {...(options as DetailsProps)} />);
