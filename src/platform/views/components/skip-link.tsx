import type { VNode } from 'preact';
import { htmlOrText } from '../render.ts';
import { classNames, toAttributes, type Attributes } from './attributes.ts';

export interface SkipLinkProps {
  text?: string;
  html?: string;
  href?: string;
  classes?: string;
  attributes?: Attributes;
}

export function SkipLink({ text, html, href, classes, attributes }: SkipLinkProps): VNode {
  // JSX lets the last duplicate win while HTML keeps the first, so props run in
  // reverse template order: custom attributes override data-module but not href/class.
  return (
    <a
      data-module="govuk-skip-link"
      {...toAttributes(attributes)}
      href={href || '#content'}
      class={classNames('govuk-skip-link', classes)}
    >
      {htmlOrText(html || undefined, text)}
    </a>
  );
}
