import { isUtf8 } from 'node:buffer';
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { CsvParser, type CsvRecord } from './csv-parser.ts';

/** A CSV file on disk, or its bytes (tests, uploads). */
export type CsvSource = { path: string } | { name: string; bytes: Uint8Array };

export type CsvEncoding = 'utf-8' | 'windows-1252';

/** One data row: its first line in the file, and either its fields by header or why it could not be read. */
export type CsvRow =
  | { line: number; fields: Record<string, string>; problem?: undefined }
  | { line: number; fields?: undefined; problem: string };

/** The file itself cannot be imported (missing, or not the kind of file expected). */
export class CsvFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CsvFileError';
  }
}

export function sourceName(source: CsvSource): string {
  return 'path' in source ? source.path : source.name;
}

function byteStream(source: CsvSource): Readable {
  return 'path' in source
    ? createReadStream(source.path, { highWaterMark: 1 << 20 })
    : Readable.from([Buffer.from(source.bytes)]);
}

/**
 * GIAS serves Windows-1252; copies passed through other tools are UTF-8. Any byte sequence that is
 * not valid UTF-8 means the file is not UTF-8, so the whole file is checked (streamed, not loaded)
 * before parsing: a stray byte on line 40,000 must not turn the first 39,999 rows into mojibake.
 */
export async function detectEncoding(source: CsvSource): Promise<CsvEncoding> {
  let carried: Buffer = Buffer.alloc(0);
  for await (const chunk of byteStream(source)) {
    const bytes = carried.length > 0 ? Buffer.concat([carried, chunk as Buffer]) : (chunk as Buffer);
    const complete = completeLength(bytes);
    if (!isUtf8(bytes.subarray(0, complete))) return 'windows-1252';
    carried = bytes.subarray(complete);
  }
  return carried.length === 0 ? 'utf-8' : 'windows-1252';
}

/** The length of `bytes` without a UTF-8 sequence cut short at its end (the next chunk completes it). */
function completeLength(bytes: Uint8Array): number {
  for (let back = 1; back <= Math.min(3, bytes.length); back += 1) {
    const byte = bytes[bytes.length - back] ?? 0;
    if ((byte & 0xc0) === 0x80) continue;
    const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return needed > back ? bytes.length - back : bytes.length;
  }
  return bytes.length;
}

/** What Windows-1252 puts at 0x80–0x9F; the five bytes it leaves undefined map to themselves. */
const WINDOWS_1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

/**
 * Replaces C1 control characters (U+0080–U+009F) with the Windows-1252 characters of the same
 * byte. They never belong in register text; they appear where Windows-1252 bytes were once read as
 * Latin-1, as in two trust names of the 2025 extract ("LADY HAWKINS\u0092 SCHOOL").
 */
export function repairControlCharacters(text: string): string {
  return text.replace(/[\u0080-\u009f]/g, (control) => WINDOWS_1252_HIGH.charAt(control.charCodeAt(0) - 0x80));
}

/**
 * Decodes Windows-1252. Node 20's TextDecoder('windows-1252') decodes 0x80–0x9F as Latin-1 control
 * characters (0x92 becomes U+0092, not ’), so those are mapped here; on a Node that decodes them
 * correctly the mapping finds nothing to do. Each byte is one character, so chunks can be decoded alone.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  return repairControlCharacters(new TextDecoder('windows-1252').decode(bytes));
}

/**
 * Streams the data rows of a CSV file with a header row, giving each row's first line and its
 * values for the columns asked for, a chunk of the file's rows at a time (handing rows over one by
 * one cost a promise each). A UTF-8 byte order mark and blank lines are skipped; a row that cannot
 * be read (wrong number of fields, a quote never closed) comes back with a problem instead of
 * stopping the file. A header without every column asked for is a CsvFileError.
 */
export async function* readCsv(source: CsvSource, columns: readonly string[]): AsyncGenerator<CsvRow[]> {
  const encoding = await detectEncoding(source);
  const utf8 = new StringDecoder('utf8');
  // Each character maps to one, so repairing whole chunks is the same as repairing each value.
  const decode = (bytes: Buffer) =>
    encoding === 'utf-8' ? repairControlCharacters(utf8.write(bytes)) : decodeWindows1252(bytes);
  let width = 0;
  const parser = new CsvParser((names) => {
    const header = names.map((name) => name.trim());
    width = header.length;
    return columnPositions(sourceName(source), header, columns);
  });
  const records: CsvRecord[] = [];
  const rows = (): CsvRow[] => {
    const parsed = records.map(({ line, width: fieldCount, values, problem }): CsvRow => {
      if (values === undefined) return { line, problem };
      if (fieldCount !== width)
        return { line, problem: `the row has ${fieldCount} fields where the header has ${width}` };
      const fields: Record<string, string> = {};
      for (let index = 0; index < columns.length; index += 1) fields[columns[index] ?? ''] = values[index] ?? '';
      return { line, fields };
    });
    records.length = 0;
    return parsed;
  };
  for await (const chunk of byteStream(source)) {
    parser.push(decode(chunk as Buffer), records);
    yield rows();
  }
  parser.end(records);
  yield rows();
}

function columnPositions(file: string, header: string[], columns: readonly string[]): number[] {
  const missing = columns.filter((column) => !header.includes(column));
  if (missing.length > 0) {
    const names = missing.map((column) => `"${column}"`).join(', ');
    throw new CsvFileError(`${file} has no ${names} column${missing.length > 1 ? 's' : ''}`);
  }
  return columns.map((column) => header.indexOf(column));
}
