import type { VNode } from 'preact';
import { DateInput } from '../views/components/date-input.tsx';
import { dateBoxesInError } from './date-fields.ts';
import type { FormErrors, FormValues } from './forms.ts';

/** A GOV.UK date input for a form field, keeping what was typed and marking the boxes to fix. */
export function DateInputField({
  name,
  legend,
  hint = 'For example, 27 3 2027',
  values,
  errors,
}: {
  name: string;
  legend: string;
  hint?: string;
  values: FormValues;
  errors: FormErrors;
}): VNode {
  // A too-long box is reported against the box; it is shown beside the date all the same.
  const error = [name, `${name}-day`, `${name}-month`, `${name}-year`].map((each) => errors.field(each)).find(Boolean);
  const wrong = error ? dateBoxesInError(values, name) : [];
  const box = (part: 'day' | 'month' | 'year', width: number) => {
    const value = values[`${name}-${part}`];
    return {
      name: part,
      value: typeof value === 'string' ? value : '',
      classes: `govuk-input--width-${width}${wrong.includes(part) ? ' govuk-input--error' : ''}`,
    };
  };
  return (
    <DateInput
      id={name}
      namePrefix={name}
      fieldset={{ legend: { text: legend, classes: 'govuk-fieldset__legend--s' } }}
      hint={{ text: hint }}
      errorMessage={error}
      items={[box('day', 2), box('month', 2), box('year', 4)]}
    />
  );
}
