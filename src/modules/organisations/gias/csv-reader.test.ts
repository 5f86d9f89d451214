import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { CsvFileError, decodeWindows1252, detectEncoding, readCsv, type CsvRow, type CsvSource } from './csv-reader.ts';

const folder = mkdtempSync(join(tmpdir(), 'tandem-csv-'));
after(() => rmSync(folder, { recursive: true, force: true }));

const bytes = (...parts: Array<string | number[]>) =>
  Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'utf8') : Buffer.from(part))));
const source = (content: Uint8Array | string): CsvSource => ({
  name: 'test.csv',
  bytes: typeof content === 'string' ? Buffer.from(content, 'utf8') : content,
});

async function rows(input: CsvSource, columns: readonly string[] = ['a', 'b']): Promise<CsvRow[]> {
  const all: CsvRow[] = [];
  for await (const rows of readCsv(input, columns)) all.push(...rows);
  return all;
}

test('quoted commas, doubled quotes and line breaks inside quotes stay in their field', async () => {
  const read = await rows(source('a,b\n"Smith, John","say ""hi"""\n"two\nlines",x\n3,y\n'));
  assert.deepEqual(read, [
    { line: 2, fields: { a: 'Smith, John', b: 'say "hi"' } },
    { line: 3, fields: { a: 'two\nlines', b: 'x' } },
    { line: 5, fields: { a: '3', b: 'y' } },
  ]);
});

test('a byte order mark, blank lines and CRLF endings do not disturb the fields or the line numbers', async () => {
  const read = await rows(source('\ufeffa,b\r\n\r\n1,"x\r\ny"\r\n\r\n\r\n2,z\r\n'));
  assert.deepEqual(read, [
    { line: 3, fields: { a: '1', b: 'x\r\ny' } },
    { line: 7, fields: { a: '2', b: 'z' } },
  ]);
});

test('only the columns asked for are returned, found by header name in any order', async () => {
  const read = await rows(source('z,b,a\n9,2,1\n'));
  assert.deepEqual(read, [{ line: 2, fields: { a: '1', b: '2' } }]);
});

test('Windows-1252 bytes are decoded as Windows-1252, not Latin-1', async () => {
  // 0x92 is ’ in Windows-1252 (U+0092, a control character, in Latin-1); 0xE9 is é in both.
  const read = await rows(source(bytes('a,b\n', [0x4f, 0x92, 0x42, 0x72, 0x69, 0x65, 0x6e], ',Caf', [0xe9], '\n')));
  assert.deepEqual(read, [{ line: 2, fields: { a: 'O’Brien', b: 'Café' } }]);
  assert.equal(decodeWindows1252(Uint8Array.from([0x80, 0x85, 0x96, 0x9c, 0xa3, 0xff])), '€…–œ£ÿ');
});

test('a UTF-8 file holding a Latin-1-decoded Windows-1252 byte (U+0092) gets the ’ that was meant', async () => {
  const read = await rows(source('a,b\n3672,LADY HAWKINS\u0092 SCHOOL\n'));
  assert.deepEqual(read, [{ line: 2, fields: { a: '3672', b: 'LADY HAWKINS’ SCHOOL' } }]);
});

test('UTF-8 is kept as UTF-8, including a character split across two chunks of a large file', async () => {
  const path = join(folder, 'split.csv');
  // The file is read in 1 MiB chunks: put the two bytes of "é" either side of the first boundary.
  const prefix = 'a,b\n';
  const padding = 'x'.repeat((1 << 20) - Buffer.byteLength(prefix) - 1);
  writeFileSync(path, `${prefix}${padding}é,1\n2,Brontë\n`);
  assert.equal(await detectEncoding({ path }), 'utf-8');
  const read = await rows({ path });
  assert.equal(read[0]?.fields?.a, `${padding}é`);
  assert.deepEqual(read[1], { line: 3, fields: { a: '2', b: 'Brontë' } });
});

test('one byte that is not UTF-8, far into the file, makes the whole file Windows-1252', async () => {
  const path = join(folder, 'late.csv');
  writeFileSync(path, bytes('a,b\n', 'Zoë,1\n'.repeat(1000), 'x,', [0x92], '\n'));
  assert.equal(await detectEncoding({ path }), 'windows-1252');
  assert.equal(await detectEncoding(source('a,b\nZoë,1\n')), 'utf-8');
  const read = await rows({ path });
  // Read as Windows-1252, the UTF-8 "ë" of the earlier rows becomes two characters: the file is one encoding.
  assert.equal(read[0]?.fields?.a, 'ZoÃ«');
  assert.deepEqual(read.at(-1), { line: 1002, fields: { a: 'x', b: '’' } });
});

test('a row with the wrong number of fields comes back with a problem and the rows after it are read', async () => {
  const read = await rows(source('a,b\n1,2\n3,4,5\n6\n7,8\n'));
  assert.deepEqual(read, [
    { line: 2, fields: { a: '1', b: '2' } },
    { line: 3, problem: 'the row has 3 fields where the header has 2' },
    { line: 4, problem: 'the row has 1 fields where the header has 2' },
    { line: 5, fields: { a: '7', b: '8' } },
  ]);
});

test('a stray quote inside a field is kept as text; a quote never closed is reported with its line', async () => {
  const read = await rows(source('a,b\n1,He said "no\n2,"ok"\n3,"never closed\n4,x\n'));
  assert.deepEqual(read.slice(0, 2), [
    { line: 2, fields: { a: '1', b: 'He said "no' } },
    { line: 3, fields: { a: '2', b: 'ok' } },
  ]);
  assert.deepEqual(read[2], {
    line: 4,
    problem: 'a quoted field is never closed, so the rest of the file could not be read',
  });
  assert.equal(read.length, 3);
});

test('a header without a column asked for is an error about the file, naming the column', async () => {
  await assert.rejects(rows(source('a,c\n1,2\n'), ['a', 'b', 'URN']), (error: unknown) => {
    assert.ok(error instanceof CsvFileError);
    assert.equal(error.message, 'test.csv has no "b", "URN" columns');
    return true;
  });
});

test('an empty file and a header alone have no rows', async () => {
  assert.deepEqual(await rows(source('')), []);
  assert.deepEqual(await rows(source('a,b\n')), []);
});

test('a file that does not exist is an error, not an empty import', async () => {
  await assert.rejects(rows({ path: join(folder, 'missing.csv') }), /ENOENT/);
});
