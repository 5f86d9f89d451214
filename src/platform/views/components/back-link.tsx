import type { VNode } from 'preact';
import { htmlOrText } from '../render.ts';
import { classNames, toAttributes, type Attributes } from './attributes.ts';

export interface BackLinkProps {
  text?: string;
  html?: string;
  href?: string;
  classes?: string;
  attributes?: Attributes;
}

export function BackLink({ text, html, href, classes, attributes }: BackLinkProps): VNode {
  return (
    <a {...toAttributes(attributes)} href={href || '#'} class={classNames('govuk-back-link', classes)}>
      {htmlOrText(html || undefined, text || 'Back')}
    </a>
  );
}
