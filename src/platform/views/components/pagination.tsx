import type { ComponentChildren, VNode } from 'preact';
import { htmlOrText } from '../render.ts';
import { classNames, toAttributes, type Attributes } from './attributes.ts';

export interface PaginationItem {
  number?: string | number;
  visuallyHiddenText?: string;
  href?: string;
  current?: boolean;
  ellipsis?: boolean;
  attributes?: Attributes;
}

export interface PaginationLink {
  href: string;
  text?: string;
  html?: string;
  labelText?: string;
  attributes?: Attributes;
}

export interface PaginationProps {
  /** Null or empty items are skipped, so callers can build the list conditionally. */
  items?: Array<PaginationItem | null | undefined>;
  previous?: PaginationLink;
  next?: PaginationLink;
  landmarkLabel?: string;
  classes?: string;
  attributes?: Attributes;
}

type Direction = 'prev' | 'next';

const ARROW_PATHS: Record<Direction, string> = {
  prev: 'm6.5938-0.0078125-6.7266 6.7266 6.7441 6.4062 1.377-1.449-4.1856-3.9768h12.896v-2h-12.984l4.2931-4.293-1.414-1.414z',
  next: 'm8.107-0.0078125-1.4136 1.414 4.2926 4.293h-12.986v2h12.896l-4.1855 3.9766 1.377 1.4492 6.7441-6.4062-6.7246-6.7266z',
};

function Arrow({ direction }: { direction: Direction }): VNode {
  return (
    <svg
      class={`govuk-pagination__icon govuk-pagination__icon--${direction}`}
      xmlns="http://www.w3.org/2000/svg"
      height="13"
      width="15"
      aria-hidden="true"
      focusable="false"
      viewBox="0 0 15 13"
    >
      <path d={ARROW_PATHS[direction]}></path>
    </svg>
  );
}

interface ArrowLinkProps {
  link: PaginationLink;
  direction: Direction;
  blockLevel: boolean;
  fallbackText: string;
}

function ArrowLink({ link, direction, blockLevel, fallbackText }: ArrowLinkProps): VNode {
  const title: ComponentChildren =
    link.html || link.text ? (
      htmlOrText(link.html || undefined, link.text)
    ) : (
      <>
        {fallbackText}
        <span class="govuk-visually-hidden"> page</span>
      </>
    );
  // Stacked (block) links put both arrows first; inline ones point outwards.
  const arrowFirst = blockLevel || direction === 'prev';
  return (
    <div class={`govuk-pagination__${direction}`}>
      <a {...toAttributes(link.attributes)} class="govuk-link govuk-pagination__link" href={link.href} rel={direction}>
        {arrowFirst && <Arrow direction={direction} />}
        <span
          class={classNames(
            'govuk-pagination__link-title',
            blockLevel && !link.labelText && 'govuk-pagination__link-title--decorated',
          )}
        >
          {title}
        </span>
        {link.labelText && blockLevel && (
          <>
            <span class="govuk-visually-hidden">:</span>
            <span class="govuk-pagination__link-label">{link.labelText}</span>
          </>
        )}
        {!arrowFirst && <Arrow direction={direction} />}
      </a>
    </div>
  );
}

function PageItem({ item }: { item: PaginationItem }): VNode {
  const label = item.visuallyHiddenText === undefined ? `Page ${item.number}` : item.visuallyHiddenText;
  return (
    <li
      class={classNames(
        'govuk-pagination__item',
        item.current && 'govuk-pagination__item--current',
        item.ellipsis && 'govuk-pagination__item--ellipsis',
      )}
    >
      {item.ellipsis ? (
        '\u22EF'
      ) : (
        <a
          {...toAttributes(item.attributes)}
          class="govuk-link govuk-pagination__link"
          href={item.href}
          aria-label={label}
          {...(item.current ? { 'aria-current': 'page' as const } : {})}
        >
          {item.number}
        </a>
      )}
    </li>
  );
}

export function Pagination({ items, previous, next, landmarkLabel, classes, attributes }: PaginationProps): VNode {
  // Without numbered items, previous/next stack as full-width links.
  const blockLevel = !items && Boolean(next || previous);
  // The template drops items with no properties as well as nulls.
  const shownItems = (items ?? []).filter(
    (item): item is PaginationItem => item !== null && item !== undefined && Object.keys(item).length > 0,
  );
  return (
    <nav
      {...toAttributes(attributes)}
      class={classNames('govuk-pagination', blockLevel && 'govuk-pagination--block', classes)}
      aria-label={landmarkLabel || 'Pagination'}
    >
      {previous?.href && <ArrowLink link={previous} direction="prev" blockLevel={blockLevel} fallbackText="Previous" />}
      {items && (
        <ul class="govuk-pagination__list">
          {shownItems.map((item) => (
            <PageItem item={item} />
          ))}
        </ul>
      )}
      {next?.href && <ArrowLink link={next} direction="next" blockLevel={blockLevel} fallbackText="Next" />}
    </nav>
  );
}
