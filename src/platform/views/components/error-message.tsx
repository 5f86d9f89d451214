import type { VNode } from 'preact';
import { htmlOrText } from '../render.ts';
import { classNames, toAttributes, type Attributes } from './attributes.ts';

export interface ErrorMessageProps {
  text?: string;
  html?: string;
  id?: string;
  classes?: string;
  attributes?: Attributes;
  /** Defaults to "Error"; an empty string (or null) leaves the prefix out, e.g. when `html` carries a translated one. */
  visuallyHiddenText?: string | null | false;
}

export function ErrorMessage({
  text,
  html,
  id,
  classes,
  attributes,
  // Only undefined takes the default, as with Nunjucks' `default` filter.
  visuallyHiddenText = 'Error',
}: ErrorMessageProps): VNode {
  return (
    <p id={id || undefined} class={classNames('govuk-error-message', classes)} {...toAttributes(attributes)}>
      {visuallyHiddenText ? (
        <>
          <span class="govuk-visually-hidden">{visuallyHiddenText}:</span>{' '}
        </>
      ) : null}
      {htmlOrText(html || undefined, text)}
    </p>
  );
}
