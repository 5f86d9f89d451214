import type { VNode } from 'preact';
import { Button } from '../../../platform/views/components/button.tsx';
import { formatLondonDate } from '../../../platform/views/london-time.ts';
import type { CarriedPriorityRow } from '../closing.service.ts';
import { planPaths } from '../plans.paths.ts';
import type { PlanRow } from '../plans.service.ts';

/** The end of an open plan's page: where its owners close it. */
export function CloseLink({ planId }: { planId: string }): VNode {
  return (
    <>
      <h2 class="govuk-heading-l">At the end of the plan</h2>
      <p class="govuk-body">
        When the plan’s period is over, record what each priority achieved and the medium-term priorities to carry
        forward.
      </p>
      <p class="govuk-body">
        <a class="govuk-link" href={planPaths.close(planId)}>
          Close the plan
        </a>
      </p>
    </>
  );
}

/** A closed plan's medium-term priorities, and for its owners the way into the next plan. */
export function ClosedPlan({
  plan,
  carried,
  mayStartNext,
}: {
  plan: PlanRow;
  carried: CarriedPriorityRow[];
  mayStartNext: boolean;
}): VNode {
  return (
    <>
      <h2 class="govuk-heading-l">Medium-term priorities</h2>
      {plan.closedAt && <p class="govuk-body">The plan was closed on {formatLondonDate(plan.closedAt)}.</p>}
      {carried.length === 0 ? (
        <p class="govuk-body">No medium-term priorities were carried forward.</p>
      ) : (
        <ol class="govuk-list govuk-list--number">
          {carried.map((each) => (
            <li key={each.id}>
              <strong>{each.title}</strong>
              {each.detail && <p class="govuk-body tandem-pre-line govuk-!-margin-bottom-2">{each.detail}</p>}
            </li>
          ))}
        </ol>
      )}
      {mayStartNext && <Button href={planPaths.nextPlan(plan.id)} text="Start the next plan from these priorities" />}
    </>
  );
}
