import { Composer, type CST, isScalar, LineCounter, Parser, visit, type Document, type YAMLError } from 'yaml';
import { lexedShape, maxEntries, maxFileBytes, maxLines, maxNesting } from './framework-document.lex.ts';

/**
 * Turns the text of an uploaded file into a plain value, refusing anything that could exhaust
 * memory or the stack before the schema ever sees it. A framework file is small and shallow, so
 * the limits are generous for real files and tight for hostile ones.
 */

export { maxEntries, maxFileBytes, maxLines, maxNesting } from './framework-document.lex.ts';

/** A file with thousands of mistakes is better answered with the first hundred and a count. */
export const maxProblems = 100;

export function capProblems(problems: string[]): string[] {
  if (problems.length <= maxProblems) return problems;
  const more = problems.length - maxProblems;
  return [
    ...problems.slice(0, maxProblems),
    `And ${more.toLocaleString('en-GB')} more ${more === 1 ? 'problem' : 'problems'}`,
  ];
}

export type ReadResult = { ok: true; value: unknown } | { ok: false; problems: string[] };

const refuse = (problem: string): ReadResult => ({ ok: false, problems: [problem] });

const tooDeep =
  `The file is nested more than ${maxNesting} levels deep. A framework needs about 6, ` +
  'so this does not look like a framework file';
const count = (n: number): string => n.toLocaleString('en-GB');
const tooMany = {
  entries:
    `The file has too many fields, values and punctuation marks (more than ${count(maxEntries)}); ` +
    'a framework has at most about 46,000, so this does not look like a framework file',
  lines:
    `The file has too many lines (more than ${count(maxLines)}); ` +
    'a framework has at most about 20,000 lines, so this does not look like a framework file',
};

export function readFrameworkText(text: string, format: 'yaml' | 'json'): ReadResult {
  // Characters are counted first: cheap, and enough to refuse most oversized files.
  if (text.length > maxFileBytes || Buffer.byteLength(text, 'utf8') > maxFileBytes) {
    // Never "1.0 MB" for a file that is just over the limit: that would read as within it.
    const megabytes = Math.max(Number((Buffer.byteLength(text, 'utf8') / maxFileBytes).toFixed(1)), 1.1);
    return refuse(`The file is ${megabytes.toFixed(1)} MB. A framework file must be 1 MB or smaller`);
  }
  if (text.trim() === '') return refuse('The file is empty');
  return format === 'json' ? readJson(text) : readYaml(text);
}

function readJson(text: string): ReadResult {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  let value: unknown;
  try {
    // V8 parses JSON without recursion, so depth is checked on the result rather than the text.
    value = JSON.parse(source);
  } catch (error) {
    return refuse(jsonSyntaxProblem(source, error));
  }
  const shape = jsonShape(value);
  if (shape === 'deep') return refuse(tooDeep);
  if (shape === 'large') return refuse(tooMany.entries);
  return { ok: true, value };
}

function jsonSyntaxProblem(source: string, error: unknown): string {
  const message = error instanceof Error ? error.message : '';
  const position = /position (\d+)/.exec(message)?.[1];
  if (/end of (JSON )?input/i.test(message) || Number(position) >= source.trimEnd().length) {
    return 'The JSON ends too soon. Check for a missing closing bracket, brace or quote';
  }
  const hint = 'This is not valid JSON. Check for a missing or extra comma, quote or bracket';
  if (position === undefined) return hint;
  return `${placeIn(source, Number(position))}: ${hint} here`;
}

function placeIn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  return `Line ${before.split('\n').length}, column ${before.length - before.lastIndexOf('\n')}`;
}

/** Too deep, or too large for the checks that follow. JSON is parsed quickly, so only keys and values are counted. */
function jsonShape(root: unknown): 'deep' | 'large' | undefined {
  const stack: Array<{ value: unknown; depth: number }> = [{ value: root, depth: 1 }];
  let entries = 0;
  for (let next = stack.pop(); next; next = stack.pop()) {
    const { value, depth } = next;
    entries += 1;
    if (value === null || typeof value !== 'object') continue;
    if (depth > maxNesting) return 'deep';
    const children = Object.values(value);
    entries += Array.isArray(value) ? 0 : children.length;
    if (entries + children.length > maxEntries) return 'large';
    for (const child of children) stack.push({ value: child, depth: depth + 1 });
  }
  return undefined;
}

/**
 * The YAML library makes an Error for every mistake it finds, and a hostile file can hold hundreds
 * of thousands: capturing a stack trace for each would cost seconds, and nobody reads them.
 */
function readYaml(text: string): ReadResult {
  const saved = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return readYamlDocument(text);
  } finally {
    Error.stackTraceLimit = saved;
  }
}

function readYamlDocument(text: string): ReadResult {
  const lines = new LineCounter();
  const at = (offset: number): string => {
    const { line, col } = lines.linePos(offset);
    return `Line ${line}, column ${col}`;
  };
  // The lexer is fast and linear, but the parser slows sharply on deep nesting (seconds for a
  // megabyte of "["), so the obvious cases are refused from the lexer's tokens first.
  const lexed = lexedShape(text);
  if (lexed.tooMany) return refuse(tooMany[lexed.tooMany]);
  if (lexed.deepAt !== undefined) return refuse(`${placeIn(text, lexed.deepAt)}: ${tooDeep}`);
  // The parser builds its tree with an explicit stack; only the composer recurses, and a stack
  // overflow inside it can take the whole process down (V8 aborts when it cannot compile a
  // regular expression near the stack limit). So the tree is measured before it is composed.
  const { tokens, stoppedEarly } = leadingTokens(new Parser(lines.addNewLine).parse(text));
  const shape = inspectTokens(tokens);
  if (shape.deepAt !== undefined) return refuse(`${at(shape.deepAt)}: ${tooDeep}`);
  if (shape.aliasAt !== undefined) {
    // Aliases are how a "billion laughs" file multiplies itself; a framework never needs them.
    return refuse(
      `${at(shape.aliasAt)}: The file uses a YAML alias (*name). Tandem does not accept anchors and aliases, so write the value out in full`,
    );
  }

  // The library's own duplicate-key check compares every key with every other (a minute for a
  // megabyte of keys), so duplicates are found below with a set instead.
  const composer = new Composer({ schema: 'core', uniqueKeys: false, stringKeys: true, strict: true });
  // Only the first document is read; a second is enough to refuse the file, however many follow.
  const [document, second] = firstTwo(composer.compose(tokens, true, text.length));
  if (!document) return refuse('The file is empty');
  const problems = [...document.errors, ...document.warnings].map(
    (error) => `${at(error.pos[0])}: ${yamlMessage(error)}`,
  );
  if (second) {
    problems.push(
      `${at(second.range[0])}: The file holds more than one YAML document (separated by ---). Keep one framework per file`,
    );
  }
  if (problems.length === 0) {
    const { tagAt, duplicateAt } = inspectNodes(document);
    if (duplicateAt !== undefined)
      problems.push(`${at(duplicateAt)}: The same field appears twice here. Keep only one`);
    if (tagAt !== undefined) {
      problems.push(`${at(tagAt)}: Tandem does not accept YAML tags (starting with !) here. Remove the tag`);
    }
  }
  if (stoppedEarly) {
    const stopped = `Tandem stopped reading after ${maxProblems} problems. Fix these and import the file again`;
    return { ok: false, problems: [...problems.slice(0, maxProblems), stopped] };
  }
  if (problems.length > 0) return { ok: false, problems: capProblems(problems) };
  return { ok: true, value: document.toJS({ maxAliasCount: 0 }) };
}

/** The parser's top-level tokens, stopping once the file is surely refused: at a second document, or after many errors between documents. */
function leadingTokens(stream: Iterable<CST.Token>): { tokens: CST.Token[]; stoppedEarly: boolean } {
  const tokens: CST.Token[] = [];
  let documents = 0;
  let errors = 0;
  for (const token of stream) {
    tokens.push(token);
    if (token.type === 'document') documents += 1;
    if (token.type === 'error') errors += 1;
    if (documents > 1) break;
    if (errors > maxProblems) return { tokens, stoppedEarly: true };
  }
  return { tokens, stoppedEarly: false };
}

function firstTwo<T>(items: Iterable<T>): T[] {
  const found: T[] = [];
  for (const item of items) {
    found.push(item);
    if (found.length === 2) break;
  }
  return found;
}

/** YAML 1.2's own types; other tags (!!binary, !!timestamp, !custom) would give values a framework cannot hold. */
const coreTags = new Set(
  ['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((name) => `tag:yaml.org,2002:${name}`),
);

function inspectNodes(document: Document.Parsed): { tagAt?: number; duplicateAt?: number } {
  const found: { tagAt?: number; duplicateAt?: number } = {};
  // The tree is known to be shallow by now, so the library's recursive walk is safe.
  visit(document, {
    Map(_, map) {
      const seen = new Set<unknown>();
      for (const { key } of map.items) {
        const name = isScalar(key) ? key.value : key;
        if (seen.has(name)) found.duplicateAt ??= (isScalar(key) ? key.range?.[0] : undefined) ?? map.range?.[0] ?? 0;
        seen.add(name);
      }
    },
    Node(_, node) {
      if (node.tag !== undefined && node.tag !== '!' && !coreTags.has(node.tag)) found.tagAt ??= node.range?.[0] ?? 0;
    },
  });
  return found;
}

function inspectTokens(tokens: CST.Token[]): { deepAt?: number; aliasAt?: number } {
  let aliasAt: number | undefined;
  const stack = tokens.map((token) => ({ token, depth: 0 }));
  for (let next = stack.pop(); next; next = stack.pop()) {
    const { token, depth } = next;
    switch (token.type) {
      case 'alias':
        aliasAt = Math.min(aliasAt ?? token.offset, token.offset);
        break;
      case 'document':
        if (token.value) stack.push({ token: token.value, depth });
        break;
      case 'block-map':
      case 'block-seq':
      case 'flow-collection':
        if (depth + 1 > maxNesting) return { deepAt: token.offset };
        for (const item of token.items) {
          if (item.key) stack.push({ token: item.key, depth: depth + 1 });
          if (item.value) stack.push({ token: item.value, depth: depth + 1 });
        }
        break;
      default:
        break;
    }
  }
  return aliasAt === undefined ? {} : { aliasAt };
}

/** The YAML library's messages are written for programmers; these say what to change. */
function yamlMessage(error: YAMLError): string {
  switch (error.code) {
    case 'DUPLICATE_KEY':
      return 'The same field appears twice here. Keep only one';
    case 'BAD_INDENT':
      return 'The layout is wrong here. Check the indentation, and that every bracket and quote is closed';
    case 'TAB_AS_INDENT':
      return 'Use spaces, not tabs, to indent';
    case 'MISSING_CHAR':
      return 'Something is missing here, such as a closing quote or bracket';
    case 'MULTILINE_IMPLICIT_KEY':
      return 'A field name must fit on one line. Check for a missing colon or quote just above';
    case 'TAG_RESOLVE_FAILED':
    case 'BAD_COLLECTION_TYPE':
      return 'Tandem does not accept YAML tags (starting with !) here. Remove the tag';
    case 'RESOURCE_EXHAUSTION':
      return tooDeep;
    default: {
      const detail = error.message.split('\n')[0]?.slice(0, 160) ?? '';
      return `This is not valid YAML (${detail})`;
    }
  }
}
