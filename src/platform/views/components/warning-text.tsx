import type { VNode } from 'preact';
import { htmlOrText } from '../render.ts';
import { classNames, toAttributes, type Attributes } from './attributes.ts';

export interface WarningTextProps {
  text?: string;
  html?: string;
  iconFallbackText?: string;
  classes?: string;
  attributes?: Attributes;
}

export function WarningText({ text, html, iconFallbackText, classes, attributes }: WarningTextProps): VNode {
  return (
    <div {...toAttributes(attributes)} class={classNames('govuk-warning-text', classes)}>
      <span class="govuk-warning-text__icon" aria-hidden="true">
        !
      </span>
      <strong class="govuk-warning-text__text">
        <span class="govuk-visually-hidden">{iconFallbackText || 'Warning'}</span>
        {htmlOrText(html || undefined, text)}
      </strong>
    </div>
  );
}
