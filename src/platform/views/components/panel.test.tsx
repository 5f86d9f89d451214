import { testAgainstFixtures } from '../../../../test/support/govuk-fixtures.ts';
import { Panel, type PanelProps } from './panel.tsx';

testAgainstFixtures('panel', (options) => <Panel {...(options as PanelProps)} />);
