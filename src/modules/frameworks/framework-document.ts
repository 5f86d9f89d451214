import { Document as YamlDocument } from 'yaml';
import type { z } from 'zod';
import { capProblems, readFrameworkText } from './framework-document.read.ts';
import {
  allowedFields,
  frameworkDocumentSchema,
  frameworkFormat,
  type FrameworkDocument,
  type ParsedFrameworkDocument,
} from './framework-document.schema.ts';

export {
  frameworkDocumentSchema,
  frameworkFormat,
  frameworkLimits,
  type FrameworkDocument,
  type FrameworkElement,
  type FrameworkHeading,
  type FrameworkLevel,
} from './framework-document.schema.ts';
export { maxEntries, maxFileBytes, maxLines, maxNesting, maxProblems } from './framework-document.read.ts';

/**
 * Reading and writing framework files. Import is the one place where text from outside meets
 * the framework model, so it never throws: whatever arrives, the person gets a list of problems
 * they can fix, each starting with where it is, like `headings[2].elements[0].name: Enter a name`.
 */

export type FrameworkFileFormat = 'yaml' | 'json';
export type ParseFrameworkResult = { ok: true; document: FrameworkDocument } | { ok: false; problems: string[] };

type Path = readonly PropertyKey[];
/** A problem with the field at `path` (`['headings', 2, 'elements', 0, 'name']`), for forms to place beside the field. */
export interface DocumentProblem {
  path: Path;
  message: string;
}
type Problem = DocumentProblem;

export function parseFrameworkDocument(text: string, format: FrameworkFileFormat): ParseFrameworkResult {
  try {
    if (typeof text !== 'string') return { ok: false, problems: ['The file could not be read as text'] };
    if (format !== 'yaml' && format !== 'json')
      return { ok: false, problems: ['Say whether the file is YAML or JSON'] };
    const read = readFrameworkText(text, format);
    return read.ok ? checkDocument(read.value) : read;
  } catch {
    return {
      ok: false,
      problems: ['Tandem could not read this file. Check that it is a framework saved as YAML or JSON'],
    };
  }
}

/** Export: fields always in the same order, empty lists left out, so the same framework always gives the same text. */
export function serialiseFrameworkDocument(document: FrameworkDocument, format: FrameworkFileFormat): string {
  const { headings, ...rest } = canonical(document);
  const file = {
    ...rest,
    headings: headings.map((heading) => ({
      ...heading,
      elements: heading.elements.map(({ questions, descriptors, ...element }) =>
        withoutUndefined({
          ...element,
          questions: questions.length > 0 ? questions : undefined,
          descriptors: Object.keys(descriptors).length > 0 ? descriptors : undefined,
        }),
      ),
    })),
  };
  if (format === 'json') return `${JSON.stringify(file, null, 2)}\n`;
  // Import refuses aliases, so export must never write one for a repeated value.
  return new YamlDocument(file, { version: '1.2', aliasDuplicateObjects: false }).toString({
    indent: 2,
    lineWidth: 100,
    minContentWidth: 40,
  });
}

function checkDocument(value: unknown): ParseFrameworkResult {
  const checked = checkFrameworkDocument(value);
  return checked.ok ? checked : { ok: false, problems: present(checked.problems) };
}

/**
 * The same checks as a file gets, for a document built in memory (the form-based editor): every
 * rule lives in the schema and `crossCheck`, and problems keep their paths so a form can place them.
 */
export function checkFrameworkDocument(
  value: unknown,
): { ok: true; document: FrameworkDocument } | { ok: false; problems: DocumentProblem[] } {
  const parsed = frameworkDocumentSchema.safeParse(value);
  const problems = [...(parsed.success ? [] : parsed.error.issues.flatMap(issueProblems)), ...crossCheck(value)];
  if (!parsed.success || problems.length > 0) {
    return { ok: false, problems: [...problems].sort((a, b) => comparePaths(a.path, b.path)) };
  }
  return { ok: true, document: canonical(parsed.data) };
}

type Place = keyof typeof allowedFields;
const placeNames: Record<Place, string> = {
  framework: 'a framework',
  scale: 'the scale',
  level: 'a level',
  heading: 'a heading',
  element: 'an element',
};

/** Where a path points, by its shape with list positions blurred: `headings/#/elements/#` is an element. */
const places = new Map<string, Place>([
  ['', 'framework'],
  ['scale', 'scale'],
  ['scale/levels/#', 'level'],
  ['headings/#', 'heading'],
  ['headings/#/elements/#', 'element'],
]);

function placeOf(path: Path): Place | undefined {
  return places.get(path.map((segment) => (typeof segment === 'number' ? '#' : String(segment))).join('/'));
}

function issueProblems(issue: z.core.$ZodIssue): Problem[] {
  if (issue.code !== 'unrecognized_keys') return [{ path: issue.path, message: issue.message }];
  const place = placeOf(issue.path);
  const known = place ? ` (${placeNames[place]} has ${words(allowedFields[place])})` : '';
  return issue.keys.map((key) => ({
    path: [...issue.path, key],
    message: `Tandem does not know the field ${show(key)} here. Remove it or check its spelling${known}`,
  }));
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const listAt = (value: unknown, field: string): unknown[] => {
  const found = isRecord(value) ? value[field] : undefined;
  return Array.isArray(found) ? found : [];
};
const keyOf = (value: unknown): string | undefined =>
  isRecord(value) && typeof value.key === 'string' ? value.key.trim() : undefined;

/**
 * Rules that span several fields. They read the raw value defensively rather than the parsed one,
 * so a duplicate key is reported alongside every other problem instead of after they are fixed.
 */
function crossCheck(value: unknown): Problem[] {
  const levels = listAt(isRecord(value) ? value.scale : undefined, 'levels');
  const headings = listAt(value, 'headings');
  const elements = headings.flatMap((heading, h) =>
    listAt(heading, 'elements').map((element, e) => ({ element, path: ['headings', h, 'elements', e] })),
  );
  const problems = [
    ...duplicates(levels, ['scale', 'levels'], 'level'),
    ...duplicates(headings, ['headings'], 'heading'),
    ...duplicateKeys(
      elements.map(({ element, path }) => ({ key: keyOf(element), path })),
      'element',
    ),
  ];
  const levelKeys = [...new Set(levels.map(keyOf))].filter((key): key is string => key !== undefined && key !== '');
  if (levelKeys.length === 0) return problems;
  // A set, not the list: a file of many levels and many descriptors would otherwise compare every pair.
  const isLevel = new Set(levelKeys);
  for (const { element, path } of elements) {
    const descriptors = isRecord(element) ? element.descriptors : undefined;
    if (!isRecord(descriptors)) continue;
    for (const level of Object.keys(descriptors)) {
      if (isLevel.has(level)) continue;
      problems.push({
        path: [...path, 'descriptors', level],
        message: `${show(level)} is not a level of the scale. Use one of ${words(levelKeys.slice(0, 7), 'or')}`,
      });
    }
  }
  return problems;
}

function duplicates(items: unknown[], path: Path, what: string): Problem[] {
  return duplicateKeys(
    items.map((item, index) => ({ key: keyOf(item), path: [...path, index] })),
    what,
  );
}

function duplicateKeys(entries: Array<{ key: string | undefined; path: Path }>, what: string): Problem[] {
  const firstUse = new Map<string, Path>();
  const problems: Problem[] = [];
  for (const { key, path } of entries) {
    if (key === undefined || key === '') continue;
    const earlier = firstUse.get(key);
    if (earlier) {
      problems.push({
        path: [...path, 'key'],
        message: `The key ${show(key)} is already used by ${formatPath(earlier)}. Give each ${what} its own key`,
      });
    } else {
      firstUse.set(key, path);
    }
  }
  return problems;
}

/** Problems in the order the fields appear in a file, so people can work down it; unknown fields come last in their place. */
function rank(parent: Path, segment: PropertyKey): number {
  const place = placeOf(parent);
  const order: readonly string[] = place ? allowedFields[place] : [];
  const index = order.indexOf(String(segment));
  return index === -1 ? order.length : index;
}

function comparePaths(a: Path, b: Path): number {
  for (let i = 0; i < Math.min(a.length, b.length); i += 1) {
    const [x, y] = [a[i], b[i]];
    if (x === y || x === undefined || y === undefined) continue;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    const parent = a.slice(0, i);
    return rank(parent, x) - rank(parent, y) || String(x).localeCompare(String(y));
  }
  return a.length - b.length;
}

/** Problems arrive sorted from `checkFrameworkDocument`. */
function present(problems: Problem[]): string[] {
  const lines = problems.map(({ path, message }) => (path.length === 0 ? message : `${formatPath(path)}: ${message}`));
  return capProblems([...new Set(lines)]);
}

function formatPath(path: Path): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') {
      text += `[${segment}]`;
      continue;
    }
    const name = String(segment);
    text += /^[A-Za-z_][\w-]{0,59}$/.test(name) ? `${text === '' ? '' : '.'}${name}` : `[${show(name)}]`;
  }
  return text;
}

/** A value quoted for a message, cut short so a hostile file cannot make the message huge. */
function show(value: string): string {
  return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
}

function words(list: readonly string[], last = 'and'): string {
  return list.length <= 1 ? list.join('') : `${list.slice(0, -1).join(', ')} ${last} ${list.at(-1) ?? ''}`;
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}

/** One shape for a framework however it arrived: fields in a fixed order, absent rather than undefined, descriptors in scale order. */
function canonical(document: FrameworkDocument | ParsedFrameworkDocument): FrameworkDocument {
  const levelOrder = document.scale.levels.map((level) => level.key);
  return withoutUndefined({
    format: frameworkFormat,
    key: document.key,
    name: document.name,
    summary: document.summary,
    scale: {
      levels: document.scale.levels.map((level) =>
        withoutUndefined({
          key: level.key,
          label: level.label,
          meaning: level.meaning,
          colour: level.colour,
          descriptor: level.descriptor,
        }),
      ),
    },
    headings: document.headings.map((heading) => ({
      key: heading.key,
      name: heading.name,
      elements: heading.elements.map((element) =>
        withoutUndefined({
          key: element.key,
          name: element.name,
          summary: element.summary,
          questions: [...(element.questions ?? [])],
          descriptors: inLevelOrder(element.descriptors ?? {}, levelOrder),
        }),
      ),
    })),
  });
}

function inLevelOrder(descriptors: Record<string, string>, levelOrder: string[]): Record<string, string> {
  const known = levelOrder.filter((level) => Object.hasOwn(descriptors, level));
  // A descriptor for an unknown level is kept (after the known ones) so that export loses nothing and import can say what is wrong.
  const unknown = Object.keys(descriptors)
    .filter((level) => !levelOrder.includes(level))
    .sort();
  return Object.fromEntries([...known, ...unknown].map((level) => [level, descriptors[level] ?? '']));
}
