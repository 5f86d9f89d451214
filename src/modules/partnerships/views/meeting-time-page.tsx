import type { VNode } from 'preact';
import { ErrorSummaryFor } from '../../../platform/forms/error-summary-for.tsx';
import { typedText, type FormErrors, type FormValues } from '../../../platform/forms/forms.ts';
import { BackLink } from '../../../platform/views/components/back-link.tsx';
import { Button } from '../../../platform/views/components/button.tsx';
import { Input } from '../../../platform/views/components/input.tsx';
import { Radios } from '../../../platform/views/components/radios.tsx';
import { Form } from '../../../platform/views/form.tsx';
import { partnershipPaths } from '../partnerships.paths.ts';
import type { BudgetWarning } from '../time-budget.ts';
import { DateBoxes, OverspendCheck, PartnershipCaption, TwoThirds } from './meeting-parts.tsx';

/** Logging an ad hoc conversation between meetings. */
export function MeetingTimePage({
  partnership,
  values,
  errors,
  creationKey,
  warnings,
}: {
  partnership: { id: string; title: string };
  values: FormValues;
  errors: FormErrors;
  creationKey: string;
  warnings: BudgetWarning[] | null;
}): VNode {
  return (
    <TwoThirds>
      <BackLink href={partnershipPaths.of(partnership.id, 'meetings')} text="Back to the meetings" />
      <ErrorSummaryFor errors={errors} />
      <PartnershipCaption partnership={partnership} />
      <h1 class="govuk-heading-l">Log a conversation</h1>
      <p class="govuk-body">A call or a conversation between meetings, noted briefly.</p>
      <Form action={partnershipPaths.of(partnership.id, 'timeNew')}>
        <input type="hidden" name="creationKey" value={creationKey} />
        <DateBoxes name="occurredOn" legend="Date" hint="For example, 27 3 2027" values={values} errors={errors} />
        <Input
          id="minutes"
          name="minutes"
          inputmode="numeric"
          classes="govuk-input--width-4"
          label={{ text: 'How long it took, in minutes', classes: 'govuk-label--s' }}
          value={typedText(values, 'minutes')}
          errorMessage={errors.field('minutes')}
        />
        <Input
          id="description"
          name="description"
          label={{ text: 'What it was about', classes: 'govuk-label--s' }}
          hint={{
            text: 'A brief line, for example “Phone call about the board away day”. Keep details for the private notes.',
          }}
          value={typedText(values, 'description')}
          errorMessage={errors.field('description')}
        />
        <Radios
          name="counts"
          idPrefix="counts"
          classes="govuk-radios--inline"
          fieldset={{
            legend: { text: 'Does it count against the time budget?', classes: 'govuk-fieldset__legend--s' },
          }}
          value={typedText(values, 'counts')}
          errorMessage={errors.field('counts')}
          items={[
            { value: 'yes', text: 'Yes' },
            { value: 'no', text: 'No' },
          ]}
        />
        <OverspendCheck warnings={warnings} values={values} what="Log it anyway" />
        <Button text="Log the conversation" preventDoubleClick />
      </Form>
    </TwoThirds>
  );
}
