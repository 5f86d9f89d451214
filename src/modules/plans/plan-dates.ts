import type { z } from 'zod';
import { optionalText } from '../../platform/forms/fields.ts';
import type { FormValues } from '../../platform/forms/forms.ts';
import { formatLondonDate, isoDate, isRealDate, type CalendarDate } from '../../platform/views/london-time.ts';

/**
 * Calendar days in plan forms, typed in GOV.UK date inputs (three boxes named `{name}-day`,
 * `{name}-month`, `{name}-year`) and kept as "2026-09-01".
 */

const boxes = ['day', 'month', 'year'] as const;
type Box = (typeof boxes)[number];

/** A date field of a form: its name (the boxes' prefix) and its label as the messages use it. */
export interface DateField {
  name: string;
  label: string;
}

/**
 * The three boxes of a date field for a form's schema. Long input is only ever a wrong date: it
 * is said so, rather than counting characters at people.
 */
export function dateBoxes(field: DateField): Record<string, z.ZodType<string>> {
  const box = optionalText({ maxLength: 20, whenTooLong: `${field.label} must be a real date` });
  return Object.fromEntries(boxes.map((name) => [`${field.name}-${name}`, box]));
}

function typedParts(values: Record<string, unknown>, name: string): Record<Box, string> {
  const part = (box: Box) => {
    const value = values[`${name}-${box}`];
    return typeof value === 'string' ? value.trim() : '';
  };
  return { day: part('day'), month: part('month'), year: part('year') };
}

const calendarDate = (parts: Record<Box, string>): CalendarDate => ({
  year: Number(parts.year),
  month: Number(parts.month),
  day: Number(parts.day),
});

/** What is wrong with a typed date, in GOV.UK's words; null when it is a real date. */
export function dateProblem(values: Record<string, unknown>, field: DateField): string | null {
  const parts = typedParts(values, field.name);
  const missing = boxes.filter((box) => parts[box] === '');
  if (missing.length === boxes.length) return `Enter the ${field.label.toLowerCase()}`;
  if (missing.length > 0) return `${field.label} must include a ${missing.join(' and ')}`;
  const wellFormed = /^\d{1,2}$/.test(parts.day) && /^\d{1,2}$/.test(parts.month) && /^\d{4}$/.test(parts.year);
  return wellFormed && isRealDate(calendarDate(parts)) ? null : `${field.label} must be a real date`;
}

/** The typed date as "2026-09-01": call only once `dateProblem` found none. */
export function typedDate(values: Record<string, unknown>, name: string): string {
  return isoDate(calendarDate(typedParts(values, name)));
}

/** A day as the boxes show it: "2026-09-01" → day 1, month 9, year 2026. */
export function dateValues(name: string, iso: string): FormValues {
  const [year = '', month = '', day = ''] = iso.split('-');
  return { [`${name}-day`]: String(Number(day)), [`${name}-month`]: String(Number(month)), [`${name}-year`]: year };
}

/**
 * The boxes to mark as wrong: the empty ones when some were filled, otherwise all three
 * (the date as a whole is not real).
 */
export function dateBoxesInError(values: FormValues, name: string): Box[] {
  const parts = typedParts(values, name);
  const missing = boxes.filter((box) => parts[box] === '');
  return missing.length > 0 && missing.length < boxes.length ? missing : [...boxes];
}

/** Where each date's error summary link goes: the first box to fix. */
export function dateFieldIds(values: FormValues, names: readonly string[]): Record<string, string> {
  return Object.fromEntries(names.map((name) => [name, `${name}-${dateBoxesInError(values, name)[0] ?? 'day'}`]));
}

const londonDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today in London, "2026-09-01": what decides whether an action is overdue. */
export function londonToday(now: Date = new Date()): string {
  return londonDay.format(now);
}

/** "2026-09-01" as people read it: "1 September 2026". */
export function formatDay(iso: string): string {
  // Midday UTC is the same calendar day in London whatever the season.
  return formatLondonDate(new Date(`${iso}T12:00:00Z`));
}

/** A typed date as the person would read it back: the day in words when it is real, otherwise as typed. */
export function describeTypedDate(values: Record<string, unknown>, field: DateField): string {
  if (!dateProblem(values, field)) return formatDay(typedDate(values, field.name));
  const parts = typedParts(values, field.name);
  return [parts.day, parts.month, parts.year].filter(Boolean).join(' ');
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** The day `days` after `iso` (before, when negative): addDays("2026-11-30", 2) is "2026-12-02". */
export function addDays(iso: string, days: number): string {
  // Midday UTC, so whole days are added whatever the clocks do.
  return new Date(new Date(`${iso}T12:00:00Z`).getTime() + days * DAY_MS).toISOString().slice(0, 10);
}

/** The Monday of the ISO week `iso` falls in: "2026-11-26" (a Thursday) → "2026-11-23". */
export function mondayOf(iso: string): string {
  const weekday = new Date(`${iso}T12:00:00Z`).getUTCDay(); // 0 is Sunday
  return addDays(iso, -((weekday + 6) % 7));
}
