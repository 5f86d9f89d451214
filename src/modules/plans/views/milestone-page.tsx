import type { VNode } from 'preact';
import { DateInputField } from '../../../platform/forms/date-input-field.tsx';
import { ErrorSummaryFor } from '../../../platform/forms/error-summary-for.tsx';
import { typedList, typedText, type FormErrors, type FormValues } from '../../../platform/forms/forms.ts';
import { BackLink } from '../../../platform/views/components/back-link.tsx';
import { Button } from '../../../platform/views/components/button.tsx';
import { Checkboxes } from '../../../platform/views/components/checkboxes.tsx';
import { Input } from '../../../platform/views/components/input.tsx';
import { Form } from '../../../platform/views/form.tsx';
import { planPaths } from '../plans.paths.ts';
import type { MilestoneRow, PlanRow } from '../plans.service.ts';
import { PlanCaption, SavedMeanwhile, TwoThirds, VersionField, type Difference } from './plan-parts.tsx';

/** Adds a milestone (`milestone` null) or changes one. */
export function MilestonePage({
  plan,
  milestone,
  values,
  errors,
  creationKey,
  stale,
}: {
  plan: PlanRow;
  milestone: MilestoneRow | null;
  values: FormValues;
  errors: FormErrors;
  creationKey: string | null;
  stale: { current: MilestoneRow; differences: Difference[] } | null;
}): VNode {
  return (
    <TwoThirds>
      <BackLink href={planPaths.plan(plan.id)} text="Back to the plan" />
      <ErrorSummaryFor errors={errors} />
      {stale && <SavedMeanwhile savedBy={null} savedAt={stale.current.updatedAt} differences={stale.differences} />}
      <PlanCaption plan={plan} />
      <h1 class="govuk-heading-l">{milestone ? 'Change the milestone' : 'Add a milestone'}</h1>
      <Form action={milestone ? planPaths.milestone(plan.id, milestone.id) : planPaths.milestoneNew(plan.id)}>
        {creationKey && <input type="hidden" name="creationKey" value={creationKey} />}
        {milestone && <VersionField values={values} saved={milestone.version} stale={stale?.current.version ?? null} />}
        <Input
          id="title"
          name="title"
          label={{ text: 'Milestone', classes: 'govuk-label--s' }}
          hint={{ text: 'For example, “Board approves the new scheme of delegation”' }}
          value={typedText(values, 'title')}
          errorMessage={errors.field('title')}
        />
        <DateInputField name="dueOn" legend="Date" values={values} errors={errors} />
        <Checkboxes
          name="reached"
          idPrefix="reached"
          classes="govuk-checkboxes--small"
          fieldset={{ legend: { text: 'Reached?', classes: 'govuk-fieldset__legend--s' } }}
          values={typedList(values, 'reached')}
          items={[{ value: 'yes', text: 'This milestone has been reached' }]}
        />
        <Button text={milestone ? 'Save' : 'Add the milestone'} preventDoubleClick />
      </Form>
    </TwoThirds>
  );
}
