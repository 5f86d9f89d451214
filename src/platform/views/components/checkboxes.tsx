import type { VNode } from 'preact';
import type { Attributes } from './attributes.ts';
import { Choices, type ChoiceDivider, type ChoiceOption, type ChoiceValue, type Maybe } from './choice-items.tsx';
import type { ErrorMessageProps } from './error-message.tsx';
import type { FieldsetProps } from './fieldset.tsx';
import type { HintProps } from './hint.tsx';
import type { InputGroupFormGroup } from './input-group.tsx';

export interface CheckboxesOption extends ChoiceOption {
  /** Overrides the group's `name` for this checkbox. */
  name?: string;
  /** `"exclusive"` makes this a "none of these" option that clears the others. */
  behaviour?: string;
}

export type CheckboxesItem = CheckboxesOption | ChoiceDivider;

export interface CheckboxesProps {
  describedBy?: string;
  fieldset?: FieldsetProps;
  hint?: HintProps;
  errorMessage?: ErrorMessageProps;
  formGroup?: InputGroupFormGroup;
  idPrefix?: string;
  name: string;
  items: Array<Maybe<CheckboxesItem>>;
  /** Checks the items with these values, unless an item says `checked: false`. */
  values?: ChoiceValue[];
  classes?: string;
  attributes?: Attributes;
}

export function Checkboxes(props: CheckboxesProps): VNode {
  const { values } = props;
  return (
    <Choices
      kind="checkboxes"
      name={props.name}
      idPrefix={props.idPrefix}
      items={props.items}
      // Nunjucks' `in` is `indexOf`: strict, unlike the radios' `==`.
      matches={(itemValue) => (values ? itemValue !== undefined && values.includes(itemValue) : false)}
      describedBy={props.fieldset?.describedBy || props.describedBy}
      describeItemsByGroup={true}
      hint={props.hint}
      errorMessage={props.errorMessage}
      formGroup={props.formGroup}
      fieldset={props.fieldset}
      classes={props.classes}
      attributes={props.attributes}
    />
  );
}
