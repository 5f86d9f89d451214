import type { ComponentChildren, VNode } from 'preact';
import { htmlOrText } from '../render.ts';
import { classNames, toAttributes, type Attributes } from './attributes.ts';

export interface ErrorSummaryItem {
  href?: string;
  text?: string;
  html?: string;
  attributes?: Attributes;
}

export interface ErrorSummaryProps {
  titleText?: string;
  titleHtml?: string;
  descriptionText?: string;
  descriptionHtml?: string;
  errorList?: ErrorSummaryItem[];
  disableAutoFocus?: boolean;
  classes?: string;
  attributes?: Attributes;
  /** The macro's `caller()` body; replaces the description when given. */
  children?: ComponentChildren;
}

function ErrorItem({ item }: { item: ErrorSummaryItem }): VNode {
  const content = htmlOrText(item.html || undefined, item.text);
  return (
    <li>
      {item.href ? (
        <a {...toAttributes(item.attributes)} href={item.href}>
          {content}
        </a>
      ) : (
        content
      )}
    </li>
  );
}

export function ErrorSummary(props: ErrorSummaryProps): VNode {
  const { titleText, titleHtml, descriptionText, descriptionHtml, errorList, disableAutoFocus } = props;
  const { classes, attributes, children } = props;
  const hasDescription = children !== undefined || Boolean(descriptionHtml) || Boolean(descriptionText);
  // The template checks `!== undefined`, so an explicit false is still written out.
  const autoFocus =
    disableAutoFocus === undefined
      ? {}
      : { 'data-disable-auto-focus': disableAutoFocus === null ? '' : String(disableAutoFocus) };
  return (
    <div
      data-module="govuk-error-summary"
      {...toAttributes(attributes)}
      {...autoFocus}
      class={classNames('govuk-error-summary', classes)}
    >
      <div role="alert">
        <h2 class="govuk-error-summary__title">{htmlOrText(titleHtml || undefined, titleText)}</h2>
        <div class="govuk-error-summary__body">
          {hasDescription && (
            <p>{children !== undefined ? children : htmlOrText(descriptionHtml || undefined, descriptionText)}</p>
          )}
          {errorList && errorList.length > 0 && (
            <ul class="govuk-list govuk-error-summary__list">
              {errorList.map((item) => (
                <ErrorItem item={item} />
              ))}
            </ul>
          )}
        </div>
      </div>
    </div>
  );
}
