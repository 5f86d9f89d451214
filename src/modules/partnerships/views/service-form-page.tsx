import type { VNode } from 'preact';
import { ErrorSummaryFor } from '../../../platform/forms/error-summary-for.tsx';
import { typedText, type FormErrors, type FormValues } from '../../../platform/forms/forms.ts';
import { BackLink } from '../../../platform/views/components/back-link.tsx';
import { Button } from '../../../platform/views/components/button.tsx';
import { ErrorMessage } from '../../../platform/views/components/error-message.tsx';
import { Input } from '../../../platform/views/components/input.tsx';
import { Radios } from '../../../platform/views/components/radios.tsx';
import { Textarea } from '../../../platform/views/components/textarea.tsx';
import { Form } from '../../../platform/views/form.tsx';
import { partnershipPaths } from '../partnerships.paths.ts';
import { partnershipKinds } from '../partnerships.tables.ts';
import { budgetFields, serviceKindLabels } from '../services.schemas.ts';
import type { ServiceRow } from '../services.service.ts';
import { BUDGET_COMPONENT_LABELS, BUDGET_COMPONENTS } from '../time-budget.ts';
import { SavedMeanwhile, TwoThirds, type Difference } from './service-parts.tsx';

const kindHints: Record<(typeof partnershipKinds)[number], string> = {
  ceo_mentoring: 'One mentor and one mentee, usually a trust’s chief executive.',
  trust_to_trust: 'A mentor trust and a mentee trust, each with lead contacts.',
  peer_triad: 'Two or three trusts, each both challenging and challenged.',
  coaching: 'A coach and a coachee inside a programme.',
};

/** Every field of a service, the same on the create and edit forms. */
function ServiceFields({ values, errors }: { values: FormValues; errors: FormErrors }): VNode {
  const text = (name: string) => typedText(values, name);
  const budgetError = errors.field('budget');
  return (
    <>
      <Input
        id="name"
        name="name"
        label={{ text: 'Name of the service', classes: 'govuk-label--s' }}
        hint={{ text: 'For example, “CEO mentoring 2026 to 2027”' }}
        value={text('name')}
        errorMessage={errors.field('name')}
      />
      <Radios
        name="kind"
        idPrefix="kind"
        fieldset={{ legend: { text: 'Kind of mentoring', classes: 'govuk-fieldset__legend--s' } }}
        value={text('kind')}
        errorMessage={errors.field('kind')}
        items={partnershipKinds.map((kind) => ({
          value: kind,
          text: serviceKindLabels[kind],
          hint: { text: kindHints[kind] },
        }))}
      />
      <Textarea
        id="description"
        name="description"
        rows={4}
        label={{ text: 'Description (optional)', classes: 'govuk-label--s' }}
        hint={{ text: 'What the service offers, as enquirers will read it.' }}
        value={text('description')}
        errorMessage={errors.field('description')}
      />
      <Input
        id="termMonths"
        name="termMonths"
        inputmode="numeric"
        classes="govuk-input--width-3"
        label={{ text: 'Length of the term', classes: 'govuk-label--s' }}
        hint={{ text: 'In months, usually 12' }}
        suffix={{ text: 'months' }}
        value={text('termMonths')}
        errorMessage={errors.field('termMonths')}
      />
      <div class={`govuk-form-group${budgetError ? ' govuk-form-group--error' : ''}`}>
        <fieldset class="govuk-fieldset" aria-describedby="budget-hint">
          <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Time budget</legend>
          <div id="budget-hint" class="govuk-hint">
            Hours the mentor gives each part of the term, like 7 or 3.5. A day is 7 hours.
          </div>
          {budgetError && <ErrorMessage id="budget-error" text={budgetError.text} />}
          {BUDGET_COMPONENTS.map((component) => (
            <Input
              id={budgetFields[component]}
              name={budgetFields[component]}
              inputmode="decimal"
              classes="govuk-input--width-4"
              label={{ text: BUDGET_COMPONENT_LABELS[component] }}
              suffix={{ text: 'hours' }}
              value={text(budgetFields[component])}
              errorMessage={errors.field(budgetFields[component])}
            />
          ))}
        </fieldset>
      </div>
      <Input
        id="meetingPattern"
        name="meetingPattern"
        label={{ text: 'Suggested meeting pattern', classes: 'govuk-label--s' }}
        value={text('meetingPattern')}
        errorMessage={errors.field('meetingPattern')}
      />
      <Input
        id="fee"
        name="fee"
        inputmode="decimal"
        classes="govuk-input--width-10"
        label={{ text: 'Fee', classes: 'govuk-label--s' }}
        hint={{ text: 'In pounds before VAT, like 2500 or £2,500. Enter 0 if there is no fee.' }}
        prefix={{ text: '£' }}
        value={text('fee')}
        errorMessage={errors.field('fee')}
      />
      <Textarea
        id="agreementTemplate"
        name="agreementTemplate"
        rows={20}
        label={{ text: 'Agreement template', classes: 'govuk-label--s' }}
        hint={{
          text: 'The mentoring agreement both parties accept. Words in curly brackets, like {mentee} or {fee}, are filled in from the partnership.',
        }}
        value={text('agreementTemplate')}
        errorMessage={errors.field('agreementTemplate')}
      />
      <Radios
        name="open"
        idPrefix="open"
        fieldset={{ legend: { text: 'Is the service open to enquiries?', classes: 'govuk-fieldset__legend--s' } }}
        value={text('open')}
        errorMessage={errors.field('open')}
        items={[
          { value: 'yes', text: 'Yes', hint: { text: 'Anyone with its enquiry link can ask about it.' } },
          {
            value: 'no',
            text: 'No',
            hint: { text: 'Its enquiry link shows “page not found”. Its partnerships go on.' },
          },
        ]}
      />
    </>
  );
}

export function CreateServicePage({
  providers,
  values,
  errors,
  creationKey,
}: {
  providers: Array<{ id: string; name: string }>;
  values: FormValues;
  errors: FormErrors;
  creationKey: string;
}): VNode {
  const [only] = providers;
  return (
    <TwoThirds>
      <BackLink href={partnershipPaths.services} text="Back to mentoring services" />
      <ErrorSummaryFor errors={errors} />
      <h1 class="govuk-heading-l">Create a mentoring service</h1>
      <Form action={partnershipPaths.serviceNew}>
        <input type="hidden" name="creationKey" value={creationKey} />
        {providers.length === 1 && only ? (
          <input type="hidden" name="provider" value={only.id} />
        ) : (
          <Radios
            name="provider"
            idPrefix="provider"
            fieldset={{ legend: { text: 'Which provider runs it?', classes: 'govuk-fieldset__legend--s' } }}
            value={typedText(values, 'provider')}
            errorMessage={errors.field('provider')}
            items={providers.map((provider) => ({ value: provider.id, text: provider.name }))}
          />
        )}
        <ServiceFields values={values} errors={errors} />
        <Button text="Create the service" preventDoubleClick />
      </Form>
    </TwoThirds>
  );
}

export function EditServicePage({
  service,
  values,
  errors,
  stale,
}: {
  service: ServiceRow;
  values: FormValues;
  errors: FormErrors;
  stale: { current: ServiceRow; differences: Difference[] } | null;
}): VNode {
  const typedVersion = typedText(values, 'version');
  const opened = /^\d+$/.test(typedVersion) ? typedVersion : String(service.version);
  return (
    <TwoThirds>
      <BackLink href={partnershipPaths.service(service.id)} text="Back to the service" />
      <ErrorSummaryFor errors={errors} />
      {stale && <SavedMeanwhile savedAt={stale.current.updatedAt} differences={stale.differences} />}
      <span class="govuk-caption-l">{service.name}</span>
      <h1 class="govuk-heading-l">Change the service</h1>
      <Form action={partnershipPaths.serviceEdit(service.id)}>
        <input type="hidden" name="version" value={stale ? String(stale.current.version) : opened} />
        <ServiceFields values={values} errors={errors} />
        <Button text="Save" preventDoubleClick />
      </Form>
    </TwoThirds>
  );
}
