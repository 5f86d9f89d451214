import type { ComponentChildren, VNode } from 'preact';
import { htmlOrText, Raw } from '../render.ts';
import { classNames, toAttributes, type Attributes } from './attributes.ts';

export interface FieldsetLegend {
  text?: string;
  html?: string;
  classes?: string;
  isPageHeading?: boolean;
}

export interface FieldsetProps {
  describedBy?: string;
  legend?: FieldsetLegend;
  classes?: string;
  role?: string;
  attributes?: Attributes;
  html?: string;
  /** Stands in for the macro's `caller` block (`{% call govukFieldset() %}`) and wins over `html`. */
  children?: ComponentChildren;
}

export function Fieldset({ describedBy, legend, classes, role, attributes, html, children }: FieldsetProps): VNode {
  return (
    <fieldset
      class={classNames('govuk-fieldset', classes)}
      // Preact types `role` as a known ARIA role; the macro takes any string.
      {...toAttributes({ role: { value: role || undefined, optional: true } })}
      aria-describedby={describedBy || undefined}
      {...toAttributes(attributes)}
    >
      {legend && (legend.html || legend.text) ? <Legend {...legend} /> : null}
      {children !== undefined && children !== null ? children : html ? <Raw html={html} /> : null}
    </fieldset>
  );
}

function Legend({ text, html, classes, isPageHeading }: FieldsetLegend): VNode {
  const content = htmlOrText(html || undefined, text);
  return (
    <legend class={classNames('govuk-fieldset__legend', classes)}>
      {isPageHeading ? <h1 class="govuk-fieldset__heading">{content}</h1> : content}
    </legend>
  );
}
