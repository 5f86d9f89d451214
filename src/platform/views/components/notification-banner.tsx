import { h, type ComponentChildren, type JSX, type VNode } from 'preact';
import { Raw } from '../render.ts';
import { classNames, toAttributes, type Attributes } from './attributes.ts';

export interface NotificationBannerProps {
  text?: string;
  html?: string;
  titleText?: string;
  titleHtml?: string;
  titleHeadingLevel?: number;
  type?: string;
  role?: string;
  titleId?: string;
  disableAutoFocus?: boolean;
  classes?: string;
  attributes?: Attributes;
  /** The macro's `caller()` body; replaces `html`/`text` when given. */
  children?: ComponentChildren;
}

function content({ text, html, children }: NotificationBannerProps): ComponentChildren {
  if (children !== undefined) return children;
  if (html) return <Raw html={html} />;
  if (text) return <p class="govuk-notification-banner__heading">{text.trim()}</p>;
  return null;
}

export function NotificationBanner(props: NotificationBannerProps): VNode {
  const { titleText, titleHtml, titleHeadingLevel, type, role, titleId, disableAutoFocus } = props;
  const { classes, attributes } = props;
  // Only "success" is a recognised type; anything else falls back to the default banner.
  const success = type === 'success';
  const id = titleId || 'govuk-notification-banner-title';
  const title: ComponentChildren = titleHtml ? (
    <Raw html={titleHtml} />
  ) : (
    titleText || (success ? 'Success' : 'Important')
  );
  const autoFocus =
    disableAutoFocus === undefined
      ? {}
      : { 'data-disable-auto-focus': disableAutoFocus === null ? '' : String(disableAutoFocus) };
  // Custom attributes come last in the template, so fixed attributes win on a clash.
  return (
    <div
      {...toAttributes(attributes)}
      {...autoFocus}
      class={classNames('govuk-notification-banner', success && `govuk-notification-banner--${type}`, classes)}
      // govuk-frontend accepts any role string; Preact's type lists only ARIA's own.
      role={(role || (success ? 'alert' : 'region')) as JSX.AriaRole}
      aria-labelledby={id}
      data-module="govuk-notification-banner"
    >
      <div class="govuk-notification-banner__header">
        {h(`h${titleHeadingLevel || 2}`, { class: 'govuk-notification-banner__title', id }, title)}
      </div>
      <div class="govuk-notification-banner__content">{content(props)}</div>
    </div>
  );
}
