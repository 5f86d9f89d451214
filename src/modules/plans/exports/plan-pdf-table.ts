import {
  CONTENT_WIDTH,
  type Doc,
  Flow,
  INK,
  lineHeight,
  lines,
  MARGIN,
  oneLine,
  rule,
  SECONDARY,
  type TextStyle,
  writeLine,
} from './plan-pdf-flow.ts';

const HEADER_FILL = '#f3f2f1';
const CELL_PADDING = 4;
const SWATCH = 8;

/** A piece of a table cell: text in a style, or a RAG rating's swatch before its word. */
export interface Piece {
  text: string;
  style: TextStyle;
  swatch?: string;
}

export interface Column {
  header: string;
  width: number;
}

interface LaidOutCell {
  pieces: Array<{ lines: string[]; style: TextStyle; swatch?: string }>;
  height: number;
}

function layOutCell(doc: Doc, pieces: Piece[], column: Column, maxHeight: number): LaidOutCell {
  const inner = column.width - 2 * CELL_PADDING;
  let height = 2 * CELL_PADDING;
  const laidOut: LaidOutCell['pieces'] = [];
  for (const piece of pieces) {
    const width = piece.swatch ? inner - SWATCH - 4 : inner;
    const step = lineHeight(piece.style.size);
    const wrapped = lines(doc, piece.text, width, piece.style);
    // A cell taller than a page (which the forms' limits never allow) is cut rather than split.
    const room = Math.max(1, Math.floor((maxHeight - height) / step));
    const shown = wrapped.length > room ? [...wrapped.slice(0, room - 1), `${wrapped[room - 1] ?? ''}…`] : wrapped;
    laidOut.push({ lines: shown, style: piece.style, ...(piece.swatch ? { swatch: piece.swatch } : {}) });
    height += shown.length * step;
  }
  return { pieces: laidOut, height };
}

function drawCell(doc: Doc, cell: LaidOutCell, x: number, top: number): void {
  let y = top + CELL_PADDING;
  for (const piece of cell.pieces) {
    const step = lineHeight(piece.style.size);
    let left = x + CELL_PADDING;
    if (piece.swatch) {
      doc
        .save()
        .lineWidth(0.5)
        .rect(left, y + (step - SWATCH) / 2 - 1, SWATCH, SWATCH)
        .fillAndStroke(piece.swatch, INK)
        .restore();
      left += SWATCH + 4;
    }
    for (const line of piece.lines) {
      writeLine(doc, line, left, y, piece.style);
      y += step;
    }
  }
}

/**
 * A table whose rows never break across pages: a row that does not fit starts a new page, and
 * the header row is drawn again above it, under the caption and "(continued)". A table right
 * below a heading that says what it is leaves out the caption on its first page (`captionFirst`).
 */
export function drawTable(
  flow: Flow,
  caption: string,
  columns: Column[],
  rows: Piece[][][],
  { captionFirst = true } = {},
): void {
  const { doc } = flow;
  const headerStyle = { size: 8.5, bold: true };
  const captionStyle = { size: 9, bold: true, colour: SECONDARY };
  const header = columns.map((column) => layOutCell(doc, [{ text: column.header, style: headerStyle }], column, 200));
  const headerHeight = Math.max(...header.map((cell) => cell.height));
  const captionHeight = lineHeight(captionStyle.size) + 2;
  const rowRoom = Flow.pageRoom - headerHeight - captionHeight;
  const laidOut = rows.map((row) => columns.map((column, index) => layOutCell(doc, row[index] ?? [], column, rowRoom)));
  const drawRow = (cells: LaidOutCell[]) => {
    let x = MARGIN;
    cells.forEach((cell, index) => {
      drawCell(doc, cell, x, flow.y);
      x += columns[index]?.width ?? 0;
    });
  };
  const drawHeader = (continued: boolean) => {
    if (continued || captionFirst) {
      const text = continued ? `${caption} (continued)` : caption;
      writeLine(doc, oneLine(doc, text, CONTENT_WIDTH, captionStyle), MARGIN, flow.y, captionStyle);
      flow.y += captionHeight;
    }
    doc.save().rect(MARGIN, flow.y, CONTENT_WIDTH, headerHeight).fill(HEADER_FILL).restore();
    drawRow(header);
    flow.y += headerHeight;
    rule(doc, flow.y, MARGIN, CONTENT_WIDTH, 0.8);
  };
  const heightOf = (row: LaidOutCell[]) => Math.max(...row.map((cell) => cell.height));
  flow.keep(captionHeight + headerHeight + (laidOut[0] ? heightOf(laidOut[0]) : 0));
  drawHeader(false);
  for (const row of laidOut) {
    const height = heightOf(row);
    if (!flow.fits(height)) {
      flow.newPage();
      drawHeader(true);
    }
    drawRow(row);
    flow.y += height;
    rule(doc, flow.y);
  }
  flow.y += 10;
}
