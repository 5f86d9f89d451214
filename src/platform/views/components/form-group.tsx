import { h, type ComponentChildren, type VNode } from 'preact';
import { Raw } from '../render.ts';
import { classNames, toAttributes, type Attributes } from './attributes.ts';
import { ErrorMessage, type ErrorMessageProps } from './error-message.tsx';
import { Hint, type HintProps } from './hint.tsx';
import { Label, type LabelProps } from './label.tsx';

/**
 * The form group shared by govuk-frontend's single-control components (input,
 * textarea, and through them character count and password input): a label for the
 * control, then its hint and error message, then the control itself as `children`.
 */

export interface FormGroupContent {
  text?: string;
  html?: string;
}

export interface FormGroupOptions {
  classes?: string;
  attributes?: Attributes;
  beforeInput?: FormGroupContent;
  afterInput?: FormGroupContent;
}

/** `html | safe | trim if html else text`, the way these templates place free content. */
export function optionContent(content: FormGroupContent | undefined): ComponentChildren {
  if (!content) return null;
  return content.html ? h(Raw, { html: content.html.trim() }) : content.text;
}

export function hasContent(content: FormGroupContent | undefined): boolean {
  return Boolean(content && (content.html || content.text));
}

/** The control's aria-describedby: any ids given, then the hint's, then the error message's. */
export function describedByIds(
  describedBy: string | undefined,
  id: string | undefined,
  hint: HintProps | undefined,
  errorMessage: ErrorMessageProps | false | undefined,
): string | undefined {
  // `${id}` keeps Nunjucks' string concatenation, which also turns a missing id into "undefined".
  return classNames(describedBy, hint && `${id}-hint`, errorMessage && `${id}-error`) || undefined;
}

/**
 * govukI18nAttributes: `data-i18n.<key>` for a single message, or
 * `data-i18n.<key>.<plural rule>` for each message of a plural set.
 */
export function i18nAttributes(
  key: string,
  translation: string | Record<string, string> | undefined,
): Record<string, string> {
  if (translation && typeof translation === 'object') {
    return Object.fromEntries(
      Object.entries(translation).map(([rule, message]) => [`data-i18n.${key}.${rule}`, message]),
    );
  }
  return translation ? { [`data-i18n.${key}`]: translation } : {};
}

interface FormGroupProps {
  /** The control's id, which the label points at and the hint and error ids derive from. */
  id: string | undefined;
  label: LabelProps | undefined;
  hint: HintProps | undefined;
  errorMessage: ErrorMessageProps | false | undefined;
  formGroup: FormGroupOptions | undefined;
  children: ComponentChildren;
}

export function FormGroup({ id, label, hint, errorMessage, formGroup, children }: FormGroupProps): VNode {
  return (
    <div
      class={classNames('govuk-form-group', errorMessage && 'govuk-form-group--error', formGroup?.classes)}
      {...toAttributes(formGroup?.attributes)}
    >
      <Label
        html={label?.html}
        text={label?.text}
        classes={label?.classes}
        isPageHeading={label?.isPageHeading}
        attributes={label?.attributes}
        for={id}
      />
      {hint ? (
        <Hint id={`${id}-hint`} classes={hint.classes} attributes={hint.attributes} html={hint.html} text={hint.text} />
      ) : null}
      {errorMessage ? (
        <ErrorMessage
          id={`${id}-error`}
          classes={errorMessage.classes}
          attributes={errorMessage.attributes}
          html={errorMessage.html}
          text={errorMessage.text}
          visuallyHiddenText={errorMessage.visuallyHiddenText}
        />
      ) : null}
      {children}
    </div>
  );
}
