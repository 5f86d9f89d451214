import type { ComponentChildren, VNode } from 'preact';
import { classNames, toAttributes, type Attributes } from './attributes.ts';
import { ErrorMessage, type ErrorMessageProps } from './error-message.tsx';
import { Fieldset, type FieldsetProps } from './fieldset.tsx';
import type { FormGroupContent } from './form-group.tsx';
import { Hint, type HintProps } from './hint.tsx';

/**
 * The frame shared by govuk-frontend's radios, checkboxes and date input: a form
 * group, optionally a fieldset, then the group's hint and error message above the
 * inputs' container. Each component renders its own container as `children`.
 */

export interface InputGroupFormGroup {
  classes?: string;
  attributes?: Attributes;
  beforeInputs?: FormGroupContent;
  afterInputs?: FormGroupContent;
}

interface InputGroupProps {
  idPrefix: string | undefined;
  describedBy: string | undefined;
  hint: HintProps | undefined;
  errorMessage: ErrorMessageProps | undefined;
  formGroup: InputGroupFormGroup | undefined;
  fieldset: FieldsetProps | undefined;
  fieldsetRole?: string;
  children: ComponentChildren;
}

export function InputGroup(props: InputGroupProps): VNode {
  const { idPrefix, describedBy, hint, errorMessage, formGroup, fieldset, fieldsetRole, children } = props;
  const inner = (
    <>
      {hint && (
        <Hint
          id={`${idPrefix}-hint`}
          classes={hint.classes}
          attributes={hint.attributes}
          html={hint.html}
          text={hint.text}
        />
      )}
      {errorMessage && (
        <ErrorMessage
          id={`${idPrefix}-error`}
          classes={errorMessage.classes}
          attributes={errorMessage.attributes}
          html={errorMessage.html}
          text={errorMessage.text}
          visuallyHiddenText={errorMessage.visuallyHiddenText}
        />
      )}
      {children}
    </>
  );
  return (
    <div
      {...toAttributes(formGroup?.attributes)}
      class={classNames('govuk-form-group', errorMessage && 'govuk-form-group--error', formGroup?.classes)}
    >
      {fieldset ? (
        <Fieldset
          describedBy={describedBy}
          classes={fieldset.classes}
          role={fieldsetRole}
          attributes={fieldset.attributes}
          legend={fieldset.legend}
        >
          {inner}
        </Fieldset>
      ) : (
        inner
      )}
    </div>
  );
}
