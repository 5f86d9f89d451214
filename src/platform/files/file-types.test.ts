import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkUpload, detectFileKind, type FileKind } from './file-types.ts';

const MB = 1024 * 1024;
const bytes = (...parts: Array<string | number[]>): Buffer =>
  Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'latin1') : Buffer.from(part))));

/** The start of a real Office Open XML file: a zip whose first entry is the content types list, with the app's folder inside. */
const office = (folder: string): Buffer =>
  bytes([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00], '[Content_Types].xml', 'PK\u0003\u0004', `${folder}document.xml`);

test('the type comes from the first bytes, with the extension only to tell apart zips and text', () => {
  const cases: Array<[Buffer, string, FileKind | null]> = [
    [bytes('%PDF-1.7\n%âãÏÓ'), 'report.pdf', 'pdf'],
    [bytes('%PDF-1.4'), 'renamed.docx', 'pdf'],
    [bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a, 0]), 'photo.png', 'png'],
    [bytes([0xff, 0xd8, 0xff, 0xe0]), 'photo.JPG', 'jpeg'],
    [bytes('GIF89a'), 'x.gif', 'gif'],
    [office('word/'), 'minutes.docx', 'docx'],
    [office('xl/'), 'budget.xlsx', 'xlsx'],
    [office('ppt/'), 'slides.pptx', 'pptx'],
    [office('xl/'), 'budget.docx', null],
    [bytes([0x50, 0x4b, 0x03, 0x04], 'anything'), 'archive.zip', null],
    [bytes([0x50, 0x4b, 0x03, 0x04], 'word/'), 'no-content-types.docx', null],
    [bytes('a,b\n1,2\n'), 'data.csv', 'csv'],
    [bytes('key: value\n'), 'framework.yml', 'yaml'],
    [Buffer.from('{"naïve": "café ✓"}'), 'framework.JSON', 'json'],
    [bytes('notes'), 'notes', 'text'],
    [bytes('MZ', [0x90, 0x00, 0x03]), 'setup.pdf', null],
    [bytes([0xc3, 0x28]), 'broken.txt', null],
    [bytes('text with a NUL', [0]), 'sneaky.csv', null],
  ];
  for (const [data, name, expected] of cases) assert.equal(detectFileKind(data, name), expected, name);
});

test('an upload is checked for emptiness, size and type, with the problem in words', () => {
  const allowed: FileKind[] = ['pdf', 'docx', 'xlsx', 'png', 'jpeg'];
  const check = (data: Buffer, originalName: string) =>
    checkUpload({ data, originalName }, { allowed, maxBytes: 10 * MB });
  assert.deepEqual(check(bytes('%PDF-1.7'), 'a.pdf'), { ok: true, kind: 'pdf', contentType: 'application/pdf' });
  assert.deepEqual(check(Buffer.alloc(0), 'a.pdf'), {
    ok: false,
    reason: 'empty',
    problem: 'The selected file is empty',
  });
  assert.deepEqual(check(Buffer.concat([bytes('%PDF-'), Buffer.alloc(10 * MB)]), 'big.pdf'), {
    ok: false,
    reason: 'too-large',
    problem: 'The selected file must be smaller than 10MB',
  });
  assert.deepEqual(check(bytes('plain words'), 'a.pdf'), {
    ok: false,
    reason: 'wrong-type',
    problem: 'The selected file must be a PDF, Word document, Excel spreadsheet, PNG or JPG',
  });
  assert.deepEqual(checkUpload({ data: bytes('%PDF-'), originalName: 'a.pdf' }, { allowed: ['xlsx'], maxBytes: MB }), {
    ok: false,
    reason: 'wrong-type',
    problem: 'The selected file must be an Excel spreadsheet',
  });
  assert.deepEqual(
    checkUpload({ data: bytes('key: value'), originalName: 'x.yaml' }, { allowed: ['yaml', 'json'], maxBytes: MB }),
    { ok: true, kind: 'yaml', contentType: 'application/yaml; charset=utf-8' },
  );
});
