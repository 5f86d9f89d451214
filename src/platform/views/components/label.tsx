import type { VNode } from 'preact';
import { htmlOrText } from '../render.ts';
import { classNames, toAttributes, type Attributes } from './attributes.ts';

export interface LabelProps {
  text?: string;
  html?: string;
  for?: string;
  isPageHeading?: boolean;
  classes?: string;
  attributes?: Attributes;
}

export function Label({ text, html, for: htmlFor, isPageHeading, classes, attributes }: LabelProps): VNode | null {
  // The macro renders nothing at all, not an empty label, when there is no content.
  if (!html && !text) return null;
  const label = (
    <label class={classNames('govuk-label', classes)} for={htmlFor || undefined} {...toAttributes(attributes)}>
      {htmlOrText(html || undefined, text)}
    </label>
  );
  return isPageHeading ? <h1 class="govuk-label-wrapper">{label}</h1> : label;
}
