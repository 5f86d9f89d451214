import type { VNode } from 'preact';
import { ErrorSummaryFor } from '../../../platform/forms/error-summary-for.tsx';
import { typedText, type FormErrors, type FormValues } from '../../../platform/forms/forms.ts';
import { BackLink } from '../../../platform/views/components/back-link.tsx';
import { Button } from '../../../platform/views/components/button.tsx';
import { Input } from '../../../platform/views/components/input.tsx';
import { Textarea } from '../../../platform/views/components/textarea.tsx';
import { Form } from '../../../platform/views/form.tsx';
import type { GoalForm, GoalRow } from '../goals.service.ts';
import { partnershipPaths } from '../partnerships.paths.ts';
import {
  differencesOf,
  PartnershipCaption,
  SavedMeanwhile,
  TwoThirds,
  VersionField,
  Written,
} from './establishing-parts.tsx';

export function goalValues(goal: GoalRow): FormValues {
  return { title: goal.title, measureOfSuccess: goal.measureOfSuccess };
}

/** The page's heading: adding, changing, or (once goals are settled) reading a goal. */
export function goalHeading(form: GoalForm): string {
  if (!form.goal) return 'Add a goal';
  return form.editable ? 'Change the goal' : form.goal.title;
}

export function GoalFormPage({
  form,
  values,
  errors,
  creationKey,
  stale,
}: {
  form: GoalForm;
  values: FormValues;
  errors: FormErrors;
  /** For a new goal: the form's one-time key. */
  creationKey: string | null;
  /** Set when the save was refused: the goal as saved meanwhile. */
  stale: GoalRow | null;
}): VNode {
  const { partnership, goal, editable } = form;
  const establishing = partnershipPaths.of(partnership.id, 'establishing');
  const text = (name: string) => typedText(values, name);
  const target = goal
    ? partnershipPaths.of(partnership.id, 'goal', { goalId: goal.id })
    : partnershipPaths.of(partnership.id, 'goalNew');
  return (
    <TwoThirds>
      <BackLink href={establishing} text="Back to establishing the partnership" />
      <ErrorSummaryFor errors={errors} />
      {stale && (
        <SavedMeanwhile
          savedBy={null}
          savedAt={stale.updatedAt}
          differences={differencesOf([
            ['Goal', stale.title, text('title')],
            ['Measure of success', stale.measureOfSuccess, text('measureOfSuccess')],
          ])}
        />
      )}
      <PartnershipCaption partnership={partnership} />
      <h1 class="govuk-heading-l">{goalHeading(form)}</h1>
      {goal && !editable ? (
        <>
          <h2 class="govuk-heading-s">Measure of success</h2>
          <Written text={goal.measureOfSuccess} />
          <p class="govuk-body">Goals are settled once the third-term review has begun.</p>
        </>
      ) : (
        <Form action={target}>
          {creationKey && <input type="hidden" name="creationKey" value={creationKey} />}
          {goal && <VersionField values={values} saved={goal.version} stale={stale?.version ?? null} />}
          <Input
            id="title"
            name="title"
            label={{ text: 'Goal', classes: 'govuk-label--s' }}
            hint={{ text: 'What the mentee wants to achieve: “Build a central team that can run school improvement”.' }}
            value={text('title')}
            errorMessage={errors.field('title')}
          />
          <Textarea
            id="measureOfSuccess"
            name="measureOfSuccess"
            rows={4}
            label={{ text: 'Measure of success', classes: 'govuk-label--s' }}
            hint={{ text: 'How both sides will know, at the third-term review, that the goal was met.' }}
            value={text('measureOfSuccess')}
            errorMessage={errors.field('measureOfSuccess')}
          />
          <Button text={goal ? 'Save the goal' : 'Add the goal'} preventDoubleClick />
        </Form>
      )}
    </TwoThirds>
  );
}
