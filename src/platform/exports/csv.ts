import { stringify } from 'csv-stringify/sync';

/**
 * CSV files for people to open in a spreadsheet: UTF-8 with a byte order mark (Excel reads a CSV
 * without one as the machine's code page and garbles "Zoë"), CRLF line ends, and every cell that
 * a spreadsheet could take for a formula made harmless (csv-stringify's `escape_formulas`).
 */
const BOM = '\uFEFF';

export type CsvCell = string | number;

export function toSpreadsheetCsv(records: ReadonlyArray<readonly CsvCell[]>): string {
  return BOM + stringify(records as CsvCell[][], { escape_formulas: true, record_delimiter: 'windows' });
}

/**
 * The same rule as csv-stringify's `escape_formulas`, for cells written some other way (an XLSX
 * sheet): a leading = + - @ (or their full-width forms), tab or carriage return would make a
 * spreadsheet run the text as a formula, so it gets a leading quote and stays text.
 */
const formulaStart = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

export function neutraliseFormula(value: string): string {
  return formulaStart.test(value) ? `'${value}` : value;
}
