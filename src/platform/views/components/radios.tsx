import type { VNode } from 'preact';
import type { Attributes } from './attributes.ts';
import { Choices, type ChoiceDivider, type ChoiceOption, type ChoiceValue, type Maybe } from './choice-items.tsx';
import type { ErrorMessageProps } from './error-message.tsx';
import type { FieldsetProps } from './fieldset.tsx';
import type { HintProps } from './hint.tsx';
import type { InputGroupFormGroup } from './input-group.tsx';

export type RadiosItem = ChoiceOption | ChoiceDivider;

export interface RadiosProps {
  fieldset?: FieldsetProps;
  hint?: HintProps;
  errorMessage?: ErrorMessageProps;
  formGroup?: InputGroupFormGroup;
  idPrefix?: string;
  name: string;
  items: Array<Maybe<RadiosItem>>;
  /** Checks the item with this value, unless that item says `checked: false`. */
  value?: ChoiceValue;
  classes?: string;
  attributes?: Attributes;
}

export function Radios(props: RadiosProps): VNode {
  const { value } = props;
  return (
    <Choices
      kind="radios"
      name={props.name}
      idPrefix={props.idPrefix}
      items={props.items}
      // Loosely, as the template does, so a number matches the string a form posts.
      // eslint-disable-next-line eqeqeq -- see above
      matches={(itemValue) => Boolean(value) && itemValue == value}
      describedBy={props.fieldset?.describedBy}
      describeItemsByGroup={false}
      hint={props.hint}
      errorMessage={props.errorMessage}
      formGroup={props.formGroup}
      fieldset={props.fieldset}
      classes={props.classes}
      attributes={props.attributes}
    />
  );
}
