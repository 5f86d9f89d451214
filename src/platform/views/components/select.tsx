import type { VNode } from 'preact';
import { classNames, toAttributes, type Attributes } from './attributes.ts';
import type { ErrorMessageProps } from './error-message.tsx';
import { describedByIds, FormGroup, optionContent, type FormGroupOptions } from './form-group.tsx';
import type { HintProps } from './hint.tsx';
import type { LabelProps } from './label.tsx';

export type SelectValue = string | number | boolean | null;

export interface SelectItem {
  value?: SelectValue;
  text: string;
  selected?: boolean;
  disabled?: boolean;
  attributes?: Attributes;
}

export interface SelectProps {
  id?: string;
  name: string;
  /** Falsy entries are skipped, so lists can be built with `condition && item`. */
  items: Array<SelectItem | false | null | undefined>;
  value?: SelectValue;
  disabled?: boolean;
  describedBy?: string;
  label: LabelProps;
  hint?: HintProps;
  errorMessage?: ErrorMessageProps;
  formGroup?: FormGroupOptions;
  classes?: string;
  attributes?: Attributes;
}

/**
 * The template picks an item by `item.value == params.value`, loosely, so a number
 * value selects a string option and vice versa (form data arrives as strings).
 */
function isSelected(item: SelectItem, value: SelectValue | undefined): boolean {
  if (item.selected) return true;
  // An explicit `selected: false` wins over a matching `value`.
  if (item.selected !== undefined && item.selected !== null) return false;
  if (!value) return false;
  // Without a value attribute, the browser submits the option's text.
  const effectiveValue = item.value === undefined ? item.text : item.value;
  // eslint-disable-next-line eqeqeq -- matching Nunjucks' loose comparison on purpose
  return effectiveValue == value;
}

export function Select(props: SelectProps): VNode {
  const { name, items, value, disabled, label, hint, errorMessage, formGroup, classes, attributes } = props;
  const id = props.id || name;
  return (
    <FormGroup id={id} label={label} hint={hint} errorMessage={errorMessage} formGroup={formGroup}>
      {optionContent(formGroup?.beforeInput)}
      <select
        {...toAttributes(attributes)}
        class={classNames('govuk-select', classes, errorMessage && 'govuk-select--error')}
        id={id}
        name={name}
        disabled={disabled ? true : undefined}
        aria-describedby={describedByIds(props.describedBy, id, hint, errorMessage)}
      >
        {(items ?? []).map((item) =>
          item ? (
            // `selected` is always given so preact-render-to-string never infers it.
            <option
              {...toAttributes(item.attributes)}
              {...(item.value !== undefined ? { value: String(item.value ?? '') } : {})}
              selected={isSelected(item, value)}
              disabled={item.disabled ? true : undefined}
            >
              {item.text}
            </option>
          ) : null,
        )}
      </select>
      {optionContent(formGroup?.afterInput)}
    </FormGroup>
  );
}
