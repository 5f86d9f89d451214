import { testAgainstFixtures } from '../../../../test/support/govuk-fixtures.ts';
import { Textarea, type TextareaProps } from './textarea.tsx';

testAgainstFixtures('textarea', (options) => <Textarea {...(options as TextareaProps)} />);
