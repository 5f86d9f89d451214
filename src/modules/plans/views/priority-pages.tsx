import type { VNode } from 'preact';
import { ErrorSummaryFor } from '../../../platform/forms/error-summary-for.tsx';
import { typedText, type FormErrors, type FormValues } from '../../../platform/forms/forms.ts';
import { BackLink } from '../../../platform/views/components/back-link.tsx';
import { Button } from '../../../platform/views/components/button.tsx';
import { InsetText } from '../../../platform/views/components/inset-text.tsx';
import { Input } from '../../../platform/views/components/input.tsx';
import { Textarea } from '../../../platform/views/components/textarea.tsx';
import { Form } from '../../../platform/views/form.tsx';
import type { ReviewSource } from '../from-review.service.ts';
import { planPaths } from '../plans.paths.ts';
import type { PlanRow, PriorityRow } from '../plans.service.ts';
import { PlanCaption, SavedMeanwhile, TwoThirds, VersionField, type Difference } from './plan-parts.tsx';

function PriorityFields({ values, errors }: { values: FormValues; errors: FormErrors }): VNode {
  const text = (name: string) => typedText(values, name);
  return (
    <>
      <Input
        id="title"
        name="title"
        label={{ text: 'Priority', classes: 'govuk-label--s' }}
        hint={{ text: 'What to improve, in a few words.' }}
        value={text('title')}
        errorMessage={errors.field('title')}
      />
      <Textarea
        id="intendedOutcome"
        name="intendedOutcome"
        rows={4}
        label={{ text: 'Intended outcome', classes: 'govuk-label--s' }}
        hint={{ text: 'What will be different when this priority is achieved.' }}
        value={text('intendedOutcome')}
        errorMessage={errors.field('intendedOutcome')}
      />
      <Textarea
        id="successCriteria"
        name="successCriteria"
        rows={4}
        label={{ text: 'Success criteria (optional)', classes: 'govuk-label--s' }}
        hint={{ text: 'How you will know: what you will see, measure or hear.' }}
        value={text('successCriteria')}
        errorMessage={errors.field('successCriteria')}
      />
    </>
  );
}

export function NewPriorityPage({
  plan,
  source,
  values,
  errors,
  creationKey,
}: {
  plan: PlanRow;
  source: ReviewSource | null;
  values: FormValues;
  errors: FormErrors;
  creationKey: string;
}): VNode {
  const action = source
    ? planPaths.priorityNew(plan.id, { reviewId: source.reviewId, elementKey: source.elementKey })
    : planPaths.priorityNew(plan.id);
  return (
    <TwoThirds>
      <BackLink href={planPaths.plan(plan.id)} text="Back to the plan" />
      <ErrorSummaryFor errors={errors} />
      <PlanCaption plan={plan} />
      <h1 class="govuk-heading-l">Add a priority</h1>
      {source && (
        <InsetText>
          From the review “{source.reviewTitle}”: {source.label}.
        </InsetText>
      )}
      <Form action={action}>
        <input type="hidden" name="creationKey" value={creationKey} />
        <PriorityFields values={values} errors={errors} />
        <Button text="Add the priority" preventDoubleClick />
      </Form>
    </TwoThirds>
  );
}

export function EditPriorityPage({
  plan,
  priority,
  values,
  errors,
  stale,
}: {
  plan: PlanRow;
  priority: PriorityRow;
  values: FormValues;
  errors: FormErrors;
  stale: { current: PriorityRow; differences: Difference[] } | null;
}): VNode {
  return (
    <TwoThirds>
      <BackLink href={planPaths.plan(plan.id)} text="Back to the plan" />
      <ErrorSummaryFor errors={errors} />
      {stale && <SavedMeanwhile savedBy={null} savedAt={stale.current.updatedAt} differences={stale.differences} />}
      <PlanCaption plan={plan} />
      <h1 class="govuk-heading-l">Change the priority</h1>
      {priority.sourceLabel && <InsetText>From a review: {priority.sourceLabel}.</InsetText>}
      <Form action={planPaths.priority(plan.id, priority.id)}>
        <VersionField values={values} saved={priority.version} stale={stale?.current.version ?? null} />
        <PriorityFields values={values} errors={errors} />
        <Button text="Save" preventDoubleClick />
      </Form>
    </TwoThirds>
  );
}
