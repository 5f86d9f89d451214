import type { FrameworkDocument, FrameworkElement, FrameworkHeading, FrameworkLevel } from './framework-document.ts';
import { frameworkLimits } from './framework-document.ts';

/**
 * The changes the form-based editor makes to a draft, as pure functions from one document to the
 * next. None of them checks the result: the service runs every new document through the same
 * schema a file is checked with, so the rules live in one place.
 *
 * Keys identify things in saved ratings and links, so an existing key is never changed here: a
 * rename changes the name only, and a new heading, element or level gets a key made from its name.
 */

export type Direction = 'up' | 'down';

/** URL segments the editor's own pages use, which a key must not be or its page would be unreachable. */
const reservedKeys = new Set(['new']);

/** "Vision, culture & ethos" → "vision-culture-ethos"; never a taken or reserved key. */
export function keyFromName(name: string, taken: Iterable<string>, fallback: string): string {
  const used = new Set(taken);
  const words = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '');
  let base = '';
  for (const word of words) {
    const longer = base === '' ? word : `${base}-${word}`;
    // Room for a "-99" suffix, so that making the key unique never cuts it past the limit.
    if (longer.length > frameworkLimits.keyMax - 3) break;
    base = longer;
  }
  if (base.length < frameworkLimits.keyMin) base = fallback;
  let key = base;
  for (let suffix = 2; used.has(key) || reservedKeys.has(key); suffix += 1) key = `${base}-${suffix}`;
  return key;
}

export function allElementKeys(document: FrameworkDocument): string[] {
  return document.headings.flatMap((heading) => heading.elements.map((element) => element.key));
}

export function findHeading(document: FrameworkDocument, headingKey: string): FrameworkHeading | undefined {
  return document.headings.find((heading) => heading.key === headingKey);
}

export function findElement(
  document: FrameworkDocument,
  headingKey: string,
  elementKey: string,
): FrameworkElement | undefined {
  return findHeading(document, headingKey)?.elements.find((element) => element.key === elementKey);
}

function moved<T>(items: readonly T[], index: number, direction: Direction): T[] {
  const target = direction === 'up' ? index - 1 : index + 1;
  if (index < 0 || target < 0 || target >= items.length) return [...items];
  const result = [...items];
  [result[index], result[target]] = [result[target] as T, result[index] as T];
  return result;
}

function withHeading(
  document: FrameworkDocument,
  headingKey: string,
  change: (heading: FrameworkHeading) => FrameworkHeading,
): FrameworkDocument {
  return {
    ...document,
    headings: document.headings.map((heading) => (heading.key === headingKey ? change(heading) : heading)),
  };
}

export function setDetails(
  document: FrameworkDocument,
  { name, summary }: { name: string; summary: string },
): FrameworkDocument {
  const { summary: _previous, ...rest } = document;
  return { ...rest, name, ...(summary === '' ? {} : { summary }) };
}

/** A level as the scale form sends it: `key` is empty for a level added in the form. */
export interface LevelInput {
  key: string;
  label: string;
  meaning: string;
  colour: string;
  descriptor: string;
}

/**
 * The scale as the form left it, in its order. A key posted that is not one of the scale's own
 * is treated as a new level's. What elements said at a removed level goes with it.
 */
export function setScale(document: FrameworkDocument, levels: LevelInput[]): FrameworkDocument {
  const existing = new Set(document.scale.levels.map((level) => level.key));
  const kept = new Set(levels.map((level) => level.key).filter((key) => existing.has(key)));
  const keys: string[] = [];
  const newLevels = levels.map((input): FrameworkLevel => {
    const key =
      kept.has(input.key) && !keys.includes(input.key)
        ? input.key
        : keyFromName(input.label, [...kept, ...keys], 'level');
    keys.push(key);
    return {
      key,
      label: input.label,
      ...(input.meaning === '' ? {} : { meaning: input.meaning }),
      colour: input.colour,
      ...(input.descriptor === '' ? {} : { descriptor: input.descriptor }),
    };
  });
  return {
    ...document,
    scale: { levels: newLevels },
    headings: document.headings.map((heading) => ({
      ...heading,
      elements: heading.elements.map((element) => ({
        ...element,
        descriptors: Object.fromEntries(Object.entries(element.descriptors).filter(([level]) => keys.includes(level))),
      })),
    })),
  };
}

/** A heading needs an element, so a new one comes with its first. Returns the keys made for both. */
export function addHeading(
  document: FrameworkDocument,
  { name, elementName }: { name: string; elementName: string },
): { document: FrameworkDocument; headingKey: string; elementKey: string } {
  const headingKey = keyFromName(
    name,
    document.headings.map((heading) => heading.key),
    'heading',
  );
  const elementKey = keyFromName(elementName, allElementKeys(document), 'element');
  const heading = {
    key: headingKey,
    name,
    elements: [{ key: elementKey, name: elementName, questions: [], descriptors: {} }],
  };
  return { document: { ...document, headings: [...document.headings, heading] }, headingKey, elementKey };
}

export function renameHeading(document: FrameworkDocument, headingKey: string, name: string): FrameworkDocument {
  return withHeading(document, headingKey, (heading) => ({ ...heading, name }));
}

export function moveHeading(document: FrameworkDocument, headingKey: string, direction: Direction): FrameworkDocument {
  const index = document.headings.findIndex((heading) => heading.key === headingKey);
  return { ...document, headings: moved(document.headings, index, direction) };
}

export function removeHeading(document: FrameworkDocument, headingKey: string): FrameworkDocument {
  return { ...document, headings: document.headings.filter((heading) => heading.key !== headingKey) };
}

/** An element as the element form sends it: questions one a line, and a descriptor per level key. */
export interface ElementInput {
  name: string;
  summary: string;
  questions: string[];
  descriptors: Record<string, string>;
}

function elementFrom(key: string, input: ElementInput): FrameworkElement {
  return {
    key,
    name: input.name,
    ...(input.summary === '' ? {} : { summary: input.summary }),
    questions: input.questions,
    descriptors: Object.fromEntries(Object.entries(input.descriptors).filter(([, text]) => text !== '')),
  };
}

export function addElement(
  document: FrameworkDocument,
  headingKey: string,
  input: ElementInput,
): { document: FrameworkDocument; elementKey: string } {
  const elementKey = keyFromName(input.name, allElementKeys(document), 'element');
  const changed = withHeading(document, headingKey, (heading) => ({
    ...heading,
    elements: [...heading.elements, elementFrom(elementKey, input)],
  }));
  return { document: changed, elementKey };
}

export function updateElement(
  document: FrameworkDocument,
  headingKey: string,
  elementKey: string,
  input: ElementInput,
): FrameworkDocument {
  return withHeading(document, headingKey, (heading) => ({
    ...heading,
    elements: heading.elements.map((element) =>
      element.key === elementKey ? elementFrom(elementKey, input) : element,
    ),
  }));
}

export function moveElement(
  document: FrameworkDocument,
  headingKey: string,
  elementKey: string,
  direction: Direction,
): FrameworkDocument {
  return withHeading(document, headingKey, (heading) => ({
    ...heading,
    elements: moved(
      heading.elements,
      heading.elements.findIndex((element) => element.key === elementKey),
      direction,
    ),
  }));
}

export function removeElement(document: FrameworkDocument, headingKey: string, elementKey: string): FrameworkDocument {
  return withHeading(document, headingKey, (heading) => ({
    ...heading,
    elements: heading.elements.filter((element) => element.key !== elementKey),
  }));
}
