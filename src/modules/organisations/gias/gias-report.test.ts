import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FileReport } from './gias-import.service.ts';
import { formatImportReport } from './gias-report.ts';

const report = (overrides: Partial<FileReport>): FileReport => ({
  kind: 'establishments',
  file: 'establishments.csv',
  rows: 0,
  created: 0,
  updated: 0,
  unchanged: 0,
  rejected: 0,
  rejections: [],
  warnings: [],
  milliseconds: 0,
  ...overrides,
});

test('the report gives the counts per file and the time each took', () => {
  const text = formatImportReport([
    report({ kind: 'trusts', file: 'trusts.csv', rows: 2366, created: 2366, milliseconds: 1234 }),
    report({ rows: 51866, created: 51000, updated: 800, unchanged: 66, milliseconds: 20_500 }),
  ]);
  assert.equal(
    text,
    [
      'Trusts from trusts.csv: 2,366 rows in 1.2 s',
      '  2,366 created, 0 updated, 0 unchanged, 0 rejected',
      'Establishments from establishments.csv: 51,866 rows in 20.5 s',
      '  51,000 created, 800 updated, 66 unchanged, 0 rejected',
    ].join('\n'),
  );
});

test('the first rejections are listed with their lines, and the rest are counted', () => {
  const rejections = Array.from({ length: 53 }, (_, index) => ({ line: index + 2, reason: 'URN "x" is not a number' }));
  const text = formatImportReport([report({ rows: 53, rejected: 53, rejections })], { shown: 50 });
  const lines = text.split('\n');
  assert.equal(lines[2], '  Rejected (53):');
  assert.equal(lines[3], '    line 2: URN "x" is not a number');
  assert.equal(lines[52], '    line 51: URN "x" is not a number');
  assert.equal(lines[53], '    … and 3 more');
  assert.equal(lines.length, 54);
});
