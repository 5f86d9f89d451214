import type { VNode } from 'preact';
import { DateInputField } from '../../../platform/forms/date-input-field.tsx';
import { ErrorSummaryFor } from '../../../platform/forms/error-summary-for.tsx';
import type { FormErrors, FormValues } from '../../../platform/forms/forms.ts';
import { Button } from '../../../platform/views/components/button.tsx';
import { Details } from '../../../platform/views/components/details.tsx';
import { Form } from '../../../platform/views/form.tsx';
import type { NewVersionForm } from '../agreements.service.ts';
import { partnershipPaths } from '../partnerships.paths.ts';
import { PartnershipCaption, PartnershipColumn } from './agreement-parts.tsx';

export function newVersionTitle(form: NewVersionForm): string {
  return form.nextNumber === 1 ? 'Make the agreement' : 'Make a new version of the agreement';
}

export function AgreementNewVersionPage({
  form,
  values,
  errors,
}: {
  form: NewVersionForm;
  values: FormValues;
  errors: FormErrors;
}): VNode {
  const { partnership, nextNumber } = form;
  return (
    <PartnershipColumn
      partnership={partnership}
      back={{ href: partnershipPaths.of(partnership.id, 'agreement'), text: 'Back to the agreement' }}
    >
      <ErrorSummaryFor errors={errors} />
      <PartnershipCaption partnership={partnership} />
      <h1 class="govuk-heading-l">{newVersionTitle(form)}</h1>
      <p class="govuk-body">
        Version {nextNumber} is written from the agreement template of the service “{partnership.serviceName}”, with the
        partnership’s parties, dates, time budget, meeting pattern and fee filled in.
      </p>
      {nextNumber > 1 && (
        <p class="govuk-body">
          Both parties will need to accept the new version. Earlier versions, and who accepted them, are kept as they
          are.
        </p>
      )}
      <Form action={partnershipPaths.of(partnership.id, 'agreementNew')}>
        <input type="hidden" name="number" value={String(nextNumber)} />
        {form.needsDates && (
          <>
            <p class="govuk-body">The partnership has no dates yet. Enter them for the agreement.</p>
            <DateInputField
              name="startsOn"
              legend="Start date"
              hint="For example, 1 9 2026"
              values={values}
              errors={errors}
            />
            <DateInputField
              name="endsOn"
              legend="End date"
              hint="For example, 31 8 2027"
              values={values}
              errors={errors}
            />
          </>
        )}
        {form.preview && (
          <Details summaryText={`Read the text of version ${nextNumber}`}>
            <div class="tandem-pre-line govuk-body">{form.preview}</div>
          </Details>
        )}
        <Button text={`Make version ${nextNumber}`} preventDoubleClick />
      </Form>
    </PartnershipColumn>
  );
}
