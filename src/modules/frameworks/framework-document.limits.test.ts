import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  frameworkLimits as limits,
  maxEntries,
  maxFileBytes,
  maxLines,
  parseFrameworkDocument,
  serialiseFrameworkDocument,
  type FrameworkDocument,
  type FrameworkFileFormat,
} from './framework-document.ts';

/**
 * A file's size in bytes is not what makes it slow to read: the parts in it are. These files are
 * each just under the 1 MB limit and once took seconds to parse; they are refused from a count
 * taken before parsing, while the largest framework the schema allows still imports.
 */

const tooManyEntries =
  'The file has too many fields, values and punctuation marks (more than 60,000); ' +
  'a framework has at most about 46,000, so this does not look like a framework file';
const tooManyLines =
  'The file has too many lines (more than 100,000); ' +
  'a framework has at most about 20,000 lines, so this does not look like a framework file';

/** `unit` repeated until the file is as close to the size limit as it can get. */
function fillToLimit(head: string, unit: (index: number) => string, tail = ''): string {
  const parts = [head];
  let size = head.length + tail.length;
  for (let index = 0; ; index += 1) {
    const part = unit(index);
    if (size + part.length > maxFileBytes) break;
    parts.push(part);
    size += part.length;
  }
  return [...parts, tail].join('');
}

function refusal(text: string, format: FrameworkFileFormat): string[] {
  assert.ok(text.length > maxFileBytes * 0.9 || format === 'json', 'the hostile file is near full size');
  const result = parseFrameworkDocument(text, format);
  assert.equal(result.ok, false, 'the file is refused');
  return result.ok ? [] : result.problems;
}

const start = 'format: tandem-framework/1\nkey: hostile\nname: Hostile\nheadings:\n';

test('a file with too many parts is refused before it is parsed, whatever its shape', () => {
  const hostile: Record<string, string> = {
    'many headings': fillToLimit(start, (i) => `  - {key: h${i}, name: H, elements: [{key: e${i}, name: E}]}\n`),
    'many unknown fields': fillToLimit(start, (i) => `field-${i}: value\n`),
    'a long flow list': fillToLimit(`${start}  - [`, (i) => `${i},`, '0]\n'),
    'nested brackets just inside the depth limit': fillToLimit('', () => `- ${'['.repeat(18)}1${']'.repeat(18)}\n`),
    'commas only': `${start}  - [${','.repeat(maxFileBytes - start.length - 10)}]\n`,
    'colons only': ':\n'.repeat(maxFileBytes / 2 - 1),
    'many anchors': fillToLimit(start, (i) => `  - &a${i} x\n`),
    'many tags': fillToLimit(start, (i) => `  - !t${i} x\n`),
  };
  for (const [shape, text] of Object.entries(hostile)) {
    assert.deepEqual(refusal(text, 'yaml'), [tooManyEntries], shape);
  }
  assert.deepEqual(refusal('#\n'.repeat(maxFileBytes / 2 - 1), 'yaml'), [tooManyLines]);
  assert.deepEqual(
    refusal(
      fillToLimit(start, () => '---\n'),
      'yaml',
    ),
    [tooManyLines],
  );
});

test('a JSON file with too many fields and values is refused before its schema is checked', () => {
  const fields = Object.fromEntries(Array.from({ length: maxEntries }, (_, i) => [`f${i}`, 0]));
  assert.deepEqual(refusal(JSON.stringify(fields), 'json'), [tooManyEntries]);
  // Thousands of levels against thousands of descriptors once compared every pair.
  const levels = Array.from({ length: 20_000 }, (_, i) => ({ key: `l${i}` }));
  const descriptors = Object.fromEntries(Array.from({ length: 30_000 }, (_, i) => [`m${i}`, 'd']));
  const element = { key: 'element', name: 'Element', descriptors };
  const document = { format: 'tandem-framework/1', scale: { levels }, headings: [{ elements: [element] }] };
  assert.deepEqual(refusal(JSON.stringify(document), 'json'), [tooManyEntries]);
});

const levelKeys = ['red', 'amber-red', 'amber', 'amber-green', 'green', 'blue', 'purple'];

/** Every list as long as the schema allows, with `text` of the given length in every text field. */
function largestFramework(text: (max: number) => string): FrameworkDocument {
  return {
    format: 'tandem-framework/1',
    key: 'largest',
    name: text(limits.name),
    summary: text(limits.summary),
    scale: {
      levels: levelKeys.map((key) => ({ key, label: key, meaning: text(limits.meaning), colour: '#00703c' })),
    },
    headings: Array.from({ length: limits.headingsMax }, (_, h) => ({
      key: `heading-${h}`,
      name: text(limits.name),
      elements: Array.from({ length: limits.elementsMax }, (_, e) => ({
        key: `element-${h}-${e}`,
        name: text(limits.name),
        summary: text(limits.summary),
        questions: Array.from({ length: limits.questionsMax }, (_, q) => `${text(limits.question)} ${q}?`),
        descriptors: Object.fromEntries(levelKeys.map((level) => [level, text(limits.descriptor)])),
      })),
    })),
  };
}

test('the largest framework the schema allows still imports in both formats', () => {
  const sentence = 'Leaders set a clear direction, and staff know how their work contributes to it. ';
  const shapes = {
    // Short text gives the most parts a framework can have; longer text brings the file near 1 MB.
    'short text': largestFramework(() => 'Yes'),
    'longer text': largestFramework((max) => sentence.repeat(3).slice(0, Math.min(max, 30)).trim()),
  };
  for (const [shape, document] of Object.entries(shapes)) {
    for (const format of ['yaml', 'json'] as const) {
      const text = serialiseFrameworkDocument(document, format);
      assert.ok(text.length <= maxFileBytes, `${shape} ${format} fits in a file (${text.length})`);
      assert.ok(text.split('\n').length < maxLines, `${shape} ${format} has fewer lines than the limit`);
      const result = parseFrameworkDocument(text, format);
      assert.ok(result.ok, `${shape} ${format}: ${result.ok ? '' : result.problems.slice(0, 3).join('\n')}`);
      assert.deepEqual(result.document, document);
    }
  }
});
