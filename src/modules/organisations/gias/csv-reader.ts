import { isUtf8 } from 'node:buffer';
import { createReadStream } from 'node:fs';
import { Readable, Transform, pipeline } from 'node:stream';
import { type CsvError, type Options, parse } from 'csv-parse';

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

function windows1252ToUtf8(): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      done(null, Buffer.from(decodeWindows1252(chunk), 'utf8'));
    },
  });
}

/** csv-parse's messages name its internals; people reading a rejection need the problem in the file. */
function describeCsvError(error: CsvError | undefined): string {
  switch (error?.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'a quoted field is never closed, so the rest of the file could not be read';
    case 'CSV_INVALID_CLOSING_QUOTE':
      return 'a quoted field has text after its closing quote';
    default:
      return `the row is not valid CSV${error ? ` (${error.message})` : ''}`;
  }
}

/** Line breaks in some text: \r\n, \n and \r each end one line. */
function lineBreaks(text: string): number {
  let breaks = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code === 10 || (code === 13 && text.charCodeAt(index + 1) !== 10)) breaks += 1;
  }
  return breaks;
}

/** What csv-parse makes of a record with the `raw` option. */
interface RawRecord {
  record: string[];
  raw?: string;
}

/** A record as parsed, numbered in the order csv-parse met it (skipped records included). */
interface ParsedRecord {
  values: string[];
  line: number;
  sequence: number;
}

/**
 * Streams the data rows of a CSV file with a header row, giving each row's first line and its
 * values for the columns asked for. A UTF-8 byte order mark and blank lines are skipped; a row
 * that cannot be read (wrong number of fields, a quote never closed) comes back with a problem
 * instead of stopping the file. A header without every column asked for is a CsvFileError.
 */
export async function* readCsv(source: CsvSource, columns: readonly string[]): AsyncGenerator<CsvRow> {
  const encoding = await detectEncoding(source);
  // Lines are counted here, not taken from csv-parse: it counts a \r\n inside a quoted field as two.
  // A record's raw text starts with the blank lines skipped before it and ends with its line break.
  // Counting happens as csv-parse meets each record, which is ahead of this loop reading them.
  let linesBefore = 0;
  let sequence = 0;
  const unreadable: Array<{ sequence: number; row: CsvRow }> = [];
  const options: Options<ParsedRecord, RawRecord> = {
    bom: true,
    raw: true,
    // A stray quote inside a field is kept as text: rejecting it would also lose every row after it.
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    // Records stay arrays, not objects keyed by the header: building a 64-key object per row
    // doubled the parse time of the full register, and the importer needs a dozen columns.
    // With `raw`, csv-parse hands on_record the record and its raw text; what it returns is emitted.
    on_record: (parsed) => {
      const { line, breaks } = locate(linesBefore, parsed.raw ?? '');
      linesBefore += breaks;
      sequence += 1;
      const numbered: ParsedRecord = { values: parsed.record, line, sequence };
      return numbered;
    },
    on_skip: (error, raw) => {
      const { line, breaks } = locate(linesBefore, raw ?? '');
      linesBefore += breaks;
      sequence += 1;
      unreadable.push({ sequence, row: { line, problem: describeCsvError(error) } });
      return undefined;
    },
  };
  // csv-parse types a changed record only where a header names the columns; here it is ours.
  const parser = parse(options as unknown as Options);
  const input = byteStream(source);
  const onEnd = (error: Error | null) => {
    if (error) parser.destroy(error);
  };
  if (encoding === 'utf-8') pipeline(input, parser, onEnd);
  else pipeline(input, windows1252ToUtf8(), parser, onEnd);

  let header: string[] | undefined;
  let positions: Array<[string, number]> = [];
  for await (const record of parser as AsyncIterable<ParsedRecord>) {
    while ((unreadable[0]?.sequence ?? Infinity) < record.sequence) yield (unreadable.shift() as { row: CsvRow }).row;
    const { values, line } = record;
    if (header === undefined) {
      header = values.map((name) => name.trim());
      positions = columnPositions(sourceName(source), header, columns);
    } else if (values.length !== header.length) {
      yield { line, problem: `the row has ${values.length} fields where the header has ${header.length}` };
    } else {
      const fields: Record<string, string> = {};
      for (const [column, position] of positions) fields[column] = repairControlCharacters(values[position] ?? '');
      yield { line, fields };
    }
  }
  for (const { row } of unreadable) yield row;
}

function columnPositions(file: string, header: string[], columns: readonly string[]): Array<[string, number]> {
  const missing = columns.filter((column) => !header.includes(column));
  if (missing.length > 0) {
    const names = missing.map((column) => `"${column}"`).join(', ');
    throw new CsvFileError(`${file} has no ${names} column${missing.length > 1 ? 's' : ''}`);
  }
  return columns.map((column) => [column, header.indexOf(column)]);
}

/** Where a record starts (after the blank lines its raw text begins with) and how many line breaks it spans. */
function locate(linesBefore: number, raw: string): { line: number; breaks: number } {
  const leadingBlank = lineBreaks(/^[\r\n]*/.exec(raw)?.[0] ?? '');
  return { line: linesBefore + leadingBlank + 1, breaks: lineBreaks(raw) };
}
