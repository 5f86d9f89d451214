import type { ComponentChildren, VNode } from 'preact';
import { htmlOrText } from '../render.ts';
import { classNames, toAttributes, type Attributes } from './attributes.ts';

export interface TableCell {
  text?: string | number;
  html?: string;
  format?: string;
  classes?: string;
  colspan?: number;
  rowspan?: number;
  attributes?: Attributes;
}

export interface TableProps {
  /** Falsy rows are skipped, so callers can build rows conditionally. */
  rows: Array<TableCell[] | false | null | undefined>;
  head?: TableCell[];
  caption?: string;
  captionClasses?: string;
  firstCellIsHeader?: boolean;
  classes?: string;
  attributes?: Attributes;
}

// Fixed attributes come before the custom ones in the template, so they win on a clash.
function cellAttributes(cell: TableCell): Record<string, string | number | boolean> {
  return {
    ...toAttributes(cell.attributes),
    ...(cell.colspan ? { colspan: cell.colspan } : {}),
    ...(cell.rowspan ? { rowspan: cell.rowspan } : {}),
  };
}

function content(cell: TableCell): ComponentChildren {
  return htmlOrText(cell.html || undefined, cell.text);
}

function Row({ row, firstCellIsHeader }: { row: TableCell[]; firstCellIsHeader?: boolean }): VNode {
  return (
    <tr class="govuk-table__row">
      {row.map((cell, index) =>
        index === 0 && firstCellIsHeader ? (
          <th {...cellAttributes(cell)} scope="row" class={classNames('govuk-table__header', cell.classes)}>
            {content(cell)}
          </th>
        ) : (
          <td
            {...cellAttributes(cell)}
            class={classNames('govuk-table__cell', cell.format && `govuk-table__cell--${cell.format}`, cell.classes)}
          >
            {content(cell)}
          </td>
        ),
      )}
    </tr>
  );
}

/** A table's header row: for tables whose body cells hold more than text (links, tags, forms). */
export function TableHead({ head }: { head: TableCell[] }): VNode {
  return (
    <thead class="govuk-table__head">
      <tr class="govuk-table__row">
        {head.map((item) => (
          <th
            {...cellAttributes(item)}
            scope="col"
            class={classNames(
              'govuk-table__header',
              item.format && `govuk-table__header--${item.format}`,
              item.classes,
            )}
          >
            {content(item)}
          </th>
        ))}
      </tr>
    </thead>
  );
}

export function Table(props: TableProps): VNode {
  const { rows, head, caption, captionClasses, firstCellIsHeader, classes, attributes } = props;
  return (
    <table {...toAttributes(attributes)} class={classNames('govuk-table', classes)}>
      {caption && <caption class={classNames('govuk-table__caption', captionClasses)}>{caption}</caption>}
      {head && <TableHead head={head} />}
      <tbody class="govuk-table__body">
        {rows.map((row) => row && <Row row={row} firstCellIsHeader={firstCellIsHeader} />)}
      </tbody>
    </table>
  );
}
