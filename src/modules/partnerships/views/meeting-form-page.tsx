import type { VNode } from 'preact';
import { ErrorSummaryFor } from '../../../platform/forms/error-summary-for.tsx';
import { typedText, type FormErrors, type FormValues } from '../../../platform/forms/forms.ts';
import { BackLink } from '../../../platform/views/components/back-link.tsx';
import { Button } from '../../../platform/views/components/button.tsx';
import { Input } from '../../../platform/views/components/input.tsx';
import { Radios } from '../../../platform/views/components/radios.tsx';
import { Textarea } from '../../../platform/views/components/textarea.tsx';
import { Form } from '../../../platform/views/form.tsx';
import { meetingKinds } from '../meetings.tables.ts';
import { partnershipPaths } from '../partnerships.paths.ts';
import type { BudgetWarning } from '../time-budget.ts';
import { DateBoxes, meetingKindLabels, OverspendCheck, PartnershipCaption, TwoThirds } from './meeting-parts.tsx';

/** The fields of a meeting, for booking one and for changing it. The agenda is the mentee side's to write. */
export function MeetingFields({
  values,
  errors,
  setsAgenda,
  savedAgenda,
  warnings,
}: {
  values: FormValues;
  errors: FormErrors;
  setsAgenda: boolean;
  savedAgenda: string;
  warnings: BudgetWarning[] | null;
}): VNode {
  const text = (name: string) => typedText(values, name);
  const durationError = errors.field('duration') ?? errors.field('durationHours') ?? errors.field('durationMinutes');
  return (
    <>
      <DateBoxes
        name="startsAt"
        legend="Date and start time"
        hint="In UK time, with the hour on the 24-hour clock. For example, 3 3 2026 and 9 30"
        values={values}
        errors={errors}
        time
      />
      <div class={`govuk-form-group${durationError ? ' govuk-form-group--error' : ''}`} id="duration">
        <fieldset class="govuk-fieldset" aria-describedby={durationError ? 'duration-error' : undefined}>
          <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">How long it lasts</legend>
          {durationError && (
            <p id="duration-error" class="govuk-error-message">
              <span class="govuk-visually-hidden">Error:</span> {durationError.text}
            </p>
          )}
          <div class="govuk-date-input">
            <div class="govuk-date-input__item">
              <Input
                id="durationHours"
                name="durationHours"
                label={{ text: 'Hours' }}
                inputmode="numeric"
                classes={`govuk-input--width-2${durationError ? ' govuk-input--error' : ''}`}
                value={text('durationHours')}
              />
            </div>
            <div class="govuk-date-input__item">
              <Input
                id="durationMinutes"
                name="durationMinutes"
                label={{ text: 'Minutes' }}
                inputmode="numeric"
                classes={`govuk-input--width-2${durationError ? ' govuk-input--error' : ''}`}
                value={text('durationMinutes')}
              />
            </div>
          </div>
        </fieldset>
      </div>
      <Input
        id="place"
        name="place"
        label={{ text: 'Place (optional)', classes: 'govuk-label--s' }}
        hint={{ text: 'Where you will meet, for example the trust’s head office.' }}
        value={text('place')}
        errorMessage={errors.field('place')}
      />
      <Input
        id="videoLink"
        name="videoLink"
        type="url"
        spellcheck={false}
        label={{ text: 'Video link (optional)', classes: 'govuk-label--s' }}
        hint={{ text: 'A web address starting https://' }}
        value={text('videoLink')}
        errorMessage={errors.field('videoLink')}
      />
      {setsAgenda ? (
        <Textarea
          id="agenda"
          name="agenda"
          label={{ text: 'Agenda (optional)', classes: 'govuk-label--s' }}
          hint={{ text: 'What you want to talk about. The agenda is yours to set.' }}
          value={text('agenda')}
          errorMessage={errors.field('agenda')}
        />
      ) : (
        <div class="govuk-form-group">
          <h2 class="govuk-heading-s">Agenda</h2>
          <p class="govuk-body tandem-pre-line">{savedAgenda || 'The mentee has not set the agenda yet.'}</p>
        </div>
      )}
      <Textarea
        id="preparation"
        name="preparation"
        label={{ text: 'Preparation (optional)', classes: 'govuk-label--s' }}
        hint={{ text: 'What to read or think about beforehand.' }}
        value={text('preparation')}
        errorMessage={errors.field('preparation')}
      />
      <Radios
        name="kind"
        idPrefix="kind"
        classes="govuk-radios--small"
        fieldset={{ legend: { text: 'Kind of meeting', classes: 'govuk-fieldset__legend--s' } }}
        value={text('kind') || 'regular'}
        errorMessage={errors.field('kind')}
        items={meetingKinds.map((kind) => ({ value: kind, text: meetingKindLabels[kind] }))}
      />
      <OverspendCheck warnings={warnings} values={values} what="Book it anyway" />
    </>
  );
}

export function MeetingFormPage({
  partnership,
  setsAgenda,
  values,
  errors,
  creationKey,
  warnings,
}: {
  partnership: { id: string; title: string };
  setsAgenda: boolean;
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
      <h1 class="govuk-heading-l">Book a meeting</h1>
      <Form action={partnershipPaths.of(partnership.id, 'meetingNew')}>
        <input type="hidden" name="creationKey" value={creationKey} />
        <MeetingFields values={values} errors={errors} setsAgenda={setsAgenda} savedAgenda="" warnings={warnings} />
        <Button text="Book the meeting" preventDoubleClick />
      </Form>
    </TwoThirds>
  );
}
