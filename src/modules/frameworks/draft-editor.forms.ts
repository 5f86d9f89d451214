import { FormErrors, type FormValues } from '../../platform/forms/forms.ts';
import type { ElementInput, LevelInput } from './draft-edits.ts';
import { frameworkLimits, type DocumentProblem, type FrameworkLevel } from './framework-document.ts';

/**
 * The editor's forms: reading what was posted, and placing the document's problems beside the
 * fields they are about. The forms check nothing themselves; the document schema does.
 */

/** A text field as posted, trimmed; missing (or sent twice by a tampered form) is empty. */
export function textOf(values: FormValues, name: string): string {
  const value = values[name];
  return typeof value === 'string' ? value.trim() : '';
}

/** One guiding question a line; blank lines are only spacing. */
export function questionsFrom(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

export const descriptorField = (levelKey: string): string => `descriptor-${levelKey}`;

export function elementInputFrom(values: FormValues, levels: FrameworkLevel[]): ElementInput {
  return {
    name: textOf(values, 'name'),
    summary: textOf(values, 'summary'),
    questions: questionsFrom(textOf(values, 'questions')),
    descriptors: Object.fromEntries(levels.map((level) => [level.key, textOf(values, descriptorField(level.key))])),
  };
}

export const levelField = (field: keyof LevelInput | 'remove', index: number): string => `${field}-${index}`;

/** A level as the scale form sent it, at its row in the form, and whether it was ticked for removal. */
export interface LevelRow {
  row: number;
  input: LevelInput;
  remove: boolean;
}

/** The scale form names each level's fields by row (`label-0`), with the number of rows in `levels`. */
export function levelRowsFrom(values: FormValues): LevelRow[] {
  const posted = Number.parseInt(textOf(values, 'levels'), 10) || 0;
  const count = Math.min(Math.max(posted, 0), frameworkLimits.levelsMax);
  return Array.from({ length: count }, (_, row) => ({
    row,
    input: {
      key: textOf(values, levelField('key', row)),
      label: textOf(values, levelField('label', row)),
      meaning: textOf(values, levelField('meaning', row)),
      colour: textOf(values, levelField('colour', row)),
      descriptor: textOf(values, levelField('descriptor', row)),
    },
    remove: textOf(values, levelField('remove', row)) === 'yes',
  }));
}

/** The form values that show a scale as it is saved. */
export function levelValues(levels: FrameworkLevel[]): FormValues {
  const values: FormValues = { levels: String(levels.length) };
  levels.forEach((level, index) => {
    values[levelField('key', index)] = level.key;
    values[levelField('label', index)] = level.label;
    values[levelField('meaning', index)] = level.meaning ?? '';
    values[levelField('colour', index)] = level.colour;
    values[levelField('descriptor', index)] = level.descriptor ?? '';
  });
  return values;
}

type Path = DocumentProblem['path'];
export type Placement = { field: string; message?: string } | undefined;

/** `path` with `prefix` taken off, or undefined when the path is about something else. */
export function under(path: Path, prefix: Path): Path | undefined {
  if (path.length < prefix.length || prefix.some((segment, index) => path[index] !== segment)) return undefined;
  return path.slice(prefix.length);
}

/**
 * The document's problems as a form's errors. `place` says which field a path is about (and may
 * reword the message for the form); anything it does not place goes to `fallbackField`, so no
 * problem is ever lost.
 */
export function formErrorsFrom(
  problems: DocumentProblem[],
  place: (path: Path, message: string) => Placement,
  fallbackField: string,
): FormErrors {
  return new FormErrors(
    problems.map(({ path, message }) => {
      const placed = place(path, message);
      return { field: placed?.field ?? fallbackField, message: placed?.message ?? message };
    }),
  );
}

export function placeDetails(path: Path): Placement {
  const [field] = path;
  return field === 'name' || field === 'summary' ? { field } : undefined;
}

/** `rows[i]` is the form row the scale's level i came from (rows ticked for removal are not in the scale). */
export function placeLevel(rows: number[]) {
  return (path: Path, message: string): Placement => {
    const rest = under(path, ['scale', 'levels']);
    if (!rest) return undefined;
    const [index, field] = rest;
    const row = typeof index === 'number' ? rows[index] : undefined;
    if (row === undefined || typeof field !== 'string') return { field: levelField('label', rows[0] ?? 0) };
    const known = field === 'label' || field === 'meaning' || field === 'colour' || field === 'descriptor';
    return { field: levelField(known ? field : 'label', row), message: `Level ${row + 1}: ${message}` };
  };
}

/**
 * A heading's fields: a change touches one heading, so a problem with any heading's name is this
 * form's, and one with its elements is about the first element a new heading comes with.
 */
export function placeHeading(path: Path): Placement {
  const [place, , field] = path;
  if (place !== 'headings') return undefined;
  if (field === 'name') return { field: 'name' };
  return path.length > 3 && field === 'elements' ? { field: 'elementName' } : undefined;
}

/** An element's fields: a change touches one element, so a problem inside any element is this form's. */
export function placeElement(path: Path, message: string): Placement {
  const [place, , list, , field, detail] = path;
  if (place !== 'headings' || list !== 'elements' || path.length < 5) return undefined;
  if (field === 'questions' && typeof detail === 'number') {
    return { field: 'questions', message: `Question ${detail + 1}: ${message}` };
  }
  if (field === 'questions') {
    return { field: 'questions', message: `Enter ${frameworkLimits.questionsMax} guiding questions or fewer` };
  }
  if (field === 'descriptors' && typeof detail === 'string') return { field: descriptorField(detail) };
  return field === 'name' || field === 'summary' ? { field } : undefined;
}
