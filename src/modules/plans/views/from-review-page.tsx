import type { VNode } from 'preact';
import { DateInputField } from '../../../platform/forms/date-input-field.tsx';
import { ErrorSummaryFor } from '../../../platform/forms/error-summary-for.tsx';
import { typedText, type FormErrors, type FormValues } from '../../../platform/forms/forms.ts';
import { Button } from '../../../platform/views/components/button.tsx';
import { Input } from '../../../platform/views/components/input.tsx';
import { Radios } from '../../../platform/views/components/radios.tsx';
import { Form } from '../../../platform/views/form.tsx';
import { formatDay } from '../../../platform/views/london-time.ts';
import type { ReviewSource } from '../from-review.service.ts';
import { planPaths } from '../plans.paths.ts';
import type { PlanRow } from '../plans.service.ts';
import { planStatusLabels, TwoThirds } from './plan-parts.tsx';

/** Which of the trust's plans a priority from a review goes in, or a new plan for it. */
export function FromReviewPage({
  source,
  plans,
  values,
  errors,
  creationKey,
}: {
  source: ReviewSource;
  plans: PlanRow[];
  values: FormValues;
  errors: FormErrors;
  creationKey: string;
}): VNode {
  const chosen = typedText(values, 'plan') || (plans.length === 0 ? 'new' : '');
  return (
    <TwoThirds>
      <ErrorSummaryFor errors={errors} />
      <span class="govuk-caption-l">
        {source.reviewTitle}, {source.organisationName}
      </span>
      <h1 class="govuk-heading-l">Make this a priority</h1>
      <p class="govuk-body">
        Element: <strong>{source.label}</strong>
      </p>
      <Form action={planPaths.fromReview(source.reviewId, source.elementKey)}>
        <input type="hidden" name="creationKey" value={creationKey} />
        <Radios
          name="plan"
          idPrefix="plan"
          fieldset={{ legend: { text: 'Which plan is it a priority of?', classes: 'govuk-fieldset__legend--s' } }}
          value={chosen}
          errorMessage={errors.field('plan')}
          items={[
            ...plans.map((plan) => ({
              value: plan.id,
              text: plan.title,
              hint: {
                text: `${planStatusLabels[plan.status]}, ${formatDay(plan.periodStart)} to ${formatDay(plan.periodEnd)}`,
              },
            })),
            plans.length > 0 && { divider: 'or' },
            { value: 'new', text: `A new plan for ${source.organisationName}` },
          ]}
        />
        {/* Not a conditional reveal: govuk-frontend marks its radio aria-expanded, which axe refuses on a radio. */}
        <fieldset class="govuk-fieldset govuk-!-margin-bottom-6">
          <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">For a new plan</legend>
          <Input
            id="title"
            name="title"
            label={{ text: 'Title of the new plan', classes: 'govuk-label--s' }}
            value={typedText(values, 'title')}
            errorMessage={errors.field('title')}
          />
          <DateInputField name="periodStart" legend="Start date" values={values} errors={errors} />
          <DateInputField name="periodEnd" legend="End date" values={values} errors={errors} />
        </fieldset>
        <Button text="Continue" preventDoubleClick />
      </Form>
    </TwoThirds>
  );
}
