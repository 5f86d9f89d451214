import { TableHead } from '../../../platform/views/components/table.tsx';
import type { VNode } from 'preact';
import { formatDay } from '../../../platform/views/london-time.ts';
import { planPaths } from '../plans.paths.ts';
import type { ActionRow } from '../plans.service.ts';
import { ActionStatusTag, OverdueTag, RagTag } from './plan-parts.tsx';

type ListedAction = ActionRow & { overdue: boolean };

/** An action's due date, flagged when it has passed with the action still open. */
export function DueDate({ action }: { action: Pick<ListedAction, 'dueDate' | 'overdue'> }): VNode {
  return (
    <>
      {formatDay(action.dueDate)}
      {action.overdue && (
        <>
          {' '}
          <OverdueTag />
        </>
      )}
    </>
  );
}

/**
 * A priority's actions in the order they can be done, each after the one it waits for
 * (said in words: "After: …").
 */
export function ActionsTable({
  planId,
  caption,
  actions,
  allActions,
}: {
  planId: string;
  caption: string;
  actions: ListedAction[];
  /** Every action of the plan: an action may wait for one under another priority. */
  allActions: ListedAction[];
}): VNode {
  const titleOf = (id: string | null) => (id ? allActions.find((each) => each.id === id)?.title : undefined);
  return (
    <table class="govuk-table">
      <caption class="govuk-table__caption govuk-table__caption--s">{caption}</caption>
      <TableHead head={[{ text: 'Action' }, { text: 'Owner' }, { text: 'Due' }, { text: 'Status' }, { text: 'RAG' }]} />
      <tbody class="govuk-table__body">
        {actions.map((action) => {
          const after = titleOf(action.dependsOnActionId);
          return (
            <tr class="govuk-table__row" key={action.id}>
              <td class="govuk-table__cell">
                <a class="govuk-link" href={planPaths.action(planId, action.id)}>
                  {action.title}
                </a>
                {after && <span class="tandem-table-note">After: {after}</span>}
              </td>
              <td class="govuk-table__cell">{action.ownerName}</td>
              <td class="govuk-table__cell">
                <DueDate action={action} />
              </td>
              <td class="govuk-table__cell">
                <ActionStatusTag status={action.status} />
              </td>
              <td class="govuk-table__cell">
                <RagTag rag={action.rag} />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
