import type { ComponentChildren, VNode } from 'preact';
import { htmlOrText } from '../render.ts';
import { classNames, toAttributes, type Attributes } from './attributes.ts';

export interface DetailsProps {
  summaryText?: string;
  summaryHtml?: string;
  text?: string;
  html?: string;
  id?: string;
  open?: boolean;
  classes?: string;
  attributes?: Attributes;
  /** The macro's `caller()` body; replaces `html`/`text` when given. */
  children?: ComponentChildren;
}

export function Details(props: DetailsProps): VNode {
  const { summaryText, summaryHtml, text, html, id, open, classes, attributes, children } = props;
  // The template writes ` open` after the custom attributes, so they win over it.
  return (
    <details
      open={open ? true : undefined}
      {...toAttributes(attributes)}
      {...(id ? { id } : {})}
      class={classNames('govuk-details', classes)}
    >
      <summary class="govuk-details__summary">
        <span class="govuk-details__summary-text">{htmlOrText(summaryHtml || undefined, summaryText)}</span>
      </summary>
      <div class="govuk-details__text">{children !== undefined ? children : htmlOrText(html || undefined, text)}</div>
    </details>
  );
}
