import type { ComponentChildren, VNode } from 'preact';
import { classNames, toAttributes, type Attributes } from './attributes.ts';
import type { ErrorMessageProps } from './error-message.tsx';
import {
  describedByIds,
  FormGroup,
  hasContent,
  optionContent,
  type FormGroupContent,
  type FormGroupOptions,
} from './form-group.tsx';
import type { HintProps } from './hint.tsx';
import type { LabelProps } from './label.tsx';

export interface InputAffix extends FormGroupContent {
  classes?: string;
  attributes?: Attributes;
}

export interface InputProps {
  id?: string;
  name?: string;
  type?: string;
  inputmode?: string;
  value?: string | number;
  disabled?: boolean;
  describedBy?: string;
  label?: LabelProps;
  hint?: HintProps;
  errorMessage?: ErrorMessageProps | false;
  prefix?: InputAffix;
  suffix?: InputAffix;
  formGroup?: FormGroupOptions;
  classes?: string;
  autocomplete?: string;
  pattern?: string;
  spellcheck?: boolean;
  autocapitalize?: string;
  inputWrapper?: { classes?: string; attributes?: Attributes };
  attributes?: Attributes;
  /**
   * Markup after the input, inside its wrapper, following `formGroup.afterInput`:
   * how composite components (password input) add elements without building HTML strings.
   */
  children?: ComponentChildren;
}

export function Input(props: InputProps): VNode {
  const { label, hint, errorMessage, formGroup, prefix, suffix, inputWrapper, children } = props;
  const id = props.id || props.name;
  const hasAfterInput = hasContent(formGroup?.afterInput) || (children !== undefined && children !== null);
  const wrapped = hasContent(prefix) || hasContent(suffix) || hasContent(formGroup?.beforeInput) || hasAfterInput;
  const input = (
    <InputElement {...props} id={id} describedBy={describedByIds(props.describedBy, id, hint, errorMessage)} />
  );
  return (
    <FormGroup id={id} label={label} hint={hint} errorMessage={errorMessage} formGroup={formGroup}>
      {wrapped ? (
        <div
          class={classNames('govuk-input__wrapper', inputWrapper?.classes)}
          {...toAttributes(inputWrapper?.attributes)}
        >
          {hasContent(formGroup?.beforeInput) ? optionContent(formGroup?.beforeInput) : null}
          {hasContent(prefix) ? <Affix affix={prefix} type="prefix" /> : null}
          {input}
          {hasContent(suffix) ? <Affix affix={suffix} type="suffix" /> : null}
          {hasContent(formGroup?.afterInput) ? optionContent(formGroup?.afterInput) : null}
          {children}
        </div>
      ) : (
        input
      )}
    </FormGroup>
  );
}

function InputElement(props: InputProps): VNode {
  const { id, name, type, value, disabled, spellcheck, errorMessage, classes, attributes } = props;
  // A plain record: Preact's JSX types want `spellcheck` boolean, the markup wants "true"/"false".
  const own: Record<string, string | number | boolean | undefined> = {
    class: classNames('govuk-input', classes, errorMessage && 'govuk-input--error'),
    id: id ?? '',
    name: name ?? '',
    type: type || 'text',
    spellcheck: spellcheck === true || spellcheck === false ? String(spellcheck) : undefined,
    // Preact leaves out undefined, null and false and writes `true` as a bare attribute,
    // which is govukAttributes' `optional: true` behaviour for the rest.
    value,
    disabled,
    'aria-describedby': props.describedBy,
    autocomplete: props.autocomplete,
    autocapitalize: props.autocapitalize,
    pattern: props.pattern,
    inputmode: props.inputmode,
  };
  return <input {...own} {...toAttributes(attributes)} />;
}

function Affix({ affix, type }: { affix: InputAffix | undefined; type: 'prefix' | 'suffix' }): VNode {
  return (
    <div
      class={classNames(`govuk-input__${type}`, affix?.classes)}
      aria-hidden="true"
      {...toAttributes(affix?.attributes)}
    >
      {optionContent(affix)}
    </div>
  );
}
