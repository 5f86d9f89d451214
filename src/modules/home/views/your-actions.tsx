import type { VNode } from 'preact';
import { TableHead } from '../../../platform/views/components/table.tsx';
import { Tag } from '../../../platform/views/components/tag.tsx';
import { formatDay } from '../../../platform/views/london-time.ts';
import { planPaths, type HomeAction } from '../../plans/index.ts';

/** How many actions the home page lists; the rest are a link away. */
export const HOME_ACTIONS_SHOWN = 10;

function summary(actions: readonly HomeAction[]): string {
  const overdue = actions.filter((action) => action.overdue).length;
  const soon = actions.length - overdue;
  const parts = [
    overdue > 0 ? `${overdue} ${overdue === 1 ? 'action is' : 'actions are'} overdue` : '',
    soon > 0 ? `${soon} ${soon === 1 ? 'action is' : 'actions are'} due in the next 14 days` : '',
  ].filter(Boolean);
  return `${parts.join(' and ')}.`;
}

/**
 * The viewer's own open actions, overdue first (said in words, not by colour alone), then those
 * due within a fortnight. Nothing at all when they have none.
 */
export function YourActions({ actions }: { actions: readonly HomeAction[] }): VNode | null {
  if (actions.length === 0) return null;
  const shown = actions.slice(0, HOME_ACTIONS_SHOWN);
  return (
    <>
      <h2 class="govuk-heading-m">Your actions</h2>
      <p class="govuk-body">{summary(actions)}</p>
      <table class="govuk-table">
        <caption class="govuk-table__caption govuk-visually-hidden">
          Your actions, overdue first, then by due date
        </caption>
        <TableHead head={[{ text: 'Action' }, { text: 'Plan' }, { text: 'Due' }]} />
        <tbody class="govuk-table__body">
          {shown.map((action) => (
            <tr class="govuk-table__row" key={action.id}>
              <td class="govuk-table__cell">
                <a class="govuk-link" href={planPaths.action(action.planId, action.id)}>
                  {action.title}
                </a>
              </td>
              <td class="govuk-table__cell">{action.planTitle}</td>
              <td class="govuk-table__cell">
                {formatDay(action.dueDate)}
                {action.overdue && (
                  <>
                    {' '}
                    <Tag text="Overdue" classes="govuk-tag--red" />
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {actions.length > shown.length && (
        <p class="govuk-body">
          Showing {shown.length} of {actions.length}.
        </p>
      )}
      <p class="govuk-body">
        <a class="govuk-link" href={planPaths.myActions}>
          All your actions
        </a>
      </p>
    </>
  );
}
