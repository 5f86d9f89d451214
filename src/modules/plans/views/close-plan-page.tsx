import type { VNode } from 'preact';
import { ErrorSummaryFor } from '../../../platform/forms/error-summary-for.tsx';
import { typedText, type FormErrors, type FormValues } from '../../../platform/forms/forms.ts';
import { BackLink } from '../../../platform/views/components/back-link.tsx';
import { Button } from '../../../platform/views/components/button.tsx';
import { Fieldset } from '../../../platform/views/components/fieldset.tsx';
import { Input } from '../../../platform/views/components/input.tsx';
import { Textarea } from '../../../platform/views/components/textarea.tsx';
import { WarningText } from '../../../platform/views/components/warning-text.tsx';
import { Form } from '../../../platform/views/form.tsx';
import { achievedField, carriedDetailField, carriedRows, carriedTitleField, MAX_CARRIED } from '../closing.form.ts';
import type { PlanToClose } from '../closing.service.ts';
import { planPaths } from '../plans.paths.ts';
import { PlanCaption, TwoThirds, VersionField } from './plan-parts.tsx';

export function ClosePlanPage({
  toClose,
  values,
  errors,
  stale,
}: {
  toClose: PlanToClose;
  values: FormValues;
  errors: FormErrors;
  /** The plan changed while the form was open: the version is the new one, and it says so. */
  stale: boolean;
}): VNode {
  const { plan, priorities } = toClose;
  const rows = carriedRows(values);
  return (
    <TwoThirds>
      <BackLink href={planPaths.plan(plan.id)} text="Back to the plan" />
      <ErrorSummaryFor errors={errors} />
      {stale && (
        <WarningText text="Someone changed this plan (or added a priority) while you were closing it, so it is not closed yet. What you typed is still here: check it against the plan as it is now, then close it again." />
      )}
      <PlanCaption plan={plan} />
      <h1 class="govuk-heading-l">Close the plan</h1>
      <p class="govuk-body">
        Closing records what each priority achieved and the medium-term priorities to carry forward. After that, nothing
        in the plan can change, but it can still be read, shared and exported, and the next plan can start from its
        medium-term priorities.
      </p>
      <Form action={planPaths.close(plan.id)}>
        <VersionField values={values} saved={plan.version} stale={stale ? plan.version : null} />
        <input type="hidden" name="rows" value={String(rows)} />
        <h2 class="govuk-heading-m">What was achieved</h2>
        {priorities.length === 0 && <p class="govuk-body">This plan has no priorities.</p>}
        {priorities.map((priority) => (
          <Textarea
            key={priority.id}
            id={achievedField(priority.id)}
            name={achievedField(priority.id)}
            rows={3}
            label={{ text: priority.title, classes: 'govuk-label--s' }}
            hint={{ text: `Intended outcome: ${priority.intendedOutcome}` }}
            value={typedText(values, achievedField(priority.id))}
            errorMessage={errors.field(achievedField(priority.id))}
          />
        ))}
        <h2 class="govuk-heading-m">Medium-term priorities</h2>
        <p class="govuk-body">
          What should carry forward into the next plan. Leave a row empty if you need fewer; you can add up to{' '}
          {MAX_CARRIED}.
        </p>
        {Array.from({ length: rows }, (_, row) => (
          <Fieldset
            key={row}
            legend={{ text: `Medium-term priority ${row + 1}`, classes: 'govuk-fieldset__legend--s' }}
          >
            <Input
              id={carriedTitleField(row)}
              name={carriedTitleField(row)}
              label={{ text: 'Priority' }}
              value={typedText(values, carriedTitleField(row))}
              errorMessage={errors.field(carriedTitleField(row))}
            />
            <Textarea
              id={carriedDetailField(row)}
              name={carriedDetailField(row)}
              rows={2}
              label={{ text: 'Why it matters, or what it should achieve (optional)' }}
              value={typedText(values, carriedDetailField(row))}
              errorMessage={errors.field(carriedDetailField(row))}
            />
          </Fieldset>
        ))}
        {/* Closing first: pressing Enter in a box sends the form with its first button. */}
        <div class="govuk-button-group">
          <Button text="Close the plan" preventDoubleClick />
          {rows < MAX_CARRIED && (
            <button
              type="submit"
              name="add"
              value="row"
              // The page comes back scrolled to the new row, not to the top.
              formAction={`${planPaths.close(plan.id)}#${carriedTitleField(rows)}`}
              class="govuk-button govuk-button--secondary"
              data-module="govuk-button"
            >
              Add another medium-term priority
            </button>
          )}
        </div>
      </Form>
    </TwoThirds>
  );
}
