import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { builtinFrameworks } from './builtin/index.ts';
import {
  maxProblems,
  parseFrameworkDocument,
  serialiseFrameworkDocument,
  type FrameworkDocument,
  type FrameworkFileFormat,
} from './framework-document.ts';

const formats: FrameworkFileFormat[] = ['yaml', 'json'];

function problemsOf(text: string, format: FrameworkFileFormat): string[] {
  const result = parseFrameworkDocument(text, format);
  assert.equal(result.ok, false, 'the file is refused');
  return result.ok ? [] : result.problems;
}

function assertProblem(problems: string[], expected: string | RegExp): void {
  const found = problems.some((problem) =>
    typeof expected === 'string' ? problem === expected : expected.test(problem),
  );
  assert.ok(found, `expected ${String(expected)} among:\n${problems.join('\n')}`);
}

/** A small valid framework as plain data, for tests to spoil one field at a time. */
function smallFramework(): Record<string, unknown> {
  return {
    format: 'tandem-framework/1',
    key: 'small',
    name: 'Small framework',
    scale: {
      levels: [
        { key: 'red', label: 'Red', colour: '#d4351c' },
        { key: 'amber-red', label: 'Amber-red', colour: '#f47738' },
        { key: 'amber-green', label: 'Amber-green', colour: '#85994b' },
        { key: 'green', label: 'Green', colour: '#00703c' },
      ],
    },
    headings: [
      {
        key: 'first',
        name: 'First',
        elements: [
          { key: 'one', name: 'One', questions: ['Why?'], descriptors: { red: 'Weak', green: 'Strong' } },
          { key: 'two', name: 'Two' },
        ],
      },
      { key: 'second', name: 'Second', elements: [{ key: 'three', name: 'Three' }] },
    ],
  };
}

test('every built-in survives export and import in both formats, and exports the same text twice', () => {
  for (const framework of builtinFrameworks) {
    for (const format of formats) {
      const text = serialiseFrameworkDocument(framework, format);
      const again = parseFrameworkDocument(text, format);
      assert.ok(again.ok, `${framework.key} as ${format} parses`);
      assert.deepEqual(again.document, framework);
      assert.equal(serialiseFrameworkDocument(again.document, format), text);
      assert.equal(serialiseFrameworkDocument(framework, format), text);
    }
  }
});

test('a file is tidied on import: text trimmed, colours lowercased, empty optional fields absent, descriptors in scale order', () => {
  const data = { ...smallFramework(), name: '  Small framework \n', summary: '' };
  const result = parseFrameworkDocument(JSON.stringify(data).replace('#d4351c', '#D4351C'), 'json');
  assert.ok(result.ok, result.ok ? '' : result.problems.join('\n'));
  assert.equal(result.document.name, 'Small framework');
  assert.equal('summary' in result.document, false);
  assert.equal(result.document.scale.levels[0]?.colour, '#d4351c');
  const yaml = serialiseFrameworkDocument(result.document, 'yaml').replace(
    'name: Small framework',
    'name: Small framework\nsummary:',
  );
  const fromYaml = parseFrameworkDocument(yaml, 'yaml');
  assert.ok(fromYaml.ok, 'an empty optional field in YAML is read as absent');
  assert.deepEqual(fromYaml.document, result.document);
  const swapped = smallFramework();
  const json = JSON.stringify(swapped).replace('"red":"Weak","green":"Strong"', '"green":"Strong","red":"Weak"');
  const fromJson = parseFrameworkDocument(json, 'json');
  assert.ok(fromJson.ok);
  assert.deepEqual(Object.keys(fromJson.document.headings[0]?.elements[0]?.descriptors ?? {}), ['red', 'green']);
  assert.deepEqual(fromJson.document.headings[0]?.elements[1]?.questions, []);
});

test('wrong types and bad values are named by their path, in the order they appear in the file', () => {
  const data = smallFramework();
  const levels = (data.scale as { levels: Array<Record<string, unknown>> }).levels;
  levels[1] = { key: 'Amber Red', label: 5, colour: 'orange' };
  const headings = data.headings as Array<Record<string, unknown>>;
  headings[0] = {
    key: 'first',
    name: ['First'],
    elements: [
      { key: 'one', name: 'One' },
      { key: 7, name: '' },
    ],
  };
  headings[1] = { key: 'second', name: 'Second', elements: [{ key: 'three', name: 'Three', questions: 'Why?' }] };
  const problems = problemsOf(JSON.stringify({ ...data, format: 'tandem-framework/9', colour: 'red' }), 'json');
  assert.deepEqual(problems, [
    'format: Tandem reads the format tandem-framework/1; change this line to format: tandem-framework/1',
    'scale.levels[1].key: Key must use only lowercase letters, digits and single hyphens, like amber-green',
    'scale.levels[1].label: Label must be text, not a number',
    'scale.levels[1].colour: Enter a colour as # and six hex digits, like #1d70b8',
    'headings[0].name: Name must be text, not a list',
    'headings[0].elements[1].key: Key must be text, not a number',
    'headings[0].elements[1].name: Enter a name for this element',
    'headings[1].elements[0].questions: Questions must be a list, not text',
    'colour: Tandem does not know the field "colour" here. Remove it or check its spelling (a framework has format, key, name, summary, scale and headings)',
  ]);
});

test('a duplicate element key names both places, and a descriptor must be for a level of the scale', () => {
  const data = smallFramework();
  const second = (data.headings as Array<{ elements: Array<Record<string, unknown>> }>)[1];
  assert.ok(second);
  second.elements = [{ key: 'two', name: 'Also two', descriptors: { purple: 'Lovely', green: 'Fine' } }];
  const problems = problemsOf(JSON.stringify(data), 'json');
  assertProblem(
    problems,
    'headings[1].elements[0].key: The key "two" is already used by headings[0].elements[1]. Give each element its own key',
  );
  assertProblem(
    problems,
    'headings[1].elements[0].descriptors.purple: "purple" is not a level of the scale. Use one of red, amber-red, amber-green or green',
  );
  assert.equal(problems.length, 2);
});

test('files that are empty, null, a list or not YAML or JSON at all are refused with a reason', () => {
  for (const format of formats) {
    assert.deepEqual(problemsOf('', format), ['The file is empty']);
    assert.deepEqual(problemsOf(' \n\t\n', format), ['The file is empty']);
    assertProblem(problemsOf('null', format), /^Enter one framework: a set of fields starting with format/);
    assertProblem(problemsOf('[1, 2]', format), /^Enter one framework: .*, not a list$/);
  }
  assert.deepEqual(problemsOf('# only a comment\n', 'yaml'), [
    'Enter one framework: a set of fields starting with format: tandem-framework/1',
  ]);
  assertProblem(problemsOf('format: tandem-framework/1\nkey: [small\nname: x\n', 'yaml'), /^Line \d+, column \d+: /);
  assertProblem(
    problemsOf('format: x\nformat: y\n', 'yaml'),
    'Line 2, column 1: The same field appears twice here. Keep only one',
  );
  assertProblem(
    problemsOf('key: a\n---\nkey: b\n', 'yaml'),
    /^Line 2, column 1: The file holds more than one YAML document/,
  );
  assertProblem(problemsOf('name: !!binary aGk=\n', 'yaml'), /^Line 1, column \d+: Tandem does not accept YAML tags/);
  assertProblem(problemsOf('name: !custom x\n', 'yaml'), /^Line 1, column \d+: Tandem does not accept YAML tags/);
  assertProblem(problemsOf('{"key": "a",\n "name" "b"}', 'json'), /This is not valid JSON/);
  assertProblem(problemsOf('{"key": "a"', 'json'), /^The JSON ends too soon/);
  assertProblem(
    problemsOf('scale:\n  levels:\n    - colour: #d4351c\n', 'yaml'),
    /scale\.levels\[0\]\.colour: .*put it in quotes/,
  );
});

test('hostile files are refused quickly and without throwing', () => {
  const deepJson = '['.repeat(10_000) + ']'.repeat(10_000);
  assertProblem(problemsOf(deepJson, 'json'), /nested more than 20 levels deep/);
  assertProblem(problemsOf('['.repeat(10_000) + ']'.repeat(10_000), 'yaml'), /^Line 1, column \d+: The file is nested/);
  assertProblem(problemsOf('['.repeat(10_000), 'yaml'), /nested more than 20 levels deep/);
  assertProblem(problemsOf(`${'- '.repeat(10_000)}x`, 'yaml'), /nested more than 20 levels deep/);
  const indented = Array.from({ length: 500 }, (_, depth) => `${' '.repeat(depth)}a:`).join('\n');
  assertProblem(problemsOf(indented, 'yaml'), /nested more than 20 levels deep/);

  const huge = 'x'.repeat(5 * 1024 * 1024);
  assert.deepEqual(problemsOf(JSON.stringify({ name: huge }), 'json'), [
    'The file is 5.0 MB. A framework file must be 1 MB or smaller',
  ]);
  assertProblem(problemsOf(`name: ${huge}`, 'yaml'), /must be 1 MB or smaller/);
  const data = { ...smallFramework(), name: 'n'.repeat(5000) };
  assertProblem(
    problemsOf(JSON.stringify(data), 'json'),
    'name: Name must be 200 characters or fewer (this has 5,000)',
  );

  const laughs = [
    'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]',
    ...'bcdefghi'.split('').map((name, i) => `${name}: &${name} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(', ')}]`),
  ].join('\n');
  assertProblem(problemsOf(laughs, 'yaml'), /^Line 2, column \d+: The file uses a YAML alias \(\*name\)/);
});

test('a file with thousands of mistakes lists the first hundred and counts the rest', () => {
  const headings = Array.from({ length: 300 }, () => ({ key: 'X', name: '', elements: [] }));
  const problems = problemsOf(JSON.stringify({ ...smallFramework(), headings }), 'json');
  assert.equal(problems.length, maxProblems + 1);
  assert.match(problems.at(-1) ?? '', /^And [\d,]+ more problems$/);
  assert.equal(problems[0], 'headings: A framework must have 20 headings or fewer (this has 300)');
  const broken = problemsOf(']: x\n'.repeat(20_000), 'yaml');
  assert.equal(broken.length, maxProblems + 1);
  assert.equal(broken.at(-1), 'Tandem stopped reading after 100 problems. Fix these and import the file again');
});

function assertAnswered(text: string, format: FrameworkFileFormat): void {
  const result = parseFrameworkDocument(text, format);
  if (result.ok) return;
  assert.ok(result.problems.length > 0 && result.problems.length <= maxProblems + 1);
  for (const problem of result.problems) assert.equal(typeof problem, 'string');
}

test('property: no text makes the importer throw, and every refusal says why', () => {
  const anyFormat = fc.constantFrom<FrameworkFileFormat>('yaml', 'json');
  fc.assert(fc.property(fc.string({ unit: 'binary' }), anyFormat, assertAnswered), { numRuns: 300 });
  fc.assert(
    fc.property(fc.jsonValue(), anyFormat, (value, format) => assertAnswered(JSON.stringify(value), format)),
    { numRuns: 300 },
  );
  fc.assert(
    fc.property(fc.anything(), anyFormat, (value, format) => assertAnswered(JSON.stringify(value) ?? '', format)),
    { numRuns: 300 },
  );
});

test('property: a built-in file with random damage is still answered, never thrown', () => {
  const texts = builtinFrameworks.flatMap((framework) =>
    formats.map((format) => ({ format, text: serialiseFrameworkDocument(framework, format) })),
  );
  fc.assert(
    fc.property(fc.constantFrom(...texts), fc.nat(), fc.nat(200), fc.string(), ({ format, text }, at, cut, insert) => {
      const start = at % text.length;
      assertAnswered(text.slice(0, start) + insert + text.slice(start + cut), format);
    }),
    { numRuns: 300 },
  );
});

/** Any valid framework, with text drawn from all of Unicode so that export has to quote and escape. */
const textArbitrary = (maxLength: number) =>
  fc
    .string({ unit: 'binary', minLength: 1, maxLength })
    .map((text) => text.trim())
    .filter((text) => text.length > 0);
const slugArbitrary = fc.stringMatching(/^[a-z0-9]{2,8}(-[a-z0-9]{1,8}){0,3}$/);
const frameworkArbitrary: fc.Arbitrary<FrameworkDocument> = fc
  .record({
    key: slugArbitrary,
    name: textArbitrary(200),
    summary: fc.option(textArbitrary(300), { nil: undefined }),
    levelKeys: fc.uniqueArray(slugArbitrary, { minLength: 2, maxLength: 7 }),
    elementKeys: fc.uniqueArray(slugArbitrary, { minLength: 1, maxLength: 6 }),
    headingKeys: fc.uniqueArray(slugArbitrary, { minLength: 1, maxLength: 3 }),
    label: textArbitrary(60),
    colour: fc.stringMatching(/^#[0-9a-f]{6}$/),
    question: textArbitrary(500),
    descriptor: textArbitrary(500),
  })
  .map((r) => ({
    format: 'tandem-framework/1' as const,
    key: r.key,
    name: r.name,
    ...(r.summary === undefined ? {} : { summary: r.summary }),
    scale: { levels: r.levelKeys.map((key) => ({ key, label: r.label, colour: r.colour, descriptor: r.descriptor })) },
    headings: r.headingKeys.map((key, h) => ({
      key,
      name: r.name,
      elements: r.elementKeys
        .filter((_, e) => e % r.headingKeys.length === h)
        .map((elementKey) => ({
          key: elementKey,
          name: r.label,
          questions: [r.question, r.name],
          descriptors: { [r.levelKeys[0] ?? '']: r.descriptor },
        })),
    })),
  }))
  .filter((framework) => framework.headings.every((heading) => heading.elements.length > 0));

test('property: any valid framework survives export and import unchanged, in both formats', () => {
  fc.assert(
    fc.property(frameworkArbitrary, fc.constantFrom(...formats), (framework, format) => {
      const text = serialiseFrameworkDocument(framework, format);
      const result = parseFrameworkDocument(text, format);
      assert.ok(result.ok, result.ok ? '' : result.problems.join('\n'));
      assert.deepEqual(result.document, framework);
      assert.equal(serialiseFrameworkDocument(result.document, format), text);
    }),
    { numRuns: 200 },
  );
});
