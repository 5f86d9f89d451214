import type { VNode } from 'preact';
import { ErrorSummaryFor } from '../../../platform/forms/error-summary-for.tsx';
import type { FormErrors, FormValues } from '../../../platform/forms/forms.ts';
import { Button } from '../../../platform/views/components/button.tsx';
import { Input } from '../../../platform/views/components/input.tsx';
import { Radios } from '../../../platform/views/components/radios.tsx';
import { Form } from '../../../platform/views/form.tsx';
import { organisationPaths } from '../organisations.paths.ts';
import { fieldsOfKind, originalField, type DetailField } from '../organisations.schemas.ts';
import { organisationKinds, type OrganisationKind } from '../organisations.tables.ts';
import { kindLabels } from './labels.ts';

function typed(values: FormValues, name: string): string {
  const value = values[name];
  return typeof value === 'string' ? value : '';
}

interface FieldProps {
  values: FormValues;
  errors: FormErrors;
}

/** One input per detail, worded for people and sized for what it holds. */
function DetailInput({ field, values, errors }: FieldProps & { field: DetailField }): VNode {
  const common = { id: field, name: field, value: typed(values, field), errorMessage: errors.field(field) };
  switch (field) {
    case 'name':
      return <Input {...common} label={{ text: 'Name' }} spellcheck={false} />;
    case 'urn':
      return (
        <Input
          {...common}
          label={{ text: 'URN' }}
          hint={{ text: "The school's 6-digit unique reference number from Get Information about Schools" }}
          inputmode="numeric"
          spellcheck={false}
          classes="govuk-input--width-10"
        />
      );
    case 'groupUid':
      return (
        <Input
          {...common}
          label={{ text: 'Group UID' }}
          hint={{ text: "The trust's group number in Get Information about Schools, like 2044" }}
          inputmode="numeric"
          spellcheck={false}
          classes="govuk-input--width-10"
        />
      );
    case 'companiesHouseNumber':
      return (
        <Input
          {...common}
          label={{ text: 'Companies House number (optional)' }}
          hint={{ text: '8 characters, like 07318714 or SC123456' }}
          spellcheck={false}
          autocapitalize="characters"
          classes="govuk-input--width-10"
        />
      );
  }
}

/** Hidden on the kind question's GET form: tells "nothing chosen" from a first visit. */
export const KIND_STEP_FIELD = 'step';

/**
 * The first question: what kind of organisation. Its answer decides which identifiers the
 * next page asks for, so each page shows only what applies (no conditionally revealed fields).
 */
export function OrganisationKindPage({ chosen, errors }: { chosen: string; errors: FormErrors }): VNode {
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <ErrorSummaryFor errors={errors} />
        <form action={organisationPaths.new()} method="get" novalidate>
          <input type="hidden" name={KIND_STEP_FIELD} value="kind" />
          <Radios
            name="kind"
            idPrefix="kind"
            fieldset={{
              legend: {
                text: 'What kind of organisation is it?',
                classes: 'govuk-fieldset__legend--l',
                isPageHeading: true,
              },
            }}
            value={chosen}
            errorMessage={errors.field('kind')}
            items={organisationKinds.map((kind) => ({ value: kind, text: kindLabels[kind] }))}
          />
          <Button text="Continue" />
        </form>
        <p class="govuk-body">
          <a class="govuk-link" href={organisationPaths.list()}>
            Cancel
          </a>
        </p>
      </div>
    </div>
  );
}

/** "Add a school", "Add a group of schools". */
export const newOrganisationTitle = (kind: OrganisationKind): string => `Add a ${kindLabels[kind].toLowerCase()}`;

export function NewOrganisationPage({ kind, values, errors }: FieldProps & { kind: OrganisationKind }): VNode {
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <ErrorSummaryFor errors={errors} />
        <h1 class="govuk-heading-l">{newOrganisationTitle(kind)}</h1>
        <Form action={organisationPaths.new()}>
          <input type="hidden" name="kind" value={kind} />
          {fieldsOfKind[kind].map((field) => (
            <DetailInput field={field} values={values} errors={errors} />
          ))}
          <Button text={newOrganisationTitle(kind)} preventDoubleClick />
        </Form>
        <p class="govuk-body">
          <a class="govuk-link" href={organisationPaths.new()}>
            Choose another kind of organisation
          </a>
        </p>
      </div>
    </div>
  );
}

export interface EditOrganisationPageProps extends FieldProps {
  id: string;
  kind: OrganisationKind;
  /** The name as saved, for the heading: what is typed may not be saved yet. */
  savedName: string;
  /** The version and details the form shows as "read": saving goes over these. */
  version: number;
  shown: Record<DetailField, string>;
}

export function EditOrganisationPage(props: EditOrganisationPageProps): VNode {
  const { id, kind, savedName, version, shown, values, errors } = props;
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <ErrorSummaryFor errors={errors} />
        <span class="govuk-caption-l">{savedName}</span>
        <h1 class="govuk-heading-l">Change the organisation's details</h1>
        <Form action={organisationPaths.edit(id)}>
          <input type="hidden" name="version" value={String(version)} />
          {fieldsOfKind[kind].map((field) => (
            <input type="hidden" name={originalField(field)} value={shown[field]} />
          ))}
          {fieldsOfKind[kind].map((field) => (
            <DetailInput field={field} values={values} errors={errors} />
          ))}
          <Button text="Save changes" preventDoubleClick />
        </Form>
        <p class="govuk-body">
          <a class="govuk-link" href={organisationPaths.organisation(id)}>
            Cancel
          </a>
        </p>
      </div>
    </div>
  );
}
