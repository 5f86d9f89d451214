import type { VNode } from 'preact';
import { htmlOrText } from '../render.ts';
import { classNames, toAttributes, type Attributes } from './attributes.ts';

export interface HintProps {
  text?: string;
  html?: string;
  id?: string;
  classes?: string;
  attributes?: Attributes;
}

export function Hint({ text, html, id, classes, attributes }: HintProps): VNode {
  return (
    <div id={id || undefined} class={classNames('govuk-hint', classes)} {...toAttributes(attributes)}>
      {htmlOrText(html || undefined, text)}
    </div>
  );
}
