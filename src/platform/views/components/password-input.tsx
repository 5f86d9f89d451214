import type { VNode } from 'preact';
import { classNames, type Attributes } from './attributes.ts';
import { Button } from './button.tsx';
import type { ErrorMessageProps } from './error-message.tsx';
import { i18nAttributes, optionContent, type FormGroupOptions } from './form-group.tsx';
import type { HintProps } from './hint.tsx';
import { Input } from './input.tsx';
import type { LabelProps } from './label.tsx';

export interface PasswordInputProps {
  id?: string;
  name?: string;
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
  showPasswordText?: string;
  hidePasswordText?: string;
  showPasswordAriaLabelText?: string;
  hidePasswordAriaLabelText?: string;
  passwordShownAnnouncementText?: string;
  passwordHiddenAnnouncementText?: string;
  button?: { classes?: string };
}

export function PasswordInput(props: PasswordInputProps): VNode {
  const { formGroup, showPasswordText, showPasswordAriaLabelText } = props;
  const id = props.id || props.name;
  const groupAttributes: Attributes = {
    'data-module': 'govuk-password-input',
    ...i18nAttributes('show-password', showPasswordText),
    ...i18nAttributes('hide-password', props.hidePasswordText),
    ...i18nAttributes('show-password-aria-label', showPasswordAriaLabelText),
    ...i18nAttributes('hide-password-aria-label', props.hidePasswordAriaLabelText),
    ...i18nAttributes('password-shown-announcement', props.passwordShownAnnouncementText),
    ...i18nAttributes('password-hidden-announcement', props.passwordHiddenAnnouncementText),
    ...formGroup?.attributes,
  };

  return (
    <Input
      formGroup={{
        classes: classNames('govuk-password-input', formGroup?.classes),
        attributes: groupAttributes,
        beforeInput: formGroup?.beforeInput,
      }}
      inputWrapper={{ classes: 'govuk-password-input__wrapper' }}
      label={props.label}
      hint={props.hint}
      classes={classNames('govuk-password-input__input govuk-js-password-input-input', props.classes)}
      errorMessage={props.errorMessage}
      id={id}
      name={props.name}
      type="password"
      spellcheck={false}
      autocapitalize="none"
      autocomplete={props.autocomplete || 'current-password'}
      value={props.value}
      disabled={props.disabled}
      describedBy={props.describedBy}
      attributes={props.attributes}
    >
      {/* Hidden until the script runs: without it the toggle would do nothing. */}
      <Button
        type="button"
        classes={classNames(
          'govuk-button--secondary govuk-password-input__toggle govuk-js-password-input-toggle',
          props.button?.classes,
        )}
        // Only a missing option takes the default, as with Nunjucks' `default` filter.
        text={showPasswordText === undefined ? 'Show' : showPasswordText}
        attributes={{
          'aria-controls': id,
          'aria-label': showPasswordAriaLabelText === undefined ? 'Show password' : showPasswordAriaLabelText,
          hidden: { value: true, optional: true },
        }}
      />
      {optionContent(formGroup?.afterInput)}
    </Input>
  );
}
