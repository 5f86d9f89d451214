import { DateTime } from 'luxon';
import type { z } from 'zod';
import { optionalText } from '../../platform/forms/fields.ts';
import type { FormValues } from '../../platform/forms/forms.ts';
import { formatLondonDate, isoDate, isRealDate } from '../../platform/views/london-time.ts';

/**
 * Days and times in meeting forms, typed as GOV.UK date inputs (`{name}-day`, `-month`, `-year`)
 * and a time as hour and minute (`{name}-hour`, `-minute`), always meant in London: a meeting at
 * 10:00 on 27 October 2026 is 10:00 GMT, one at 10:00 on 1 July 2026 is 09:00 UTC.
 */

export const LONDON = 'Europe/London';

const dayBoxes = ['day', 'month', 'year'] as const;
type DayBox = (typeof dayBoxes)[number];

export interface DateField {
  name: string;
  label: string;
}

/** The three boxes of a date (and, with `time`, hour and minute) for a form's schema. */
export function dateBoxes(field: DateField, { time = false } = {}): Record<string, z.ZodType<string>> {
  const box = optionalText({ maxLength: 20, whenTooLong: `${field.label} must be a real date` });
  const names = time ? [...dayBoxes, 'hour', 'minute'] : dayBoxes;
  return Object.fromEntries(names.map((name) => [`${field.name}-${name}`, box]));
}

const part = (values: Record<string, unknown>, name: string) => {
  const value = values[name];
  return typeof value === 'string' ? value.trim() : '';
};

function dayParts(values: Record<string, unknown>, name: string): Record<DayBox, string> {
  return {
    day: part(values, `${name}-day`),
    month: part(values, `${name}-month`),
    year: part(values, `${name}-year`),
  };
}

/** What is wrong with a typed date, in GOV.UK's words; null when it is a real date. */
export function dateProblem(values: Record<string, unknown>, field: DateField): string | null {
  const parts = dayParts(values, field.name);
  const missing = dayBoxes.filter((box) => parts[box] === '');
  if (missing.length === dayBoxes.length) return `Enter the ${field.label.toLowerCase()}`;
  if (missing.length > 0) return `${field.label} must include a ${missing.join(' and ')}`;
  const wellFormed = /^\d{1,2}$/.test(parts.day) && /^\d{1,2}$/.test(parts.month) && /^\d{4}$/.test(parts.year);
  const date = { year: Number(parts.year), month: Number(parts.month), day: Number(parts.day) };
  return wellFormed && isRealDate(date) ? null : `${field.label} must be a real date`;
}

/** What is wrong with a typed time of day (24-hour clock); null when it is one. */
export function timeProblem(values: Record<string, unknown>, field: DateField): string | null {
  const [hour, minute] = [part(values, `${field.name}-hour`), part(values, `${field.name}-minute`)];
  if (hour === '' && minute === '') return `Enter the ${field.label.toLowerCase()}`;
  if (hour === '') return `${field.label} must include an hour`;
  if (!/^\d{1,2}$/.test(hour) || Number(hour) > 23) return `${field.label} must be a real time, like 9 30 or 14 00`;
  if (minute !== '' && (!/^\d{1,2}$/.test(minute) || Number(minute) > 59)) {
    return `${field.label} must be a real time, like 9 30 or 14 00`;
  }
  return null;
}

/** The typed date as "2026-09-01": only once `dateProblem` found none. */
export function typedDate(values: Record<string, unknown>, name: string): string {
  const parts = dayParts(values, name);
  return isoDate({ year: Number(parts.year), month: Number(parts.month), day: Number(parts.day) });
}

/** The instant a London day and time names. A time the clocks skip (1:30am in late March) moves on an hour. */
export function londonInstant(day: string, hour: number, minute: number): Date {
  return DateTime.fromISO(day, { zone: LONDON }).set({ hour, minute, second: 0, millisecond: 0 }).toJSDate();
}

/** The typed date and time as an instant: only once neither has a problem. */
export function typedInstant(values: Record<string, unknown>, name: string): Date {
  const minute = part(values, `${name}-minute`);
  return londonInstant(typedDate(values, name), Number(part(values, `${name}-hour`)), minute ? Number(minute) : 0);
}

/** A day as the boxes show it: "2026-09-01" → 1, 9, 2026. */
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

/** The boxes to mark as wrong: the empty ones when some were filled, otherwise all three. */
export function dateBoxesInError(values: FormValues, name: string): DayBox[] {
  const parts = dayParts(values, name);
  const missing = dayBoxes.filter((box) => parts[box] === '');
  return missing.length > 0 && missing.length < dayBoxes.length ? missing : [...dayBoxes];
}

/** Today in London, "2026-09-01". */
export function londonToday(now: Date = new Date()): string {
  return DateTime.fromJSDate(now, { zone: LONDON }).toISODate() ?? '';
}

/** "2026-09-01" as people read it: "1 September 2026". */
export function formatDay(iso: string): string {
  return formatLondonDate(new Date(`${iso}T12:00:00Z`));
}

/** "9:30am", "10am", "midday", "midnight", as GOV.UK writes times. */
export function formatLondonTime(instant: Date): string {
  const london = DateTime.fromJSDate(instant, { zone: LONDON });
  if (london.minute === 0 && london.hour === 0) return 'midnight';
  if (london.minute === 0 && london.hour === 12) return 'midday';
  const hour = london.hour % 12 === 0 ? 12 : london.hour % 12;
  const minute = london.minute === 0 ? '' : `:${String(london.minute).padStart(2, '0')}`;
  return `${hour}${minute}${london.hour < 12 ? 'am' : 'pm'}`;
}

/** "Tuesday 3 March 2026, 9:30am": a meeting's start as people read it, in London. */
export function formatMeetingStart(instant: Date): string {
  const london = DateTime.fromJSDate(instant, { zone: LONDON }).setLocale('en-GB');
  return `${london.toFormat('cccc d LLLL yyyy')}, ${formatLondonTime(instant)}`;
}

/** "2 hours", "1 hour 30 minutes", "45 minutes". */
export function formatDuration(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const hourText = hours === 0 ? '' : `${hours} ${hours === 1 ? 'hour' : 'hours'}`;
  const minuteText = rest === 0 ? '' : `${rest} ${rest === 1 ? 'minute' : 'minutes'}`;
  return [hourText, minuteText].filter(Boolean).join(' ') || '0 minutes';
}
