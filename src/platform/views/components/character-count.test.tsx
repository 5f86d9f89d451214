import { testAgainstFixtures } from '../../../../test/support/govuk-fixtures.ts';
import { CharacterCount, type CharacterCountProps } from './character-count.tsx';

testAgainstFixtures('character-count', (options) => <CharacterCount {...(options as CharacterCountProps)} />);
