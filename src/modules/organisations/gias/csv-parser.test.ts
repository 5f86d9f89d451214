import assert from 'node:assert/strict';
import { test } from 'node:test';
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { CsvParser, UNCLOSED_QUOTE, type CsvRecord } from './csv-parser.ts';

/** Parses `text` handed over in pieces cut at `cuts`, keeping every field. */
function parse(text: string, cuts: number[] = []): CsvRecord[] {
  const parser = new CsvParser((header) => header.map((_, index) => index));
  const records: CsvRecord[] = [];
  let from = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    parser.push(text.slice(from, cut), records);
    from = cut;
  }
  parser.push(text.slice(from), records);
  parser.end(records);
  return records;
}

test('only the fields chosen from the header become values; the width counts them all', () => {
  const parser = new CsvParser((header) => [header.indexOf('c'), header.indexOf('a')]);
  const records: CsvRecord[] = [];
  parser.push('a,b,c\n1,2,3\n"x, y",,"z"\n4,5\n', records);
  parser.end(records);
  assert.deepEqual(records, [
    { line: 2, width: 3, values: ['3', '1'] },
    { line: 3, width: 3, values: ['z', 'x, y'] },
    { line: 4, width: 2, values: ['', '4'] },
  ]);
});

test('a line break inside quotes, CRLF endings and blank lines keep the line numbers of the file', () => {
  assert.deepEqual(parse('a,b\r\n\r\n"one\r\ntwo",x\r\n\n3,"y"\r\n'), [
    { line: 3, width: 2, values: ['one\r\ntwo', 'x'] },
    { line: 6, width: 2, values: ['3', 'y'] },
  ]);
});

test('text after a closing quote is kept as written; a quote never closed ends the file with one problem', () => {
  assert.deepEqual(parse('a,b\n1,"ok" then\n2,"open\n3,x\n'), [
    { line: 2, width: 2, values: ['1', '"ok" then'] },
    { line: 3, problem: UNCLOSED_QUOTE },
  ]);
});

test('a doubled quote cut between two chunks is still one quote', () => {
  const text = 'a\n"say ""hi"""\n';
  for (let cut = 1; cut < text.length; cut += 1) {
    assert.deepEqual(parse(text, [cut]), [{ line: 2, width: 1, values: ['say "hi"'] }], `cut at ${cut}`);
  }
});

/** Fields a register might hold: commas, quotes, line breaks of both kinds, spaces and empties. */
const field = fc.oneof(
  fc.string({ unit: fc.constantFrom('a', 'Z', ' ', ',', '"', '\n', '\r\n', 'é', '’') }),
  fc.string(),
  fc.constant(''),
);

test('whatever csv-stringify writes reads back the same, however the text is cut into chunks', () => {
  fc.assert(
    fc.property(
      fc
        .integer({ min: 1, max: 5 })
        .chain((width) =>
          fc.tuple(
            fc.array(fc.array(field, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 8 }),
            fc.array(fc.nat(), { maxLength: 6 }),
          ),
        ),
      ([rows, cuts]) => {
        const width = rows[0]?.length ?? 0;
        const header = Array.from({ length: width }, (_, index) => `h${index}`);
        const text = stringify([header, ...rows], { eof: true, record_delimiter: 'unix' });
        const records = parse(
          text,
          cuts.map((cut) => cut % (text.length + 1)),
        );
        // A row of one empty field is written as a blank line, which is no record.
        const expected = rows.filter((row) => !(row.length === 1 && row[0] === ''));
        assert.deepEqual(
          records.map((record) => record.values),
          expected,
        );
      },
    ),
    { numRuns: 500 },
  );
});
