import type { VNode } from 'preact';
import { ErrorSummaryFor } from '../../../platform/forms/error-summary-for.tsx';
import { typedText, type FormErrors, type FormValues } from '../../../platform/forms/forms.ts';
import { Button } from '../../../platform/views/components/button.tsx';
import { Input } from '../../../platform/views/components/input.tsx';
import { Form } from '../../../platform/views/form.tsx';
import type { ReviewSource } from '../from-review.service.ts';
import { formatDay } from '../plan-dates.ts';
import { planPaths } from '../plans.paths.ts';
import type { PlanRow } from '../plans.service.ts';
import { planStatusLabels, PlanDateInput, TwoThirds } from './plan-parts.tsx';

/**
 * Which of the trust's plans a priority from a review goes in, or a new plan for it. The new
 * plan's fields follow its radio: without JavaScript they are simply always shown.
 */
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
  const planError = errors.field('plan');
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
        <div class={`govuk-form-group${planError ? ' govuk-form-group--error' : ''}`}>
          <fieldset class="govuk-fieldset" aria-describedby={planError ? 'plan-error' : undefined}>
            <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Which plan is it a priority of?</legend>
            {planError && (
              <p id="plan-error" class="govuk-error-message">
                <span class="govuk-visually-hidden">Error:</span> {planError.text}
              </p>
            )}
            <div class="govuk-radios" data-module="govuk-radios">
              {plans.map((plan, index) => (
                <div class="govuk-radios__item" key={plan.id}>
                  <input
                    class="govuk-radios__input"
                    id={index === 0 ? 'plan' : `plan-${index + 1}`}
                    name="plan"
                    type="radio"
                    value={plan.id}
                    checked={chosen === plan.id}
                  />
                  <label class="govuk-label govuk-radios__label" for={index === 0 ? 'plan' : `plan-${index + 1}`}>
                    {plan.title} ({planStatusLabels[plan.status].toLowerCase()}, {formatDay(plan.periodStart)} to{' '}
                    {formatDay(plan.periodEnd)})
                  </label>
                </div>
              ))}
              {plans.length > 0 && <div class="govuk-radios__divider">or</div>}
              <div class="govuk-radios__item">
                <input
                  class="govuk-radios__input"
                  id={plans.length === 0 ? 'plan' : 'plan-new'}
                  name="plan"
                  type="radio"
                  value="new"
                  checked={chosen === 'new'}
                  data-aria-controls="new-plan"
                />
                <label class="govuk-label govuk-radios__label" for={plans.length === 0 ? 'plan' : 'plan-new'}>
                  A new plan for {source.organisationName}
                </label>
              </div>
              <div class="govuk-radios__conditional" id="new-plan">
                <Input
                  id="title"
                  name="title"
                  label={{ text: 'Title of the new plan', classes: 'govuk-label--s' }}
                  value={typedText(values, 'title')}
                  errorMessage={errors.field('title')}
                />
                <PlanDateInput name="periodStart" legend="Start date" values={values} errors={errors} />
                <PlanDateInput name="periodEnd" legend="End date" values={values} errors={errors} />
              </div>
            </div>
          </fieldset>
        </div>
        <Button text="Continue" preventDoubleClick />
      </Form>
    </TwoThirds>
  );
}
