/**
 * Where the heat map's rows go on its one page: the largest font that fits everything in one
 * column, else in two; and if even two columns at the smallest readable size cannot hold a very
 * large framework, as many elements as fit, with the number left out said on the page.
 */
import type { ReportElement, ReportHeading } from '../review-report.ts';

export type LayoutRow =
  | { kind: 'heading'; heading: ReportHeading; continued: boolean }
  | { kind: 'element'; heading: ReportHeading; element: ReportElement };

export interface HeatMapLayout {
  fontSize: number;
  rowHeight: number;
  /** Each column's rows, below its own header row. */
  columns: LayoutRow[][];
  /** Elements that did not fit; the page says how many. */
  omitted: number;
}

/** Below 6pt a printed board pack stops being readable. */
export const MIN_FONT_SIZE = 6;
const FONT_SIZES = [9, 8.5, 8, 7.5, 7, 6.5, MIN_FONT_SIZE];
const LINE_SPACING = 1.5;
const MAX_COLUMNS = 2;

function place(headings: readonly ReportHeading[], perColumn: number, columnCount: number) {
  const columns: LayoutRow[][] = [];
  const open = (): LayoutRow[] | null => {
    if (columns.length >= columnCount || perColumn < 2) return null;
    const column: LayoutRow[] = [];
    columns.push(column);
    return column;
  };
  let column = open();
  let omitted = 0;
  for (const heading of headings) {
    for (const [index, element] of heading.elements.entries()) {
      // A heading never ends a column: it goes on with its first element, or both move on.
      const needed = index === 0 ? 2 : 1;
      if (column && column.length + needed > perColumn) column = open();
      if (!column) {
        omitted += 1;
        continue;
      }
      // A column that starts mid-heading repeats it, so no element is read under the wrong one.
      if (index === 0 || column.length === 0) column.push({ kind: 'heading', heading, continued: index > 0 });
      column.push({ kind: 'element', heading, element });
    }
  }
  return { columns, omitted };
}

/** `availableHeight` is from the top of the table to the bottom margin, in points. */
export function layOutHeatMap(headings: readonly ReportHeading[], availableHeight: number): HeatMapLayout {
  for (let columnCount = 1; columnCount <= MAX_COLUMNS; columnCount += 1) {
    for (const fontSize of FONT_SIZES) {
      const rowHeight = fontSize * LINE_SPACING;
      // One row of each column is its header (Element, Agreed, the level numbers).
      const placed = place(headings, Math.floor(availableHeight / rowHeight) - 1, columnCount);
      if (placed.omitted === 0) return { fontSize, rowHeight, ...placed };
    }
  }
  const rowHeight = MIN_FONT_SIZE * LINE_SPACING;
  // Keep one row free at the bottom for the line that says how many elements are left out.
  const placed = place(headings, Math.floor(availableHeight / rowHeight) - 2, MAX_COLUMNS);
  return { fontSize: MIN_FONT_SIZE, rowHeight, ...placed };
}

/** The text cut to `width` points with an ellipsis, by a measure such as pdfkit's `widthOfString`. */
export function fitText(text: string, width: number, measure: (text: string) => number): string {
  if (measure(text) <= width) return text;
  // By code point, so an ellipsis never splits a character made of two UTF-16 units.
  const characters = Array.from(text);
  let low = 0;
  let high = characters.length;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (measure(`${characters.slice(0, middle).join('').trimEnd()}…`) <= width) low = middle;
    else high = middle - 1;
  }
  return low === 0 ? '' : `${characters.slice(0, low).join('').trimEnd()}…`;
}
