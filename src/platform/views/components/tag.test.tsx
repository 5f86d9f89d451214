import { testAgainstFixtures } from '../../../../test/support/govuk-fixtures.ts';
import { Tag, type TagProps } from './tag.tsx';

testAgainstFixtures('tag', (options) => <Tag {...(options as TagProps)} />);
