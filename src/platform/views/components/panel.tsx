import { h, type ComponentChildren, type VNode } from 'preact';
import { htmlOrText } from '../render.ts';
import { classNames, toAttributes, type Attributes } from './attributes.ts';

export interface PanelProps {
  titleText?: string;
  titleHtml?: string;
  headingLevel?: number;
  text?: string;
  html?: string;
  classes?: string;
  attributes?: Attributes;
  /** The macro's `caller()` body; replaces `html`/`text` when given. */
  children?: ComponentChildren;
}

export function Panel(props: PanelProps): VNode {
  const { titleText, titleHtml, headingLevel, text, html, classes, attributes, children } = props;
  const hasBody = children !== undefined || Boolean(html) || Boolean(text);
  return (
    <div {...toAttributes(attributes)} class={classNames('govuk-panel govuk-panel--confirmation', classes)}>
      {h(`h${headingLevel || 1}`, { class: 'govuk-panel__title' }, htmlOrText(titleHtml || undefined, titleText))}
      {hasBody && (
        <div class="govuk-panel__body">{children !== undefined ? children : htmlOrText(html || undefined, text)}</div>
      )}
    </div>
  );
}
