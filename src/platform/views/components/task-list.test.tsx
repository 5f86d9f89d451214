import { testAgainstFixtures } from '../../../../test/support/govuk-fixtures.ts';
import { TaskList, type TaskListProps } from './task-list.tsx';

testAgainstFixtures('task-list', (options) => <TaskList {...(options as unknown as TaskListProps)} />);
