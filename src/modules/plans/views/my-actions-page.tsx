import type { VNode } from 'preact';
import { BackLink } from '../../../platform/views/components/back-link.tsx';
import { TableHead } from '../../../platform/views/components/table.tsx';
import { planPaths } from '../plans.paths.ts';
import type { ActionRow } from '../plans.service.ts';
import { DueDate } from './action-table.tsx';
import { ActionStatusTag, RagTag } from './plan-parts.tsx';

export type MyAction = ActionRow & { planTitle: string; priorityTitle: string; overdue: boolean };

function MyActionsTable({ caption, actions }: { caption: string; actions: MyAction[] }): VNode {
  return (
    <table class="govuk-table">
      <caption class="govuk-table__caption govuk-table__caption--m">{caption}</caption>
      <TableHead head={[{ text: 'Action' }, { text: 'Due' }, { text: 'Status' }, { text: 'RAG' }]} />
      <tbody class="govuk-table__body">
        {actions.map((action) => (
          <tr class="govuk-table__row" key={action.id}>
            <td class="govuk-table__cell">
              <a class="govuk-link" href={planPaths.action(action.planId, action.id)}>
                {action.title}
              </a>
              <span class="tandem-table-note">
                {action.planTitle}: {action.priorityTitle}
              </span>
            </td>
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
        ))}
      </tbody>
    </table>
  );
}

/** The viewer's actions across plans: overdue first (already sorted so), then the rest by due date. */
export function MyActionsPage({ actions }: { actions: MyAction[] }): VNode {
  const open = actions.filter((action) => action.status === 'not_started' || action.status === 'in_progress');
  const finished = actions.filter((action) => !open.includes(action));
  const overdue = open.filter((action) => action.overdue).length;
  return (
    <>
      <BackLink href={planPaths.list} text="Back to plans" />
      <h1 class="govuk-heading-l">Your actions</h1>
      <p class="govuk-body">
        {open.length === 0
          ? 'You have no actions to do.'
          : `You have ${open.length === 1 ? '1 action' : `${open.length} actions`} to do${
              overdue > 0 ? `, ${overdue} of them overdue` : ''
            }.`}
      </p>
      {open.length > 0 && <MyActionsTable caption="To do, overdue first" actions={open} />}
      {finished.length > 0 && <MyActionsTable caption="Done or dropped" actions={finished} />}
    </>
  );
}
