import type { VNode } from 'preact';
import { classNames, toAttributes, type Attributes } from './attributes.ts';
import type { ErrorMessageProps } from './error-message.tsx';
import type { FieldsetProps } from './fieldset.tsx';
import type { HintProps } from './hint.tsx';
import { Input } from './input.tsx';
import { describedByIds, optionContent } from './form-group.tsx';
import { InputGroup, type InputGroupFormGroup } from './input-group.tsx';

export interface DateInputItem {
  id?: string;
  name: string;
  /** Defaults to `name`, capitalised. */
  label?: string;
  value?: string | number;
  /** Not in the macro's documented options, but the template reads it; defaults to "numeric". */
  inputmode?: string;
  autocomplete?: string;
  pattern?: string;
  classes?: string;
  attributes?: Attributes;
}

export interface DateInputProps {
  id: string;
  namePrefix?: string;
  items?: DateInputItem[];
  hint?: HintProps;
  errorMessage?: ErrorMessageProps;
  formGroup?: InputGroupFormGroup;
  fieldset?: FieldsetProps;
  classes?: string;
  attributes?: Attributes;
}

const DEFAULT_ITEMS: DateInputItem[] = [
  { name: 'day', classes: 'govuk-input--width-2' },
  { name: 'month', classes: 'govuk-input--width-2' },
  { name: 'year', classes: 'govuk-input--width-4' },
];

/** Nunjucks' `capitalize`: first letter upper case, the rest lower case. */
function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1).toLowerCase();
}

export function DateInput(props: DateInputProps): VNode {
  const { id, namePrefix, hint, errorMessage, formGroup, fieldset, classes, attributes } = props;
  const items = props.items?.length ? props.items : DEFAULT_ITEMS;
  const describedBy = describedByIds(fieldset?.describedBy, id, hint, errorMessage);
  return (
    <InputGroup
      idPrefix={id}
      describedBy={describedBy}
      hint={hint}
      errorMessage={errorMessage}
      formGroup={formGroup}
      fieldset={fieldset}
      // Screen readers (JAWS) only read a fieldset's description for text inputs when it is a group.
      fieldsetRole="group"
    >
      {/* Ordered so that, as in the template's HTML where the first duplicate wins, custom attributes override `id` but not `class`. */}
      <div {...(id ? { id } : {})} {...toAttributes(attributes)} class={classNames('govuk-date-input', classes)}>
        {optionContent(formGroup?.beforeInputs)}
        {items.map((item) => (
          <div class="govuk-date-input__item">
            <Input
              label={{ text: item.label || capitalize(item.name), classes: 'govuk-date-input__label' }}
              id={item.id || `${id}-${item.name}`}
              classes={classNames('govuk-date-input__input', item.classes)}
              name={namePrefix ? `${namePrefix}-${item.name}` : item.name}
              value={item.value}
              type="text"
              inputmode={item.inputmode || 'numeric'}
              autocomplete={item.autocomplete}
              pattern={item.pattern}
              attributes={item.attributes}
            />
          </div>
        ))}
        {optionContent(formGroup?.afterInputs)}
      </div>
    </InputGroup>
  );
}
