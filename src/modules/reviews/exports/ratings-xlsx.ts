import ExcelJS from 'exceljs';
import { neutraliseFormula } from '../../../platform/exports/csv.ts';
import type { ReviewReport } from '../review-report.ts';
import {
  ANONYMOUS_NOTICE,
  agreedLabel,
  frameworkText,
  levelByKey,
  ratingHeader,
  ratingRows,
  responseCells,
  textColourOn,
} from './export-parts.ts';

type Cell = string | number;

/**
 * Strings always go in as plain values, never `{ formula }` objects; they are neutralised as well
 * because a person may copy a cell's text into another sheet, where a leading = would run.
 */
function addRow(sheet: ExcelJS.Worksheet, cells: readonly Cell[]): ExcelJS.Row {
  return sheet.addRow(cells.map((cell) => (typeof cell === 'string' ? neutraliseFormula(cell) : cell)));
}

function addHeader(sheet: ExcelJS.Worksheet, cells: readonly string[], widths: readonly number[]): void {
  addRow(sheet, cells).font = { bold: true };
  sheet.columns = widths.map((width) => ({ width }));
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
}

/** `#rrggbb` → the ARGB exceljs wants. */
function argb(colour: string): string {
  return `FF${colour.slice(1).toUpperCase()}`;
}

function addHeatMap(workbook: ExcelJS.Workbook, report: ReviewReport): void {
  const sheet = workbook.addWorksheet('Heat map');
  const { levels } = report;
  addHeader(
    sheet,
    ['Heading', 'Element', 'Agreed level', 'Agreed rationale', 'Responses', ...levels.map((level) => level.label)],
    [30, 40, 20, 60, 12, ...levels.map(() => 12)],
  );
  for (const heading of report.headings) {
    for (const element of heading.elements) {
      const row = addRow(sheet, [
        heading.name,
        element.name,
        agreedLabel(levels, element),
        element.agreed?.rationale ?? '',
        ...responseCells(element, levels),
      ]);
      const level = levelByKey(levels, element.agreed?.levelKey);
      if (level) {
        const cell = row.getCell(3);
        cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(level.colour) } };
        cell.font = { color: { argb: argb(textColourOn(level.colour)) } };
      }
      row.alignment = { vertical: 'top', wrapText: true };
    }
  }
}

function addRatings(workbook: ExcelJS.Workbook, report: ReviewReport): void {
  const sheet = workbook.addWorksheet('Ratings');
  if (report.anonymous) {
    addRow(sheet, [ANONYMOUS_NOTICE]).font = { bold: true };
    return;
  }
  addHeader(sheet, ratingHeader, [30, 40, 20, 25, 20, 60, 60, 40]);
  for (const heading of report.headings) {
    for (const element of heading.elements) {
      for (const cells of ratingRows(report, heading, element)) {
        addRow(sheet, cells).alignment = { vertical: 'top', wrapText: true };
      }
    }
  }
}

export async function renderRatingsXlsx(report: ReviewReport): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Tandem';
  workbook.title = report.title;
  workbook.subject = `${report.organisationName}: ${frameworkText(report)}`;
  workbook.created = report.generatedAt;
  workbook.modified = report.generatedAt;
  addHeatMap(workbook, report);
  addRatings(workbook, report);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
