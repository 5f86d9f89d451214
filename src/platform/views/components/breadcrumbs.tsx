import type { VNode } from 'preact';
import { htmlOrText } from '../render.ts';
import { classNames, toAttributes, type Attributes } from './attributes.ts';

export interface BreadcrumbsItem {
  text?: string;
  html?: string;
  href?: string;
  attributes?: Attributes;
}

export interface BreadcrumbsProps {
  items: BreadcrumbsItem[];
  collapseOnMobile?: boolean;
  labelText?: string;
  classes?: string;
  attributes?: Attributes;
}

function Crumb({ item }: { item: BreadcrumbsItem }): VNode {
  const content = htmlOrText(item.html || undefined, item.text);
  if (!item.href) {
    // An item without a link is the page the user is on.
    return (
      <li class="govuk-breadcrumbs__list-item" aria-current="page">
        {content}
      </li>
    );
  }
  return (
    <li class="govuk-breadcrumbs__list-item">
      <a {...toAttributes(item.attributes)} class="govuk-breadcrumbs__link" href={item.href}>
        {content}
      </a>
    </li>
  );
}

export function Breadcrumbs({ items, collapseOnMobile, labelText, classes, attributes }: BreadcrumbsProps): VNode {
  // The template uses `default` without `true`, so only a missing label falls back.
  const label = labelText === undefined ? 'Breadcrumb' : labelText;
  return (
    <nav
      aria-label={label}
      {...toAttributes(attributes)}
      class={classNames('govuk-breadcrumbs', classes, collapseOnMobile && 'govuk-breadcrumbs--collapse-on-mobile')}
    >
      <ol class="govuk-breadcrumbs__list">
        {items.map((item) => (
          <Crumb item={item} />
        ))}
      </ol>
    </nav>
  );
}
