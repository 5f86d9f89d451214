import type { VNode } from 'preact';
import { htmlOrText } from '../render.ts';
import { classNames, toAttributes, type Attributes } from './attributes.ts';

export interface ButtonProps {
  /** "a", "button" or "input"; by default a link when there is an `href`, otherwise a button. */
  element?: string;
  text?: string;
  html?: string;
  name?: string;
  type?: string;
  value?: string;
  disabled?: boolean;
  href?: string;
  classes?: string;
  attributes?: Attributes;
  preventDoubleClick?: boolean;
  isStartButton?: boolean;
  id?: string;
}

export function Button(props: ButtonProps): VNode | null {
  const { text, html, name, type, value, disabled, href, classes, attributes, preventDoubleClick, isStartButton, id } =
    props;
  const element = props.element ? props.element.toLowerCase() : href ? 'a' : 'button';
  const common: Record<string, string | number | boolean | undefined> = {
    class: classNames('govuk-button', classes, isStartButton && 'govuk-button--start'),
    'data-module': 'govuk-button',
    id: id || undefined,
    ...toAttributes(attributes),
  };
  // Shared by <button> and <input>: a link cannot be named, disabled or submitted twice.
  // A plain record because Preact's JSX types narrow `type`, where the macro takes any string.
  const formControl: Record<string, string | boolean | undefined> = {
    type: type || 'submit',
    name: name || undefined,
    disabled: disabled ? true : undefined,
    'aria-disabled': disabled ? 'true' : undefined,
    // Nunjucks writes null as an empty value; only a missing option leaves the attribute out.
    'data-prevent-double-click': preventDoubleClick === undefined ? undefined : String(preventDoubleClick ?? ''),
  };
  const content = (
    <>
      {htmlOrText(html || undefined, text)}
      {isStartButton ? <StartIcon /> : null}
    </>
  );

  switch (element) {
    case 'a':
      return (
        // Preact writes draggable, an enumerated attribute, as draggable="false".
        <a href={href || '#'} role="button" draggable={false} {...common}>
          {content}
        </a>
      );
    case 'button':
      return (
        <button value={value || undefined} {...formControl} {...common}>
          {content}
        </button>
      );
    case 'input':
      return <input value={text ?? ''} {...formControl} {...common} />;
    default:
      // The macro renders nothing for any other element.
      return null;
  }
}

function StartIcon(): VNode {
  // focusable="false" stops Internet Explorer treating the SVG as an interactive element.
  return (
    <svg
      class="govuk-button__start-icon"
      xmlns="http://www.w3.org/2000/svg"
      width="17.5"
      height="19"
      viewBox="0 0 33 40"
      aria-hidden="true"
      focusable="false"
    >
      <path fill="currentColor" d="M0 0h13l20 20-20 20H0l20-20z" />
    </svg>
  );
}
