import { DEJAVU_LINE_BOX, drawRule, PDF_RULE_COLOUR, pdfFont, renderPdf } from '../../../platform/exports/pdf.ts';
import { formatLondonDateTime } from '../../../platform/views/london-time.ts';
import type { ReportElement, ReportLevel, ReviewReport } from '../review-report.ts';
import {
  countsOf,
  frameworkText,
  levelByKey,
  NOT_AGREED,
  NOT_ENOUGH,
  rankMarker,
  statusText,
  textColourOn,
} from './export-parts.ts';
import { fitText, layOutHeatMap, type HeatMapLayout, type LayoutRow } from './heat-map-layout.ts';

type Doc = PDFKit.PDFDocument;

// A4 in points. Margins are drawn by hand: pdfkit's own would start a second page on overflow.
const PAGE = { width: 595.28, height: 841.89 };
const MARGIN = 32;
const CONTENT_WIDTH = PAGE.width - 2 * MARGIN;
const COLUMN_GAP = 14;
const INK = '#0b0c0c';
const SECONDARY = '#505a5f';
const HEADING_FILL = '#f3f2f1';
const LINE_BOX = DEJAVU_LINE_BOX;

interface TextStyle {
  size: number;
  bold?: boolean;
  colour?: string;
  /** Cut with an ellipsis to this many points. */
  width?: number;
  /** Centre within `width`. */
  centre?: boolean;
  /** Follows the text and is never cut: a rank marker, "(continued)". */
  suffix?: string;
}

function write(doc: Doc, text: string, x: number, y: number, style: TextStyle): number {
  doc
    .font(style.bold ? pdfFont.bold : pdfFont.regular)
    .fontSize(style.size)
    .fillColor(style.colour ?? INK);
  const { width, suffix = '' } = style;
  const measure = (part: string) => doc.widthOfString(part);
  const fitted = width === undefined ? text : fitText(text, width - measure(suffix), measure);
  const shown = `${fitted}${suffix}`;
  const shownWidth = doc.widthOfString(shown);
  const left = style.centre && width !== undefined ? x + (width - shownWidth) / 2 : x;
  // lineBreak false and no width: pdfkit then never wraps, so never adds a page.
  doc.text(shown, left, y, { lineBreak: false });
  return shownWidth;
}

/** A level's colour, or for no level a white box with a dashed border. */
function levelBox(doc: Doc, x: number, y: number, width: number, height: number, level: ReportLevel | undefined) {
  doc.save().lineWidth(0.6);
  if (level) doc.rect(x, y, width, height).fillAndStroke(level.colour, PDF_RULE_COLOUR);
  else doc.rect(x, y, width, height).dash(2, { space: 1.5 }).fillAndStroke('#ffffff', SECONDARY).undash();
  doc.restore();
}

function drawTitle(doc: Doc, report: ReviewReport): number {
  write(doc, report.title, MARGIN, MARGIN, { size: 16, bold: true, width: CONTENT_WIDTH });
  const about = `${report.organisationName} · ${frameworkText(report)}`;
  write(doc, about, MARGIN, MARGIN + 22, { size: 10, width: CONTENT_WIDTH });
  const details = [statusText(report), `Generated ${formatLondonDateTime(report.generatedAt)}`];
  if (report.anonymous) {
    details.push(`Anonymous: counts shown only where at least ${report.minimumResponses} people answered`);
  }
  write(doc, details.join(' · '), MARGIN, MARGIN + 37, { size: 9, colour: SECONDARY, width: CONTENT_WIDTH });
  return MARGIN + 56;
}

/** The key: each level's swatch, label and rank, flowing onto more lines as needed. */
function drawKey(doc: Doc, report: ReviewReport, top: number): number {
  const size = 8;
  const lineHeight = 14;
  const indent = MARGIN + write(doc, 'Key', MARGIN, top + 1, { size, bold: true }) + 8;
  const items = [
    ...report.levels.map((level) => ({ level, text: `${level.label} (${rankMarker(level, report.levels)})` })),
    { level: undefined, text: NOT_AGREED },
  ];
  let x = indent;
  let y = top;
  for (const { level, text } of items) {
    doc.font(pdfFont.regular).fontSize(size);
    const textWidth = Math.min(doc.widthOfString(text), 200);
    if (x > indent && x + 20 + textWidth > MARGIN + CONTENT_WIDTH) {
      x = indent;
      y += lineHeight;
    }
    levelBox(doc, x, y, 16, 10, level);
    write(doc, text, x + 20, y + 1, { size, width: textWidth });
    x += 20 + textWidth + 14;
  }
  const columns = `Columns 1 to ${report.levels.length}: how many people chose each level.`;
  write(doc, columns, MARGIN, y + lineHeight + 1, { size, colour: SECONDARY, width: CONTENT_WIDTH });
  return y + 2 * lineHeight + 6;
}

interface Geometry {
  width: number;
  name: number;
  agreed: number;
  count: number;
  counts: number;
}

function geometry(doc: Doc, report: ReviewReport, layout: HeatMapLayout): Geometry {
  const columnCount = Math.max(layout.columns.length, 1);
  const width = (CONTENT_WIDTH - COLUMN_GAP * (columnCount - 1)) / columnCount;
  // Room for a two-digit count with space either side.
  const count = Math.max(layout.fontSize * 2, 12);
  doc.font(pdfFont.regular).fontSize(layout.fontSize);
  const hidden = report.headings.some((heading) => heading.elements.some((element) => !element.distribution));
  const counts = Math.max(report.levels.length * count, hidden ? doc.widthOfString(NOT_ENOUGH) + 6 : 0);
  const agreed = Math.min(width * 0.34, 150);
  return { width, name: width - agreed - counts, agreed, count, counts };
}

/** Where one row goes: its column's left edge and widths, its top, and the layout's sizes. */
interface Box {
  x: number;
  y: number;
  g: Geometry;
  layout: HeatMapLayout;
}

/** The top of a line of text centred in a row. */
function textTop({ y, layout }: Box): number {
  return y + (layout.rowHeight - layout.fontSize * LINE_BOX) / 2;
}

function drawColumnHeader(doc: Doc, report: ReviewReport, box: Box) {
  const { x, y, g, layout } = box;
  const style = { size: layout.fontSize, bold: true };
  const textY = textTop(box);
  write(doc, 'Element', x + 2, textY, { ...style, width: g.name - 4 });
  write(doc, 'Agreed', x + g.name + 3, textY, { ...style, width: g.agreed - 6 });
  const countsLeft = x + g.width - g.counts;
  report.levels.forEach((level, index) => {
    write(doc, String(level.rank + 1), countsLeft + index * g.count, textY, { ...style, width: g.count, centre: true });
  });
  drawRule(doc, { x, y: y + layout.rowHeight, width: g.width, thickness: 0.8 });
}

function drawElement(doc: Doc, report: ReviewReport, element: ReportElement, box: Box) {
  const { x, y, g, layout } = box;
  const size = layout.fontSize;
  const textY = textTop(box);
  write(doc, element.name, x + 2, textY, { size, width: g.name - 4 });
  const level = levelByKey(report.levels, element.agreed?.levelKey);
  levelBox(doc, x + g.name + 1, y + 1, g.agreed - 2, layout.rowHeight - 2, level);
  const inCell = { size, width: g.agreed - 6, colour: level ? textColourOn(level.colour) : INK };
  // The rank is what tells the levels apart in greyscale, so it is never the part cut off.
  const suffix = level ? ` (${rankMarker(level, report.levels)})` : '';
  write(doc, level ? level.label : NOT_AGREED, x + g.name + 3, textY, { ...inCell, suffix });
  const countsLeft = x + g.width - g.counts;
  const counts = countsOf(element, report.levels);
  if (!counts) {
    write(doc, NOT_ENOUGH, countsLeft + 3, textY, { size, colour: SECONDARY, width: g.counts - 4 });
  }
  counts?.forEach((count, index) => {
    write(doc, String(count), countsLeft + index * g.count, textY, { size, width: g.count, centre: true });
  });
  drawRule(doc, { x, y: y + layout.rowHeight, width: g.width, thickness: 0.4 });
}

function drawRow(doc: Doc, report: ReviewReport, row: LayoutRow, box: Box) {
  if (row.kind === 'element') return drawElement(doc, report, row.element, box);
  const { x, y, g, layout } = box;
  doc.save().rect(x, y, g.width, layout.rowHeight).fill(HEADING_FILL).restore();
  const textY = textTop(box);
  const suffix = row.continued ? ' (continued)' : '';
  write(doc, row.heading.name, x + 2, textY, { size: layout.fontSize, bold: true, width: g.width - 4, suffix });
}

function drawTable(doc: Doc, report: ReviewReport, top: number) {
  const bottom = PAGE.height - MARGIN;
  const layout = layOutHeatMap(report.headings, bottom - top);
  const g = geometry(doc, report, layout);
  layout.columns.forEach((rows, column) => {
    const x = MARGIN + column * (g.width + COLUMN_GAP);
    drawColumnHeader(doc, report, { x, y: top, g, layout });
    rows.forEach((row, index) => {
      drawRow(doc, report, row, { x, y: top + (index + 1) * layout.rowHeight, g, layout });
    });
  });
  if (layout.omitted > 0) {
    const shown = layout.columns.flat().filter((row) => row.kind === 'element').length;
    const note = `Showing ${shown} of ${shown + layout.omitted} elements: the rest do not fit on one page. The spreadsheet export lists every element.`;
    const y = bottom - layout.fontSize * LINE_BOX;
    write(doc, note, MARGIN, y, { size: layout.fontSize, bold: true, width: CONTENT_WIDTH });
  }
}

/** The heat map on one A4 page, for a board pack: readable printed in greyscale too. */
export function renderHeatMapPdf(report: ReviewReport): Promise<Buffer> {
  const options = {
    size: 'A4',
    margin: 0,
    lang: 'en-GB',
    displayTitle: true,
    info: {
      Title: `${report.title}: heat map`,
      Subject: `${report.organisationName}, ${frameworkText(report)}`,
      Creator: 'Tandem',
      CreationDate: report.generatedAt,
      ModDate: report.generatedAt,
    },
  };
  return renderPdf(options, (doc) => drawTable(doc, report, drawKey(doc, report, drawTitle(doc, report))));
}
