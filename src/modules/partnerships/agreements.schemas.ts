import { z } from 'zod';
import { checkboxes, optionalText, requiredText } from '../../platform/forms/fields.ts';
import { FormErrors, formValuesOf, type FormValues } from '../../platform/forms/forms.ts';
import { isoDate, isRealDate } from '../../platform/views/london-time.ts';

/**
 * The agreement's forms, and the GOV.UK date inputs they and the preparation forms share
 * (three boxes named `{name}-day`, `{name}-month`, `{name}-year`, kept as "2026-09-01").
 */

const boxes = ['day', 'month', 'year'] as const;
export type DateBox = (typeof boxes)[number];

export interface DateField {
  name: string;
  /** As the messages use it: "Start date". */
  label: string;
}

/** The three boxes of a date field for a form's schema: anything too long is only ever a wrong date. */
export function dateBoxes(field: DateField): Record<string, z.ZodType<string>> {
  const box = optionalText({ maxLength: 20, whenTooLong: `${field.label} must be a real date` });
  return Object.fromEntries(boxes.map((name) => [`${field.name}-${name}`, box]));
}

function typedParts(values: FormValues, name: string): Record<DateBox, string> {
  const part = (box: DateBox) => {
    const value = values[`${name}-${box}`];
    return typeof value === 'string' ? value.trim() : '';
  };
  return { day: part('day'), month: part('month'), year: part('year') };
}

/** The boxes to mark as wrong: the empty ones when some were filled, otherwise all three. */
export function dateBoxesInError(values: FormValues, name: string): DateBox[] {
  const parts = typedParts(values, name);
  const missing = boxes.filter((box) => parts[box] === '');
  return missing.length > 0 && missing.length < boxes.length ? missing : [...boxes];
}

/** The typed date as "2026-09-01", or what is wrong with it in GOV.UK's words. */
export function typedDate(values: FormValues, field: DateField): { iso: string } | { problem: string } {
  const parts = typedParts(values, field.name);
  const missing = boxes.filter((box) => parts[box] === '');
  if (missing.length === boxes.length) return { problem: `Enter the ${field.label.toLowerCase()}` };
  if (missing.length > 0) return { problem: `${field.label} must include a ${missing.join(' and ')}` };
  const date = { year: Number(parts.year), month: Number(parts.month), day: Number(parts.day) };
  const wellFormed = /^\d{1,2}$/.test(parts.day) && /^\d{1,2}$/.test(parts.month) && /^\d{4}$/.test(parts.year);
  return wellFormed && isRealDate(date) ? { iso: isoDate(date) } : { problem: `${field.label} must be a real date` };
}

export type DatedResult<T> =
  | { ok: true; data: T; dates: Record<string, string>; values: FormValues }
  | { ok: false; errors: FormErrors; values: FormValues };

/**
 * Checks a form with date inputs: the schema's problems and each date's, in the order the form
 * shows them, each summary link going to the box to fix. `also` adds problems found elsewhere.
 */
export function parseDatedForm<S extends z.ZodType>(
  schema: S,
  body: unknown,
  {
    dates,
    order,
    also = () => [],
  }: {
    dates: DateField[];
    order: string[];
    also?: (typed: Record<string, string>, values: FormValues) => Array<{ field: string; message: string }>;
  },
): DatedResult<z.output<S>> {
  const values = formValuesOf(body);
  const result = schema.safeParse(values);
  const fieldOf = (path: string) => dates.find((date) => path.startsWith(`${date.name}-`))?.name ?? path;
  const messages = result.success
    ? []
    : result.error.issues.map((issue) => ({ field: fieldOf(String(issue.path[0] ?? 'form')), message: issue.message }));
  const typed: Record<string, string> = {};
  for (const date of dates) {
    const answer = typedDate(values, date);
    if ('iso' in answer) typed[date.name] = answer.iso;
    else messages.push({ field: date.name, message: answer.problem });
  }
  messages.push(...also(typed, values));
  if (messages.length > 0 || !result.success) {
    const rank = (field: string) => (order.includes(field) ? order.indexOf(field) : order.length);
    messages.sort((a, b) => rank(a.field) - rank(b.field));
    const fieldIds = Object.fromEntries(
      dates.map((date) => [date.name, `${date.name}-${dateBoxesInError(values, date.name)[0] ?? 'day'}`]),
    );
    return { ok: false, errors: new FormErrors(messages, fieldIds), values };
  }
  return { ok: true, data: result.data, dates: typed, values };
}

/** A form's one-time key: missing, the route makes one up. */
export const creationKey = z.preprocess(
  (value) => (typeof value === 'string' ? value : ''),
  z.string().max(100).catch(''),
);

export const startsOn: DateField = { name: 'startsOn', label: 'Start date' };
export const endsOn: DateField = { name: 'endsOn', label: 'End date' };

/** The version the form makes: anything else matches none, and makes nothing. */
export const newVersionForm = z.object({
  number: z.coerce.number().int().min(1).max(100_000).catch(0),
});

export const datesForm = z.object({ ...dateBoxes(startsOn), ...dateBoxes(endsOn) });

export const acceptForm = z.object({
  agreementId: z.preprocess((value) => (typeof value === 'string' ? value : ''), z.string().max(100)),
  fullName: requiredText('Enter your full name', { maxLength: 200, whenTooLong: 'Enter your full name' }),
  accept: checkboxes(['yes'], { atLeastOne: 'Select “I accept this agreement” to accept it' }),
});
