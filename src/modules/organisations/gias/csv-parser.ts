/**
 * An incremental CSV parser for register files, written for the import's hot path. The first record
 * is the header; the caller chooses from it the fields it wants, and only those become strings. A
 * line with no quote in it (nearly every GIAS line) is cut at its commas with native searches, and
 * only a line with a quote is walked field by field. csv-parse, which made a string of every field
 * and an object per record, took longer to read the establishments file than PostgreSQL took to store it.
 *
 * What it takes: comma-separated fields; a field that starts with a quote runs to the closing quote,
 * may hold commas and line breaks, and writes a quote as two; records end at \n or \r\n. A quote
 * anywhere else is text, and so is a quoted field with text after its closing quote (it is kept as
 * written): rejecting either would lose the rows after it. A quote never closed swallows the rest
 * of the file, which is reported once, with the line the record started on.
 */

/**
 * A data record: the line it starts on, how many fields it has and the values of the fields chosen
 * (empty where the record is too short); or why the rest of the file could not be read.
 */
export type CsvRecord =
  | { line: number; width: number; values: string[]; problem?: undefined }
  | { line: number; width?: undefined; values?: undefined; problem: string };

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

export const UNCLOSED_QUOTE = 'a quoted field is never closed, so the rest of the file could not be read';

/** A record read from some text, and where the text after it starts. */
interface Read {
  values: string[];
  end: number;
}

export class CsvParser {
  /** Text not yet parsed: the start of a record the last chunk cut short. */
  private pending = '';
  /** The line `pending` starts on. */
  private line = 1;
  private started = false;
  private stopped = false;
  /** The positions of the fields wanted, once the header has been read. */
  private chosen: readonly number[] | undefined;
  /** Where each field of a quote-free line starts, less one: reused from line to line. */
  private bounds = new Int32Array(256);

  /** `choose` is given the header's names and answers the positions of the fields to keep, in order. */
  constructor(private readonly choose: (header: string[]) => readonly number[]) {}

  /** Parses the records `chunk` completes into `records`; a record it cuts short waits for the next chunk. */
  push(chunk: string, records: CsvRecord[]): void {
    if (this.stopped) return;
    let text = this.pending + chunk;
    if (!this.started && text.length > 0) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    this.pending = text.slice(this.parse(text, false, records));
  }

  /** Parses what is left once the input has ended; the last line needs no line break. */
  end(records: CsvRecord[]): void {
    if (this.stopped || this.pending === '') return;
    const text = this.pending.endsWith('\n') ? this.pending : `${this.pending}\n`;
    this.pending = '';
    this.parse(text, true, records);
  }

  /** Parses whole records from the start of `text`; answers where the unparsed rest begins. */
  private parse(text: string, final: boolean, records: CsvRecord[]): number {
    let position = 0;
    // The next quote at or after `position`, found once and reused: most lines have none.
    let quote = text.indexOf('"');
    while (position < text.length) {
      const code = text.charCodeAt(position);
      if (code === LF || (code === CR && text.charCodeAt(position + 1) === LF)) {
        // A blank line is no record, but it is a line.
        position += code === LF ? 1 : 2;
        this.line += 1;
        continue;
      }
      const lineEnd = text.indexOf('\n', position);
      if (lineEnd === -1) return position;
      if (quote !== -1 && quote < position) quote = text.indexOf('"', position);
      if (quote === -1 || quote > lineEnd) {
        const contentEnd = text.charCodeAt(lineEnd - 1) === CR ? lineEnd - 1 : lineEnd;
        if (this.chosen === undefined) this.chosen = this.choose(text.slice(position, contentEnd).split(','));
        else records.push(this.plainRecord(text, position, contentEnd, this.chosen));
        this.line += 1;
        position = lineEnd + 1;
        continue;
      }
      const read = readRecord(text, position);
      if (read === undefined) {
        if (!final) return position;
        // The text ends with a line break, so only a quote that is never closed leaves a record unread.
        records.push({ line: this.line, problem: UNCLOSED_QUOTE });
        this.stopped = true;
        return text.length;
      }
      if (this.chosen === undefined) this.chosen = this.choose(read.values);
      else records.push({ line: this.line, width: read.values.length, values: pick(read.values, this.chosen) });
      this.line += lineBreaks(text, position, read.end);
      position = read.end;
    }
    return position;
  }

  /** A record from a line without quotes, from `start` to `end`: its fields are what lies between commas. */
  private plainRecord(text: string, start: number, end: number, chosen: readonly number[]): CsvRecord {
    let bounds = this.bounds;
    let commas = 0;
    bounds[0] = start - 1;
    for (let comma = text.indexOf(',', start); comma !== -1 && comma < end; comma = text.indexOf(',', comma + 1)) {
      commas += 1;
      if (commas + 1 >= bounds.length) {
        const wider = new Int32Array(bounds.length * 2);
        wider.set(bounds);
        this.bounds = bounds = wider;
      }
      bounds[commas] = comma;
    }
    bounds[commas + 1] = end;
    const values = new Array<string>(chosen.length);
    for (let index = 0; index < chosen.length; index += 1) {
      const field = chosen[index] ?? 0;
      values[index] = field <= commas ? text.slice((bounds[field] ?? 0) + 1, bounds[field + 1]) : '';
    }
    return { line: this.line, width: commas + 1, values };
  }
}

function pick(values: string[], chosen: readonly number[]): string[] {
  return chosen.map((field) => values[field] ?? '');
}

/**
 * Reads one record that has a quote in it, field by field, from `start` to past its line break;
 * undefined when the text ends before the record does.
 */
function readRecord(text: string, start: number): Read | undefined {
  const values: string[] = [];
  let position = start;
  for (;;) {
    let end: number;
    if (text.charCodeAt(position) === QUOTE) {
      const quoted = readQuoted(text, position);
      if (quoted === undefined) return undefined;
      if (endsField(text, quoted.after)) {
        values.push(quoted.value);
        end = quoted.after;
      } else {
        // Text after the closing quote: the field is kept as written, up to the next comma or line end.
        end = fieldEnd(text, quoted.after);
        if (end === -1) return undefined;
        values.push(text.slice(position, end));
      }
    } else {
      end = fieldEnd(text, position);
      if (end === -1) return undefined;
      values.push(text.slice(position, end));
    }
    const code = text.charCodeAt(end);
    if (code === COMMA) {
      position = end + 1;
      continue;
    }
    return { values, end: end + (code === CR ? 2 : 1) };
  }
}

/** A quoted field from its opening quote: its value and the position after its closing quote. */
function readQuoted(text: string, open: number): { value: string; after: number } | undefined {
  let value = '';
  let from = open + 1;
  for (;;) {
    const close = text.indexOf('"', from);
    // A quote that ends the text may be the first of a doubled pair: the next chunk will tell.
    if (close === -1 || close + 1 === text.length) return undefined;
    if (text.charCodeAt(close + 1) !== QUOTE) return { value: value + text.slice(from, close), after: close + 1 };
    value += text.slice(from, close + 1);
    from = close + 2;
  }
}

/** Whether a field ends at `position`: a comma, or a line break. */
function endsField(text: string, position: number): boolean {
  const code = text.charCodeAt(position);
  return code === COMMA || code === LF || (code === CR && text.charCodeAt(position + 1) === LF);
}

/** Where an unquoted field from `position` ends (its comma or line break), or -1 if the text ends first. */
function fieldEnd(text: string, position: number): number {
  const lineEnd = text.indexOf('\n', position);
  if (lineEnd === -1) return -1;
  const comma = text.indexOf(',', position);
  if (comma !== -1 && comma < lineEnd) return comma;
  return lineEnd > position && text.charCodeAt(lineEnd - 1) === CR ? lineEnd - 1 : lineEnd;
}

/** Line breaks (\n) from `start` up to `end`. */
function lineBreaks(text: string, start: number, end: number): number {
  let breaks = 0;
  for (let at = text.indexOf('\n', start); at !== -1 && at < end; at = text.indexOf('\n', at + 1)) breaks += 1;
  return breaks;
}
