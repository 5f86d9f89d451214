import type { VNode } from 'preact';
import { Button } from '../../../platform/views/components/button.tsx';
import { TableHead } from '../../../platform/views/components/table.tsx';
import { formatDay } from '../../../platform/views/london-time.ts';
import { planPaths } from '../plans.paths.ts';
import type { PlanRow } from '../plans.service.ts';
import type { SharedPlanRow } from '../sharing.service.ts';
import { PlanStatusTag } from './plan-parts.tsx';
import { shareAccessLabels } from './sharing-page.tsx';

function PlanTable({ caption, plans }: { caption: string; plans: PlanRow[] }): VNode {
  return (
    <table class="govuk-table">
      <caption class="govuk-table__caption govuk-table__caption--m">{caption}</caption>
      <TableHead head={[{ text: 'Plan' }, { text: 'Period' }, { text: 'Status' }]} />
      <tbody class="govuk-table__body">
        {plans.map((plan) => (
          <tr class="govuk-table__row" key={plan.id}>
            <td class="govuk-table__cell">
              <a class="govuk-link" href={planPaths.plan(plan.id)}>
                {plan.title}
              </a>
            </td>
            <td class="govuk-table__cell">
              {formatDay(plan.periodStart)} to {formatDay(plan.periodEnd)}
            </td>
            <td class="govuk-table__cell">
              <PlanStatusTag status={plan.status} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Other trusts' and people's plans shared with the viewer, with what the share lets them do. */
function SharedPlanTable({ plans }: { plans: SharedPlanRow[] }): VNode {
  return (
    <table class="govuk-table">
      <caption class="govuk-table__caption govuk-table__caption--m">Shared with you</caption>
      <TableHead head={[{ text: 'Plan' }, { text: 'Whose' }, { text: 'Period' }, { text: 'You may' }]} />
      <tbody class="govuk-table__body">
        {plans.map((plan) => (
          <tr class="govuk-table__row" key={plan.id}>
            <td class="govuk-table__cell">
              <a class="govuk-link" href={planPaths.plan(plan.id)}>
                {plan.title}
              </a>
            </td>
            <td class="govuk-table__cell">{plan.ownerName}</td>
            <td class="govuk-table__cell">
              {formatDay(plan.periodStart)} to {formatDay(plan.periodEnd)}
            </td>
            <td class="govuk-table__cell">{shareAccessLabels[plan.access]}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function PlanListPage({
  mine,
  organisations,
  shared,
}: {
  mine: PlanRow[];
  organisations: Array<{ id: string; name: string; plans: PlanRow[] }>;
  shared: SharedPlanRow[];
}): VNode {
  return (
    <>
      <h1 class="govuk-heading-l">Development plans</h1>
      <p class="govuk-body">
        A plan sets out priorities, the actions that lead to them and how they are going. A trust’s plan is read by
        everyone in the trust; your own development plan is yours alone. Either may be shared with a mentor or a partner
        trust.
      </p>
      <div class="govuk-button-group">
        <Button href={planPaths.create} text="Create a plan" />
        <a class="govuk-link" href={planPaths.myActions}>
          Your actions across plans
        </a>
      </div>
      {mine.length > 0 ? (
        <PlanTable caption="Your own development plans" plans={mine} />
      ) : (
        <p class="govuk-body">You have no development plan of your own yet.</p>
      )}
      {organisations.map((organisation) => (
        <PlanTable key={organisation.id} caption={`${organisation.name}’s plans`} plans={organisation.plans} />
      ))}
      {shared.length > 0 && <SharedPlanTable plans={shared} />}
    </>
  );
}
