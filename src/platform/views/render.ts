import { h, type ComponentChildren, type VNode } from 'preact';
import { render } from 'preact-render-to-string';

/**
 * Preact cannot place trusted HTML inside a parent without a wrapping element, but
 * govuk-frontend's markup (and so our components) accept `html` options that sit
 * directly among other children. `Raw` renders inside a marker element that
 * `renderHtml` removes afterwards. The marker cannot come from people's text:
 * text is escaped, so a literal "<tandem-raw>" in content becomes "&lt;tandem-raw>".
 */
const RAW_TAG = 'tandem-raw';
const RAW_MARKERS = new RegExp(`</?${RAW_TAG}>`, 'g');

export function Raw({ html }: { html: string }): VNode {
  // A custom element name has no typed props in Preact's JSX tables; the props are plain.
  return h(RAW_TAG, { dangerouslySetInnerHTML: { __html: html } }) as VNode;
}

/**
 * Trusted HTML if given, otherwise escaped text: the `html`/`text` pair of govuk-frontend
 * options. Like the Nunjucks templates, an empty `html` falls back to the text.
 */
export function htmlOrText(html: string | undefined, text: ComponentChildren): ComponentChildren {
  return html ? h(Raw, { html }) : text;
}

export function renderHtml(node: VNode): string {
  return render(node).replace(RAW_MARKERS, '');
}

export function renderDocument(node: VNode): string {
  return `<!DOCTYPE html>\n${renderHtml(node)}`;
}
