import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';

/**
 * PDF documents in the shipped DejaVu fonts: the standard PDF fonts know only Latin-1 and
 * garble "Łódź". Import this file lazily (`await import(…)`) from a route, so that pdfkit loads
 * with the first download rather than with every start of the app.
 */

const require = createRequire(import.meta.url);
let fonts: { regular: Buffer; bold: Buffer } | undefined;

/** DejaVu Sans, regular and bold, read once. */
export function loadPdfFonts(): { regular: Buffer; bold: Buffer } {
  const read = (file: string) => readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${file}`));
  fonts ??= { regular: read('DejaVuSans.ttf'), bold: read('DejaVuSans-Bold.ttf') };
  return fonts;
}

/** The fonts' names once registered: `doc.font(pdfFont.bold)`. */
export const pdfFont = { regular: 'regular', bold: 'bold' } as const;

/** GOV.UK's border grey, for the rules between rows. */
export const PDF_RULE_COLOUR = '#b1b4b6';

/** A horizontal rule from (x, y), `width` long. */
export function drawRule(
  doc: PDFKit.PDFDocument,
  { x, y, width, thickness }: { x: number; y: number; width: number; thickness: number },
): void {
  doc
    .save()
    .lineWidth(thickness)
    .strokeColor(PDF_RULE_COLOUR)
    .moveTo(x, y)
    .lineTo(x + width, y)
    .stroke()
    .restore();
}

/** DejaVu's ascent plus descent, in ems: the height of one line of text. */
export const DEJAVU_LINE_BOX = 1.164;

/**
 * Makes a PDF: a document with `options` and the DejaVu fonts registered as `pdfFont.regular`
 * and `pdfFont.bold`, drawn by `draw`, collected into one buffer.
 */
export function renderPdf(
  options: PDFKit.PDFDocumentOptions,
  draw: (doc: PDFKit.PDFDocument) => void,
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument(options);
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    const { regular, bold } = loadPdfFonts();
    doc.registerFont(pdfFont.regular, regular);
    doc.registerFont(pdfFont.bold, bold);
    try {
      draw(doc);
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    doc.end();
  });
}
