import type { ComponentChildren, VNode } from 'preact';
import { htmlOrText } from '../render.ts';
import { classNames, toAttributes, type Attributes } from './attributes.ts';

export interface InsetTextProps {
  text?: string;
  html?: string;
  id?: string;
  classes?: string;
  attributes?: Attributes;
  /** The macro's `caller()` body; replaces `html`/`text` when given. */
  children?: ComponentChildren;
}

export function InsetText({ text, html, id, classes, attributes, children }: InsetTextProps): VNode {
  return (
    <div {...toAttributes(attributes)} {...(id ? { id } : {})} class={classNames('govuk-inset-text', classes)}>
      {children !== undefined ? children : htmlOrText(html || undefined, text)}
    </div>
  );
}
