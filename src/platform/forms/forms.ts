import type { z } from 'zod';
import type { ErrorSummaryItem } from '../views/components/error-summary.tsx';
import { CSRF_FIELD } from '../views/form.tsx';

/** What a person typed, kept to show the form again exactly as they left it. */
export type FormValues = Record<string, string | string[]>;

/**
 * A failed form's errors, in the two shapes GOV.UK pages need: a summary at the top
 * linking to each field, and the message again beside the field.
 */
export class FormErrors {
  readonly #byField: ReadonlyMap<string, string>;
  readonly #fieldIds: Readonly<Record<string, string>>;

  constructor(messages: ReadonlyArray<{ field: string; message: string }>, fieldIds: Record<string, string> = {}) {
    const byField = new Map<string, string>();
    // The first message per field is the one to fix first; later ones would only repeat it.
    for (const { field, message } of messages) if (!byField.has(field)) byField.set(field, message);
    this.#byField = byField;
    this.#fieldIds = fieldIds;
  }

  static none(): FormErrors {
    return new FormErrors([]);
  }

  get any(): boolean {
    return this.#byField.size > 0;
  }

  /** For the error summary: each message links to the element to fix. */
  get summary(): ErrorSummaryItem[] {
    return [...this.#byField].map(([field, text]) => ({ text, href: `#${this.#fieldIds[field] ?? field}` }));
  }

  /** For a component's `errorMessage` option: the message, or nothing when the field is fine. */
  field(name: string): { text: string } | undefined {
    const text = this.#byField.get(name);
    return text === undefined ? undefined : { text };
  }
}

export type FormResult<T> =
  { ok: true; data: T; values: FormValues } | { ok: false; errors: FormErrors; values: FormValues };

/**
 * Checks a posted form against its schema. On failure, returns the errors and the values
 * as typed, so the route can show the same page with status 400.
 * `fieldIds` maps a field to the element its summary link should focus when that is not
 * the field's name (e.g. a date input's first box: `{ startDate: 'startDate-day' }`).
 */
export function parseForm<S extends z.ZodType>(
  schema: S,
  body: unknown,
  fieldIds: Record<string, string> = {},
): FormResult<z.output<S>> {
  const values = formValuesOf(body);
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, data: result.data, values };
  // A form field is a top-level name; a problem inside it (one of several ticked boxes) is the field's.
  const messages = result.error.issues.map((issue) => ({
    field: issue.path.length > 0 ? String(issue.path[0]) : 'form',
    message: issue.message,
  }));
  return { ok: false, errors: new FormErrors(messages, fieldIds), values };
}

/**
 * PostgreSQL text cannot hold a NUL character, and nobody types one: a form value carrying it
 * would make a query fail (a 500) rather than be answered, so it is dropped on the way in.
 */
function withoutNul(value: string): string {
  return value.includes('\u0000') ? value.replaceAll('\u0000', '') : value;
}

/** A field as typed, for showing the form again: text, or empty for a missing field or a list. */
export function typedText(values: FormValues, name: string): string {
  const value = values[name];
  return typeof value === 'string' ? value : '';
}

/** Ticked boxes as typed: none, one (a string) or several (a list). */
export function typedList(values: FormValues, name: string): string[] {
  const value = values[name];
  return Array.isArray(value) ? value : value ? [value] : [];
}

/** A posted body as form values: strings and lists of strings only, without NUL characters. */
export function formValuesOf(body: unknown): FormValues {
  const values: FormValues = {};
  if (typeof body !== 'object' || body === null) return values;
  for (const [name, value] of Object.entries(body)) {
    if (name === CSRF_FIELD) continue;
    if (typeof value === 'string') values[name] = withoutNul(value);
    else if (Array.isArray(value)) {
      values[name] = value.filter((item): item is string => typeof item === 'string').map(withoutNul);
    }
  }
  return values;
}
