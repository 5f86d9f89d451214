import type { ComponentChildren, VNode } from 'preact';
import { classNames, toAttributes, type Attributes } from './attributes.ts';
import type { ErrorMessageProps } from './error-message.tsx';
import { describedByIds, FormGroup, optionContent, type FormGroupOptions } from './form-group.tsx';
import type { HintProps } from './hint.tsx';
import type { LabelProps } from './label.tsx';

export interface TextareaProps {
  id?: string;
  name?: string;
  spellcheck?: boolean;
  rows?: string | number;
  value?: string;
  disabled?: boolean;
  describedBy?: string;
  label?: LabelProps;
  hint?: HintProps;
  errorMessage?: ErrorMessageProps | false;
  formGroup?: FormGroupOptions;
  classes?: string;
  autocomplete?: string;
  attributes?: Attributes;
  /**
   * Markup after the textarea, following `formGroup.afterInput`: how the character
   * count adds its message without building HTML strings.
   */
  children?: ComponentChildren;
}

export function Textarea(props: TextareaProps): VNode {
  const { name, spellcheck, rows, value, disabled, label, hint, errorMessage, formGroup, classes, attributes } = props;
  const id = props.id || name;
  const describedBy = describedByIds(props.describedBy || undefined, id, hint, errorMessage);
  // A plain record: Preact's JSX types want `spellcheck` boolean, the markup wants "true"/"false".
  const own: Record<string, string | number | boolean | undefined> = {
    class: classNames('govuk-textarea', errorMessage && 'govuk-textarea--error', classes),
    id: id ?? '',
    name: name ?? '',
    rows: rows || 5,
    spellcheck: spellcheck === true || spellcheck === false ? String(spellcheck) : undefined,
    disabled: disabled ? true : undefined,
    'aria-describedby': describedBy,
    autocomplete: props.autocomplete || undefined,
  };
  return (
    <FormGroup id={id} label={label} hint={hint} errorMessage={errorMessage} formGroup={formGroup}>
      {optionContent(formGroup?.beforeInput)}
      <textarea {...own} {...toAttributes(attributes)}>
        {value ?? ''}
      </textarea>
      {optionContent(formGroup?.afterInput)}
      {props.children}
    </FormGroup>
  );
}
