import { DEJAVU_LINE_BOX, pdfFont, renderPdf } from '../../../platform/exports/pdf.ts';
import { formatDay, formatLondonDate } from '../../../platform/views/london-time.ts';
import type { RagRating } from '../plans.tables.ts';
import { actionStatusLabels, planStatusLabels, progressText, ragLabels, ragRollUpLabel } from '../views/plan-parts.tsx';
import type { ExportAction, ExportPriority, PlanExport } from './plan-export.ts';
import { firstLine, wrapText } from './wrap-text.ts';

/**
 * A development plan as a PDF for a board pack: A4, over as many pages as it takes. Nothing is
 * cut at a page's edge: a table row moves whole to the next page (under its table's header again),
 * a heading keeps the start of what follows it, and every page after the first says whose plan it
 * is. Every fact that colour shows (RAG, overdue) is also in words, for a greyscale print.
 */

type Doc = PDFKit.PDFDocument;

// A4 in points. Margins are kept by hand: pdfkit's own would start pages where it chose.
const PAGE = { width: 595.28, height: 841.89 };
const MARGIN = 48;
const CONTENT_WIDTH = PAGE.width - 2 * MARGIN;
/** Where text ends on every page; the footer goes below. */
const BOTTOM = PAGE.height - MARGIN;
/** Where text starts on a page after the first, below the running header. */
const CONTINUED_TOP = MARGIN + 26;
const INK = '#0b0c0c';
const SECONDARY = '#505a5f';
const RULE = '#b1b4b6';
const HEADER_FILL = '#f3f2f1';
const OVERDUE = '#d4351c';
const RAG_COLOURS: Record<RagRating, string> = { red: '#d4351c', amber: '#f47738', green: '#00703c' };
const CELL_PADDING = 4;

interface TextStyle {
  size: number;
  bold?: boolean;
  colour?: string;
}

const lineHeight = (size: number) => size * DEJAVU_LINE_BOX + size * 0.25;

function useStyle(doc: Doc, style: TextStyle): void {
  doc
    .font(style.bold ? pdfFont.bold : pdfFont.regular)
    .fontSize(style.size)
    .fillColor(style.colour ?? INK);
}

function lines(doc: Doc, text: string, width: number, style: TextStyle): string[] {
  useStyle(doc, style);
  return wrapText(text, width, (part) => doc.widthOfString(part));
}

function oneLine(doc: Doc, text: string, width: number, style: TextStyle): string {
  useStyle(doc, style);
  return firstLine(text, width, (part) => doc.widthOfString(part));
}

/** One line at (x, y), as it is: no width, so pdfkit neither wraps it nor starts a page. */
function writeLine(doc: Doc, text: string, x: number, y: number, style: TextStyle): void {
  useStyle(doc, style);
  doc.text(text, x, y, { lineBreak: false });
}

function rule(doc: Doc, y: number, x = MARGIN, width = CONTENT_WIDTH, thickness = 0.5): void {
  doc
    .save()
    .lineWidth(thickness)
    .strokeColor(RULE)
    .moveTo(x, y)
    .lineTo(x + width, y)
    .stroke()
    .restore();
}

/** The text going down the page: where the next thing goes, and a new page when it will not fit. */
class Flow {
  y = MARGIN;

  constructor(
    readonly doc: Doc,
    private readonly runningHeader: string,
  ) {}

  /** The most one page holds below the running header. */
  static readonly pageRoom = BOTTOM - CONTINUED_TOP;

  fits(height: number): boolean {
    return this.y + height <= BOTTOM;
  }

  /** Starts a new page unless `height` fits below what is there (or the page is still empty). */
  keep(height: number): void {
    if (!this.fits(height) && this.y > CONTINUED_TOP) this.newPage();
  }

  newPage(): void {
    this.doc.addPage();
    const style = { size: 8, colour: SECONDARY };
    writeLine(this.doc, oneLine(this.doc, this.runningHeader, CONTENT_WIDTH, style), MARGIN, MARGIN - 8, style);
    rule(this.doc, MARGIN + 6);
    this.y = CONTINUED_TOP;
  }

  /** Wrapped text; a long paragraph runs on to the next page line by line. */
  paragraph(text: string, style: TextStyle, { indent = 0, after = 6 } = {}): void {
    const height = lineHeight(style.size);
    for (const line of lines(this.doc, text, CONTENT_WIDTH - indent, style)) {
      this.keep(height);
      writeLine(this.doc, line, MARGIN + indent, this.y, style);
      this.y += height;
    }
    this.y += after;
  }

  /** A heading, kept on the page with `keepWith` points of what follows it. */
  heading(text: string, style: TextStyle, { keepWith = 40, before = 0, after = 4 } = {}): void {
    const wrapped = lines(this.doc, text, CONTENT_WIDTH, style);
    const height = lineHeight(style.size);
    if (this.y > CONTINUED_TOP) this.y += before;
    this.keep(wrapped.length * height + after + keepWith);
    for (const line of wrapped) {
      writeLine(this.doc, line, MARGIN, this.y, style);
      this.y += height;
    }
    this.y += after;
  }

  /** A label and its text ("Intended outcome"), the label kept with the text's first lines. */
  labelled(label: string, text: string): void {
    this.heading(label, { size: 10, bold: true }, { keepWith: 2 * lineHeight(10), after: 1 });
    this.paragraph(text, { size: 10 }, { after: 8 });
  }
}

/** A piece of a table cell: text in a style, or a RAG rating's swatch before its word. */
interface Piece {
  text: string;
  style: TextStyle;
  swatch?: string;
}

interface Column {
  header: string;
  width: number;
}

const SWATCH = 8;

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
function drawTable(
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

const small = { size: 8.5 };
const note = { size: 7.5, colour: SECONDARY };

const actionColumns: Column[] = [
  { header: 'Action', width: 176 },
  { header: 'Owner', width: 90 },
  { header: 'Due date', width: 96 },
  { header: 'Status', width: 68 },
  { header: 'RAG', width: CONTENT_WIDTH - 176 - 90 - 96 - 68 },
];

function actionRow(action: ExportAction): Piece[][] {
  return [
    [
      { text: action.title, style: small },
      ...(action.dependsOnTitle ? [{ text: `After: ${action.dependsOnTitle}`, style: note }] : []),
    ],
    [{ text: action.ownerName, style: small }],
    [
      { text: formatDay(action.dueDate), style: small },
      ...(action.overdue ? [{ text: 'Overdue', style: { ...small, bold: true, colour: OVERDUE } }] : []),
    ],
    [{ text: actionStatusLabels[action.status], style: small }],
    [{ text: ragLabels[action.rag], style: small, swatch: RAG_COLOURS[action.rag] }],
  ];
}

function drawPriority(flow: Flow, priority: ExportPriority, index: number): void {
  const heading = `${index + 1}. ${priority.title}`;
  flow.heading(heading, { size: 13, bold: true }, { before: 10, keepWith: 4 * lineHeight(10) });
  if (priority.sourceLabel) flow.paragraph(`From a review: ${priority.sourceLabel}`, { size: 9, colour: SECONDARY });
  const overdue = priority.actions.filter((action) => action.overdue).length;
  const facts = [`RAG rating: ${ragRollUpLabel(priority.rag)}`, `Progress: ${progressText(priority.progress)}`];
  if (overdue > 0) facts.push(overdue === 1 ? '1 action overdue' : `${overdue} actions overdue`);
  flow.paragraph(facts.join(' · '), { size: 10, bold: true }, { after: 8 });
  flow.labelled('Intended outcome', priority.intendedOutcome);
  if (priority.successCriteria.trim() !== '') flow.labelled('Success criteria', priority.successCriteria);
  if (priority.achieved && priority.achieved.trim() !== '') flow.labelled('What was achieved', priority.achieved);
  if (priority.actions.length === 0) {
    flow.paragraph('No actions yet.', { size: 10 }, { after: 10 });
    return;
  }
  drawTable(flow, `Actions for ${heading}`, actionColumns, priority.actions.map(actionRow));
}

function statusText(plan: PlanExport['plan']): string {
  return plan.status === 'closed' && plan.closedAt
    ? `Closed on ${formatLondonDate(plan.closedAt)}`
    : planStatusLabels[plan.status];
}

function drawTitle(flow: Flow, planExport: PlanExport): void {
  const { doc } = flow;
  const { plan } = planExport;
  flow.heading(plan.title, { size: 20, bold: true }, { after: 2, keepWith: 0 });
  const kind = plan.ofTrust ? 'Development plan' : 'Own development plan';
  flow.paragraph(`${kind} · Produced on ${formatLondonDate(planExport.producedAt)}`, { size: 10, colour: SECONDARY });
  const facts: Array<[string, string]> = [
    [plan.ofTrust ? 'Trust' : 'Person', plan.ownerName],
    ['Period', `${formatDay(plan.periodStart)} to ${formatDay(plan.periodEnd)}`],
    ['Status', statusText(plan)],
  ];
  const keyWidth = 90;
  const height = lineHeight(10);
  rule(doc, flow.y);
  for (const [key, value] of facts) {
    const wrapped = lines(doc, value, CONTENT_WIDTH - keyWidth, { size: 10 });
    const rowHeight = wrapped.length * height + 8;
    flow.keep(rowHeight);
    writeLine(doc, key, MARGIN, flow.y + 4, { size: 10, bold: true });
    wrapped.forEach((line, index) =>
      writeLine(doc, line, MARGIN + keyWidth, flow.y + 4 + index * height, { size: 10 }),
    );
    flow.y += rowHeight;
    rule(doc, flow.y);
  }
  flow.y += 12;
  if (plan.summary.trim() !== '') {
    flow.heading('Summary', { size: 14, bold: true }, { keepWith: 2 * height });
    flow.paragraph(plan.summary, { size: 10 }, { after: 10 });
  }
}

function drawMilestones(flow: Flow, planExport: PlanExport): void {
  flow.heading('Milestones', { size: 16, bold: true }, { before: 14, keepWith: 50 });
  if (planExport.milestones.length === 0) {
    flow.paragraph('No milestones.', { size: 10 });
    return;
  }
  const columns: Column[] = [
    { header: 'Date', width: 110 },
    { header: 'Milestone', width: CONTENT_WIDTH - 110 - 90 },
    { header: 'Reached', width: 90 },
  ];
  const rows = planExport.milestones.map((milestone) => [
    [{ text: formatDay(milestone.dueOn), style: small }],
    [{ text: milestone.title, style: small }],
    [{ text: milestone.reached ? 'Reached' : 'Not yet', style: small }],
  ]);
  drawTable(flow, 'Milestones', columns, rows, { captionFirst: false });
}

/** "Produced on 24 November 2026" and "Page 2 of 5" below every page, once the pages are counted. */
function drawFooters(doc: Doc, planExport: PlanExport): void {
  const { start, count } = doc.bufferedPageRange();
  const style = { size: 8, colour: SECONDARY };
  const produced = `Produced on ${formatLondonDate(planExport.producedAt)}`;
  for (let page = start; page < start + count; page += 1) {
    doc.switchToPage(page);
    const y = BOTTOM + 18;
    rule(doc, y - 6);
    writeLine(doc, produced, MARGIN, y, style);
    const number = `Page ${page - start + 1} of ${count}`;
    useStyle(doc, style);
    writeLine(doc, number, MARGIN + CONTENT_WIDTH - doc.widthOfString(number), y, style);
  }
}

export function renderPlanPdf(planExport: PlanExport): Promise<Buffer> {
  const { plan } = planExport;
  const options: PDFKit.PDFDocumentOptions = {
    size: 'A4',
    margin: 0,
    bufferPages: true,
    lang: 'en-GB',
    displayTitle: true,
    info: {
      Title: plan.title,
      Subject: `Development plan: ${plan.ownerName}`,
      Creator: 'Tandem',
      CreationDate: planExport.producedAt,
      ModDate: planExport.producedAt,
    },
  };
  return renderPdf(options, (doc) => {
    const flow = new Flow(doc, `${plan.title} · ${plan.ownerName}`);
    drawTitle(flow, planExport);
    flow.heading('Priorities', { size: 16, bold: true }, { before: 6, keepWith: 60 });
    if (planExport.priorities.length === 0) flow.paragraph('No priorities yet.', { size: 10 });
    planExport.priorities.forEach((priority, index) => drawPriority(flow, priority, index));
    drawMilestones(flow, planExport);
    drawFooters(doc, planExport);
  });
}
