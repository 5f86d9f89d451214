import type { VNode } from 'preact';
import { DateInputField } from '../../../platform/forms/date-input-field.tsx';
import { ErrorSummaryFor } from '../../../platform/forms/error-summary-for.tsx';
import { typedText, type FormErrors, type FormValues } from '../../../platform/forms/forms.ts';
import { BackLink } from '../../../platform/views/components/back-link.tsx';
import { Button } from '../../../platform/views/components/button.tsx';
import { Input } from '../../../platform/views/components/input.tsx';
import { Radios } from '../../../platform/views/components/radios.tsx';
import { Textarea } from '../../../platform/views/components/textarea.tsx';
import { Form } from '../../../platform/views/form.tsx';
import { planPaths } from '../plans.paths.ts';
import type { PlanRow } from '../plans.service.ts';
import { PlanCaption, SavedMeanwhile, TwoThirds, VersionField, type Difference } from './plan-parts.tsx';

/** Title, period, status and summary: the same on the create and edit forms. */
export function PlanDetailsFields({ values, errors }: { values: FormValues; errors: FormErrors }): VNode {
  const text = (name: string) => typedText(values, name);
  return (
    <>
      <Input
        id="title"
        name="title"
        label={{ text: 'Title', classes: 'govuk-label--s' }}
        hint={{ text: 'For example, “Trust development plan 2026 to 2027”' }}
        value={text('title')}
        errorMessage={errors.field('title')}
      />
      <DateInputField
        name="periodStart"
        legend="Start date"
        hint="For example, 1 9 2026"
        values={values}
        errors={errors}
      />
      <DateInputField
        name="periodEnd"
        legend="End date"
        hint="For example, 31 8 2027"
        values={values}
        errors={errors}
      />
      <Radios
        name="status"
        idPrefix="status"
        fieldset={{ legend: { text: 'Status', classes: 'govuk-fieldset__legend--s' } }}
        value={text('status') || 'draft'}
        errorMessage={errors.field('status')}
        items={[
          { value: 'draft', text: 'Draft', hint: { text: 'Still being written' } },
          { value: 'active', text: 'Active', hint: { text: 'Agreed, and being worked on' } },
        ]}
      />
      <Textarea
        id="summary"
        name="summary"
        rows={4}
        label={{ text: 'Summary (optional)', classes: 'govuk-label--s' }}
        hint={{ text: 'What the plan is for, in a few sentences.' }}
        value={text('summary')}
        errorMessage={errors.field('summary')}
      />
    </>
  );
}

export function CreatePlanPage({
  trusts,
  values,
  errors,
  creationKey,
}: {
  /** The trusts whose plans the viewer makes. */
  trusts: Array<{ id: string; name: string }>;
  values: FormValues;
  errors: FormErrors;
  creationKey: string;
}): VNode {
  return (
    <TwoThirds>
      <BackLink href={planPaths.list} text="Back to plans" />
      <ErrorSummaryFor errors={errors} />
      <h1 class="govuk-heading-l">Create a plan</h1>
      <Form action={planPaths.create}>
        <input type="hidden" name="creationKey" value={creationKey} />
        <Radios
          name="owner"
          idPrefix="owner"
          fieldset={{ legend: { text: 'Whose plan is it?', classes: 'govuk-fieldset__legend--s' } }}
          value={typedText(values, 'owner') || (trusts.length === 0 ? 'me' : '')}
          errorMessage={errors.field('owner')}
          items={[
            ...trusts.map((trust) => ({
              value: trust.id,
              text: `${trust.name}’s plan`,
              hint: { text: 'Everyone in the trust reads it; its chief executive, executives and chair change it.' },
            })),
            {
              value: 'me',
              text: 'My own development plan',
              hint: { text: 'Only you see it.' },
            },
          ]}
        />
        <PlanDetailsFields values={values} errors={errors} />
        <Button text="Create the plan" preventDoubleClick />
      </Form>
    </TwoThirds>
  );
}

export function EditPlanPage({
  plan,
  values,
  errors,
  stale,
}: {
  plan: PlanRow;
  values: FormValues;
  errors: FormErrors;
  stale: { current: PlanRow; differences: Difference[] } | null;
}): VNode {
  return (
    <TwoThirds>
      <BackLink href={planPaths.plan(plan.id)} text="Back to the plan" />
      <ErrorSummaryFor errors={errors} />
      {stale && <SavedMeanwhile savedBy={null} savedAt={stale.current.updatedAt} differences={stale.differences} />}
      <PlanCaption plan={plan} />
      <h1 class="govuk-heading-l">Plan details</h1>
      <Form action={planPaths.edit(plan.id)}>
        <VersionField values={values} saved={plan.version} stale={stale?.current.version ?? null} />
        <PlanDetailsFields values={values} errors={errors} />
        <Button text="Save" preventDoubleClick />
      </Form>
    </TwoThirds>
  );
}
