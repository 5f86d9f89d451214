import { DEJAVU_LINE_BOX, drawRule, pdfFont } from '../../../platform/exports/pdf.ts';
import { firstLine, wrapText } from './wrap-text.ts';

/**
 * The page of the plan PDF and the text going down it: sizes, colours, text styles, and the
 * `Flow` that places each thing below the last and starts a new page (under a running header)
 * when it will not fit.
 */

export type Doc = PDFKit.PDFDocument;

// A4 in points. Margins are kept by hand: pdfkit's own would start pages where it chose.
const PAGE = { width: 595.28, height: 841.89 };
export const MARGIN = 48;
export const CONTENT_WIDTH = PAGE.width - 2 * MARGIN;
/** Where text ends on every page; the footer goes below. */
export const BOTTOM = PAGE.height - MARGIN;
/** Where text starts on a page after the first, below the running header. */
const CONTINUED_TOP = MARGIN + 26;
export const INK = '#0b0c0c';
export const SECONDARY = '#505a5f';

export interface TextStyle {
  size: number;
  bold?: boolean;
  colour?: string;
}

export const lineHeight = (size: number) => size * DEJAVU_LINE_BOX + size * 0.25;

export function useStyle(doc: Doc, style: TextStyle): void {
  doc
    .font(style.bold ? pdfFont.bold : pdfFont.regular)
    .fontSize(style.size)
    .fillColor(style.colour ?? INK);
}

export function lines(doc: Doc, text: string, width: number, style: TextStyle): string[] {
  useStyle(doc, style);
  return wrapText(text, width, (part) => doc.widthOfString(part));
}

export function oneLine(doc: Doc, text: string, width: number, style: TextStyle): string {
  useStyle(doc, style);
  return firstLine(text, width, (part) => doc.widthOfString(part));
}

/** One line at (x, y), as it is: no width, so pdfkit neither wraps it nor starts a page. */
export function writeLine(doc: Doc, text: string, x: number, y: number, style: TextStyle): void {
  useStyle(doc, style);
  doc.text(text, x, y, { lineBreak: false });
}

export function rule(doc: Doc, y: number, x = MARGIN, width = CONTENT_WIDTH, thickness = 0.5): void {
  drawRule(doc, { x, y, width, thickness });
}

/** The text going down the page: where the next thing goes, and a new page when it will not fit. */
export class Flow {
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
