import { testAgainstFixtures } from '../../../../test/support/govuk-fixtures.ts';
import { Button, type ButtonProps } from './button.tsx';

testAgainstFixtures('button', (options) => <Button {...(options as ButtonProps)} />);
