import type { VNode } from 'preact';
import { htmlOrText } from '../render.ts';
import { classNames, toAttributes, type Attributes } from './attributes.ts';

export interface TagProps {
  text?: string;
  html?: string;
  classes?: string;
  attributes?: Attributes;
}

export function Tag({ text, html, classes, attributes }: TagProps): VNode {
  return (
    <strong class={classNames('govuk-tag', classes)} {...toAttributes(attributes)}>
      {htmlOrText(html, text)}
    </strong>
  );
}
