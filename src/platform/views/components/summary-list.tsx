import { h, type ComponentChildren, type VNode } from 'preact';
import { htmlOrText, Raw } from '../render.ts';
import { classNames, toAttributes, type Attributes } from './attributes.ts';

export interface SummaryListAction {
  href: string;
  text?: string;
  html?: string;
  visuallyHiddenText?: string;
  classes?: string;
  attributes?: Attributes;
}

export interface SummaryListActions {
  items?: SummaryListAction[];
  classes?: string;
}

export interface SummaryListRow {
  key: { text?: string; html?: string; classes?: string };
  value: { text?: string; html?: string; classes?: string };
  actions?: SummaryListActions;
  classes?: string;
}

export interface SummaryCardTitle {
  text?: string;
  html?: string;
  headingLevel?: number;
  classes?: string;
}

export interface SummaryCard {
  title?: SummaryCardTitle;
  actions?: SummaryListActions;
  classes?: string;
  attributes?: Attributes;
}

export interface SummaryListProps {
  /** Falsy rows are skipped, so callers can build rows conditionally. */
  rows: Array<SummaryListRow | false | null | undefined>;
  card?: SummaryCard;
  classes?: string;
  attributes?: Attributes;
}

/** Action links name the card they belong to, so that "Change" makes sense out of context. */
function ActionLink({ action, cardTitle }: { action: SummaryListAction; cardTitle?: SummaryCardTitle }): VNode {
  const hidden = action.visuallyHiddenText;
  return (
    <a {...toAttributes(action.attributes)} class={classNames('govuk-link', action.classes)} href={action.href}>
      {htmlOrText(action.html || undefined, action.text)}
      {(hidden || cardTitle) && (
        <span class="govuk-visually-hidden">
          {hidden && ` ${hidden}`}
          {cardTitle && (
            <>
              {' ('}
              {htmlOrText(cardTitle.html || undefined, cardTitle.text)}
              {')'}
            </>
          )}
        </span>
      )}
    </a>
  );
}

function Row({
  row,
  anyRowHasActions,
  cardTitle,
}: {
  row: SummaryListRow;
  anyRowHasActions: boolean;
  cardTitle?: SummaryCardTitle;
}): VNode {
  const items = row.actions?.items ?? [];
  const [first] = items;
  // Nunjucks treats an empty array as truthy: rows with `items: []` don't get the modifier.
  const noActions = anyRowHasActions && !row.actions?.items;
  return (
    <div class={classNames('govuk-summary-list__row', noActions && 'govuk-summary-list__row--no-actions', row.classes)}>
      <dt class={classNames('govuk-summary-list__key', row.key.classes)}>
        {htmlOrText(row.key.html || undefined, row.key.text)}
      </dt>
      <dd class={classNames('govuk-summary-list__value', row.value.classes)}>
        {htmlOrText(row.value.html || undefined, row.value.text)}
      </dd>
      {items.length > 0 && (
        <dd class={classNames('govuk-summary-list__actions', row.actions?.classes)}>
          {items.length === 1 && first ? (
            <ActionLink action={first} cardTitle={cardTitle} />
          ) : (
            <ul class="govuk-summary-list__actions-list">
              {items.map((action) => (
                <li class="govuk-summary-list__actions-list-item">
                  <ActionLink action={action} cardTitle={cardTitle} />
                </li>
              ))}
            </ul>
          )}
        </dd>
      )}
    </div>
  );
}

function Card({ card, children }: { card: SummaryCard; children: ComponentChildren }): VNode {
  const { title, actions } = card;
  const items = actions?.items ?? [];
  const [first] = items;
  const actionsClass = classNames('govuk-summary-card__actions', actions?.classes);
  return (
    <div {...toAttributes(card.attributes)} class={classNames('govuk-summary-card', card.classes)}>
      <div class="govuk-summary-card__title-wrapper">
        {title &&
          h(
            `h${title.headingLevel || 2}`,
            { class: classNames('govuk-summary-card__title', title.classes) },
            title.html ? <Raw html={title.html} /> : title.text,
          )}
        {items.length === 1 && first && (
          <div class={actionsClass}>
            <ActionLink action={first} cardTitle={title} />
          </div>
        )}
        {items.length > 1 && (
          <ul class={actionsClass}>
            {items.map((action) => (
              <li class="govuk-summary-card__action">
                <ActionLink action={action} cardTitle={title} />
              </li>
            ))}
          </ul>
        )}
      </div>
      <div class="govuk-summary-card__content">{children}</div>
    </div>
  );
}

export function SummaryList({ rows, card, classes, attributes }: SummaryListProps): VNode {
  // Rows without actions need a modifier to keep columns aligned when other rows have them.
  const anyRowHasActions = rows.some((row) => row && (row.actions?.items?.length ?? 0) > 0);
  const list = (
    <dl {...toAttributes(attributes)} class={classNames('govuk-summary-list', classes)}>
      {rows.map((row) => row && <Row row={row} anyRowHasActions={anyRowHasActions} cardTitle={card?.title} />)}
    </dl>
  );
  return card ? <Card card={card}>{list}</Card> : list;
}
