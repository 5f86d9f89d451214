import type { VNode } from 'preact';
import { htmlOrText, Raw } from '../render.ts';
import { classNames, toAttributes, type Attributes } from './attributes.ts';

export interface ServiceNavigationItem {
  text?: string;
  html?: string;
  href?: string;
  /** The page the user is on: styled as active and marked `aria-current="page"`. */
  current?: boolean;
  /** A section the user is within: styled as active and marked `aria-current="true"`. */
  active?: boolean;
  attributes?: Attributes;
}

/** Trusted HTML placed at fixed points in the component. */
export interface ServiceNavigationSlots {
  start?: string;
  end?: string;
  navigationStart?: string;
  navigationEnd?: string;
}

export interface ServiceNavigationProps {
  /** Falsy items are skipped, so callers can build the list conditionally. */
  navigation?: Array<ServiceNavigationItem | false | null | undefined>;
  serviceName?: string;
  serviceUrl?: string;
  ariaLabel?: string;
  menuButtonText?: string;
  menuButtonLabel?: string;
  navigationLabel?: string;
  navigationId?: string;
  navigationClasses?: string;
  collapseNavigationOnMobile?: boolean;
  slots?: ServiceNavigationSlots;
  classes?: string;
  attributes?: Attributes;
}

function Slot({ html }: { html: string | undefined }): VNode | null {
  return html ? <Raw html={html} /> : null;
}

function NavigationItem({ item }: { item: ServiceNavigationItem }): VNode {
  const isActive = Boolean(item.active || item.current);
  const content = htmlOrText(item.html || undefined, item.text);
  const inner = isActive ? <strong class="govuk-service-navigation__active-fallback">{content}</strong> : content;
  const ariaCurrent = isActive ? { 'aria-current': item.current ? ('page' as const) : ('true' as const) } : {};
  return (
    <li class={classNames('govuk-service-navigation__item', isActive && 'govuk-service-navigation__item--active')}>
      {item.href ? (
        <a {...toAttributes(item.attributes)} class="govuk-service-navigation__link" href={item.href} {...ariaCurrent}>
          {inner}
        </a>
      ) : (
        (item.html || item.text) && (
          <span class="govuk-service-navigation__text" {...ariaCurrent}>
            {inner}
          </span>
        )
      )}
    </li>
  );
}

function ServiceName({ serviceName, serviceUrl }: { serviceName: string; serviceUrl?: string }): VNode {
  return (
    <span class="govuk-service-navigation__service-name">
      {serviceUrl ? (
        <a href={serviceUrl} class="govuk-service-navigation__link">
          {serviceName}
        </a>
      ) : (
        <span class="govuk-service-navigation__text">{serviceName}</span>
      )}
    </span>
  );
}

function Navigation(props: ServiceNavigationProps & { items: ServiceNavigationItem[] }): VNode {
  const { items, menuButtonLabel, navigationLabel, navigationClasses, slots } = props;
  const menuButtonText = props.menuButtonText || 'Menu';
  const navigationId = props.navigationId || 'navigation';
  // A single link needs no menu toggle on mobile unless asked for explicitly.
  const collapse = props.collapseNavigationOnMobile ?? items.length > 1;
  const buttonLabel = menuButtonLabel && menuButtonLabel !== menuButtonText ? { 'aria-label': menuButtonLabel } : {};
  return (
    <nav
      aria-label={navigationLabel || menuButtonText}
      class={classNames('govuk-service-navigation__wrapper', navigationClasses)}
    >
      {collapse && (
        <button
          type="button"
          class="govuk-service-navigation__toggle govuk-js-service-navigation-toggle"
          aria-controls={navigationId}
          {...buttonLabel}
          hidden
          aria-hidden="true"
        >
          {menuButtonText}
        </button>
      )}
      <ul class="govuk-service-navigation__list" id={navigationId}>
        <Slot html={slots?.navigationStart} />
        {items.map((item) => (
          <NavigationItem item={item} />
        ))}
        <Slot html={slots?.navigationEnd} />
      </ul>
    </nav>
  );
}

export function ServiceNavigation(props: ServiceNavigationProps): VNode {
  const { navigation, serviceName, serviceUrl, ariaLabel, slots, classes, attributes } = props;
  const items = (navigation ?? []).filter((item): item is ServiceNavigationItem => Boolean(item));
  const hasNavigation = items.length > 0 || Boolean(slots?.navigationStart) || Boolean(slots?.navigationEnd);
  const inner = (
    <div class="govuk-width-container">
      <Slot html={slots?.start} />
      <div class="govuk-service-navigation__container">
        {serviceName && <ServiceName serviceName={serviceName} serviceUrl={serviceUrl} />}
        {hasNavigation && <Navigation {...props} items={items} />}
      </div>
      <Slot html={slots?.end} />
    </div>
  );
  const common = {
    ...toAttributes(attributes),
    class: classNames('govuk-service-navigation', classes),
    'data-module': 'govuk-service-navigation',
  };
  // With a service name (or start/end slots) the component is a landmark region of its own;
  // otherwise the inner <nav> is landmark enough.
  if (serviceName || slots?.start || slots?.end) {
    return (
      <section {...common} aria-label={ariaLabel === undefined ? 'Service information' : ariaLabel}>
        {inner}
      </section>
    );
  }
  return <div {...common}>{inner}</div>;
}
