import type { VNode } from 'preact';
import { ErrorSummaryFor } from '../../../platform/forms/error-summary-for.tsx';
import { typedList, type FormErrors, type FormValues } from '../../../platform/forms/forms.ts';
import { BackLink } from '../../../platform/views/components/back-link.tsx';
import { Button } from '../../../platform/views/components/button.tsx';
import { Checkboxes } from '../../../platform/views/components/checkboxes.tsx';
import { Form } from '../../../platform/views/form.tsx';
import type { NextPlanStart } from '../closing.service.ts';
import { planPaths } from '../plans.paths.ts';
import { PlanDetailsFields } from './plan-form-pages.tsx';
import { whosePlan } from './plan-page.tsx';
import { TwoThirds } from './plan-parts.tsx';

/** A new plan for the same trust (or person) as a closed one, starting from its medium-term priorities. */
export function NextPlanPage({
  start,
  values,
  errors,
  creationKey,
}: {
  start: NextPlanStart;
  values: FormValues;
  errors: FormErrors;
  creationKey: string;
}): VNode {
  const { previous, carried } = start;
  return (
    <TwoThirds>
      <BackLink href={planPaths.plan(previous.id)} text="Back to the closed plan" />
      <ErrorSummaryFor errors={errors} />
      <span class="govuk-caption-l">{whosePlan(previous)}</span>
      <h1 class="govuk-heading-l">Start the next plan</h1>
      <p class="govuk-body">
        The new plan follows “{previous.title}”. Each medium-term priority you tick becomes one of its priorities, which
        you can then change and add actions to.
      </p>
      <Form action={planPaths.nextPlan(previous.id)}>
        <input type="hidden" name="creationKey" value={creationKey} />
        <PlanDetailsFields values={values} errors={errors} />
        {carried.length > 0 ? (
          <Checkboxes
            name="carried"
            idPrefix="carried"
            fieldset={{
              legend: { text: 'Start from these medium-term priorities', classes: 'govuk-fieldset__legend--s' },
            }}
            values={typedList(values, 'carried')}
            errorMessage={errors.field('carried')}
            items={carried.map((each) => ({
              value: each.id,
              text: each.title,
              ...(each.detail ? { hint: { text: each.detail } } : {}),
            }))}
          />
        ) : (
          <p class="govuk-body">The closed plan carried no medium-term priorities forward.</p>
        )}
        <Button text="Create the plan" preventDoubleClick />
      </Form>
    </TwoThirds>
  );
}
