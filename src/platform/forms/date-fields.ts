import type { z } from 'zod';
import { DateTime } from 'luxon';
import { formatDay, isoDate, isRealDate, LONDON, londonInstant, type CalendarDate } from '../views/london-time.ts';
import { optionalText } from './fields.ts';
import { FormErrors, formValuesOf, type FormValues } from './forms.ts';

/**
 * Calendar days typed in GOV.UK date inputs (three boxes named `{name}-day`, `{name}-month`,
 * `{name}-year`) and kept as "2026-09-01"; with a time of day, two more boxes (`{name}-hour`,
 * `{name}-minute`, 24-hour clock), always meant in London.
 */

const boxes = ['day', 'month', 'year'] as const;
export type DateBox = (typeof boxes)[number];

/** A date field of a form: its name (the boxes' prefix) and its label as the messages use it. */
export interface DateField {
  name: string;
  /** As the messages use it: "Start date". */
  label: string;
  /** The message when all the boxes are empty, when "Enter the {label}" does not read well. */
  whenEmpty?: string;
}

/**
 * The three boxes of a date field (and, with `time`, hour and minute) for a form's schema. Long
 * input is only ever a wrong date: it is said so, rather than counting characters at people.
 */
export function dateBoxes(field: DateField, { time = false } = {}): Record<string, z.ZodType<string>> {
  const box = optionalText({ maxLength: 20, whenTooLong: `${field.label} must be a real date` });
  const names = time ? [...boxes, 'hour', 'minute'] : boxes;
  return Object.fromEntries(names.map((name) => [`${field.name}-${name}`, box]));
}

const typedBox = (values: Record<string, unknown>, name: string): string => {
  const value = values[name];
  return typeof value === 'string' ? value.trim() : '';
};

function typedParts(values: Record<string, unknown>, name: string): Record<DateBox, string> {
  return {
    day: typedBox(values, `${name}-day`),
    month: typedBox(values, `${name}-month`),
    year: typedBox(values, `${name}-year`),
  };
}

const calendarDate = (parts: Record<DateBox, string>): CalendarDate => ({
  year: Number(parts.year),
  month: Number(parts.month),
  day: Number(parts.day),
});

/** Whether all three boxes of a date were left empty (an optional date not given). */
export function dateLeftEmpty(values: Record<string, unknown>, name: string): boolean {
  const parts = typedParts(values, name);
  return boxes.every((box) => parts[box] === '');
}

/** What is wrong with a typed date, in GOV.UK's words; null when it is a real date. */
export function dateProblem(values: Record<string, unknown>, field: DateField): string | null {
  const parts = typedParts(values, field.name);
  const missing = boxes.filter((box) => parts[box] === '');
  if (missing.length === boxes.length) return field.whenEmpty ?? `Enter the ${field.label.toLowerCase()}`;
  if (missing.length > 0) return `${field.label} must include a ${missing.join(' and ')}`;
  const wellFormed = /^\d{1,2}$/.test(parts.day) && /^\d{1,2}$/.test(parts.month) && /^\d{4}$/.test(parts.year);
  return wellFormed && isRealDate(calendarDate(parts)) ? null : `${field.label} must be a real date`;
}

/** What is wrong with a typed time of day (24-hour clock, the minute may be left empty); null when it is one. */
export function timeProblem(values: Record<string, unknown>, field: DateField): string | null {
  const [hour, minute] = [typedBox(values, `${field.name}-hour`), typedBox(values, `${field.name}-minute`)];
  if (hour === '' && minute === '') return `Enter the ${field.label.toLowerCase()}`;
  if (hour === '') return `${field.label} must include an hour`;
  if (!/^\d{1,2}$/.test(hour) || Number(hour) > 23) return `${field.label} must be a real time, like 9 30 or 14 00`;
  if (minute !== '' && (!/^\d{1,2}$/.test(minute) || Number(minute) > 59)) {
    return `${field.label} must be a real time, like 9 30 or 14 00`;
  }
  return null;
}

/** The typed date as "2026-09-01": call only once `dateProblem` found none. */
export function typedDate(values: Record<string, unknown>, name: string): string {
  return isoDate(calendarDate(typedParts(values, name)));
}

/** The typed date and time as an instant in London: call only once neither has a problem. */
export function typedInstant(values: Record<string, unknown>, name: string): Date {
  const minute = typedBox(values, `${name}-minute`);
  return londonInstant(typedDate(values, name), Number(typedBox(values, `${name}-hour`)), minute ? Number(minute) : 0);
}

/** A typed date as the person would read it back: the day in words when it is real, otherwise as typed. */
export function describeTypedDate(values: Record<string, unknown>, field: DateField): string {
  if (!dateProblem(values, field)) return formatDay(typedDate(values, field.name));
  const parts = typedParts(values, field.name);
  return [parts.day, parts.month, parts.year].filter(Boolean).join(' ');
}

/** A day as the boxes show it: "2026-09-01" → day 1, month 9, year 2026. */
export function dateValues(name: string, iso: string): FormValues {
  const [year = '', month = '', day = ''] = iso.split('-');
  return { [`${name}-day`]: String(Number(day)), [`${name}-month`]: String(Number(month)), [`${name}-year`]: year };
}

/** An instant as the boxes show it, in London: day, month, year, hour and two-digit minute. */
export function instantValues(name: string, instant: Date): FormValues {
  const london = DateTime.fromJSDate(instant, { zone: LONDON });
  return {
    ...dateValues(name, london.toISODate() ?? ''),
    [`${name}-hour`]: String(london.hour),
    [`${name}-minute`]: String(london.minute).padStart(2, '0'),
  };
}

/**
 * The boxes to mark as wrong: the empty ones when some were filled, otherwise all three
 * (the date as a whole is not real).
 */
export function dateBoxesInError(values: FormValues, name: string): DateBox[] {
  const parts = typedParts(values, name);
  const missing = boxes.filter((box) => parts[box] === '');
  return missing.length > 0 && missing.length < boxes.length ? missing : [...boxes];
}

/** Where each date's error summary link goes: the first box to fix. */
export function dateFieldIds(values: FormValues, names: readonly string[]): Record<string, string> {
  return Object.fromEntries(names.map((name) => [name, `${name}-${dateBoxesInError(values, name)[0] ?? 'day'}`]));
}

type Problem = { field: string; message: string };

export type DatedFormResult<T> =
  | { ok: true; data: T; dates: Record<string, string>; values: FormValues }
  | { ok: false; errors: FormErrors; values: FormValues };

/**
 * `parseForm` for forms with GOV.UK date inputs: every field's problem and every date's at once,
 * in the order the form shows them (`order`), each date's message linking to the box to fix.
 * `times` are the dates that also have a time of day. `also` adds checks across fields ("the
 * end is after the start"); it is given the dates that are real, so it must allow for one missing.
 */
export function parseDatedForm<S extends z.ZodType>(
  schema: S,
  body: unknown,
  {
    dates,
    times = [],
    order,
    also = () => [],
    problems = [],
  }: {
    dates: DateField[];
    times?: DateField[];
    order: string[];
    also?: (dates: Record<string, string>, values: FormValues) => Problem[];
    /** Problems found outside the form's fields, such as an uploaded file's. */
    problems?: Problem[];
  },
): DatedFormResult<z.output<S>> {
  const values = formValuesOf(body);
  const result = schema.safeParse(values);
  // A box's own problem (too long) is its date's.
  const fieldOf = (path: string) => dates.find((date) => path.startsWith(`${date.name}-`))?.name ?? path;
  const messages = result.success
    ? []
    : result.error.issues.map((issue) => ({ field: fieldOf(String(issue.path[0] ?? 'form')), message: issue.message }));
  messages.push(...problems);
  const typed: Record<string, string> = {};
  for (const date of dates) {
    const dayProblem = dateProblem(values, date);
    if (!dayProblem) typed[date.name] = typedDate(values, date.name);
    const problem = dayProblem ?? (times.includes(date) ? timeProblem(values, date) : null);
    if (problem) messages.push({ field: date.name, message: problem });
  }
  messages.push(...also(typed, values));
  if (messages.length > 0 || !result.success) {
    const rank = (field: string) => (order.includes(field) ? order.indexOf(field) : order.length);
    messages.sort((a, b) => rank(a.field) - rank(b.field));
    const fieldIds = Object.fromEntries(
      dates.map((date) => {
        const timeWrong = times.includes(date) && date.name in typed;
        const box = timeWrong ? 'hour' : (dateBoxesInError(values, date.name)[0] ?? 'day');
        return [date.name, `${date.name}-${box}`];
      }),
    );
    return { ok: false, errors: new FormErrors(messages, fieldIds), values };
  }
  return { ok: true, data: result.data, dates: typed, values };
}
