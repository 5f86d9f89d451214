import { z } from 'zod';
import { optionalText, requiredText } from '../../platform/forms/fields.ts';
import { FormErrors, formValuesOf, type FormValues } from '../../platform/forms/forms.ts';
import { isRealDate } from '../../platform/views/london-time.ts';

/**
 * The chemistry conversation form: a mentor, a day and time in London, how long, and where.
 * The day is a GOV.UK date input (`startsOn-day`, `-month`, `-year`); the time is typed as
 * people write it ("2:30pm", "14:30", "midday").
 */

const creationKey = z.preprocess((value) => (typeof value === 'string' ? value : ''), z.string().max(100).catch(''));

export const chemistryForm = z.object({
  mentor: requiredText('Select the mentor to meet', { maxLength: 100 }),
  'startsOn-day': optionalText({ maxLength: 20, whenTooLong: 'The date must be a real date' }),
  'startsOn-month': optionalText({ maxLength: 20, whenTooLong: 'The date must be a real date' }),
  'startsOn-year': optionalText({ maxLength: 20, whenTooLong: 'The date must be a real date' }),
  time: requiredText('Enter the time it starts', { maxLength: 20, whenTooLong: 'Enter the time like 2:30pm or 14:30' }),
  duration: z.preprocess(
    (value) => (typeof value === 'string' ? value.trim() : ''),
    z
      .string()
      .regex(/^\d{1,3}$/, { error: 'Enter how long it lasts in minutes, like 60' })
      .transform(Number)
      .pipe(
        z
          .number()
          .min(5, { error: 'Enter a length from 5 to 600 minutes' })
          .max(600, { error: 'Enter a length from 5 to 600 minutes' }),
      ),
  ),
  place: requiredText('Enter where it takes place, or its video link', { maxLength: 500 }),
  creationKey,
});

const boxes = ['day', 'month', 'year'] as const;

/** What is wrong with the typed day, in GOV.UK's words; or the day. */
function typedDay(values: FormValues): { problem: string } | { year: number; month: number; day: number } {
  const part = (box: (typeof boxes)[number]) => {
    const value = values[`startsOn-${box}`];
    return typeof value === 'string' ? value.trim() : '';
  };
  const parts = { day: part('day'), month: part('month'), year: part('year') };
  const missing = boxes.filter((box) => parts[box] === '');
  if (missing.length === boxes.length) return { problem: 'Enter the date of the conversation' };
  if (missing.length > 0) return { problem: `The date must include a ${missing.join(' and ')}` };
  const date = { year: Number(parts.year), month: Number(parts.month), day: Number(parts.day) };
  const wellFormed = /^\d{1,2}$/.test(parts.day) && /^\d{1,2}$/.test(parts.month) && /^\d{4}$/.test(parts.year);
  return wellFormed && isRealDate(date) ? date : { problem: 'The date must be a real date' };
}

/** "2:30pm", "2.30 pm", "9am", "14:30", "midday", "noon", "midnight" → hours and minutes; null for anything else. */
export function parseClockTime(typed: string): { hour: number; minute: number } | null {
  const text = typed.trim().toLowerCase().replace(/\s+/g, '');
  if (text === 'midday' || text === 'noon' || text === '12noon') return { hour: 12, minute: 0 };
  if (text === 'midnight') return { hour: 0, minute: 0 };
  const match = /^(\d{1,2})(?:[:.](\d{2}))?(am|pm)?$/.exec(text);
  if (!match) return null;
  const [, hours = '', minutes, meridiem] = match;
  const minute = minutes === undefined ? 0 : Number(minutes);
  let hour = Number(hours);
  if (minute > 59) return null;
  if (meridiem) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (meridiem === 'pm' ? 12 : 0);
  } else if (minutes === undefined || hour > 23) return null;
  return { hour, minute };
}

const londonParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
});

/** London's offset from UTC at an instant, in milliseconds (0 in winter, an hour in summer). */
function londonOffset(instant: number): number {
  const parts = Object.fromEntries(
    londonParts.formatToParts(new Date(instant)).map((part) => [part.type, Number(part.value)]),
  );
  const asUtc = Date.UTC(parts.year ?? 0, (parts.month ?? 1) - 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0);
  return asUtc - Math.floor(instant / 60_000) * 60_000;
}

/** The instant a London wall-clock time names (in the hour the clocks skip, the hour after). */
export function londonInstant(
  { year, month, day }: { year: number; month: number; day: number },
  { hour, minute }: { hour: number; minute: number },
): Date {
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  const first = wall - londonOffset(wall);
  return new Date(wall - londonOffset(first));
}

export type ChemistryFormResult =
  | { ok: true; data: z.output<typeof chemistryForm>; startsAt: Date; values: FormValues }
  | { ok: false; errors: FormErrors; values: FormValues };

const order = ['mentor', 'startsOn', 'time', 'duration', 'place'];

export function parseChemistryForm(body: unknown): ChemistryFormResult {
  const values = formValuesOf(body);
  const result = chemistryForm.safeParse(values);
  const messages = result.success
    ? []
    : result.error.issues.map((issue) => {
        const field = String(issue.path[0] ?? 'form');
        return { field: field.startsWith('startsOn-') ? 'startsOn' : field, message: issue.message };
      });
  const day = typedDay(values);
  if ('problem' in day && !messages.some((message) => message.field === 'startsOn')) {
    messages.push({ field: 'startsOn', message: day.problem });
  }
  const time = result.success ? parseClockTime(result.data.time) : null;
  if (result.success && !time) messages.push({ field: 'time', message: 'Enter the time like 2:30pm or 14:30' });
  if (!result.success || 'problem' in day || !time || messages.length > 0) {
    messages.sort((a, b) => order.indexOf(a.field) - order.indexOf(b.field));
    return { ok: false, errors: new FormErrors(messages, { startsOn: 'startsOn-day', mentor: 'mentor' }), values };
  }
  return { ok: true, data: result.data, startsAt: londonInstant(day, time), values };
}

export const chemistryUpdateForm = z.object({
  intent: z.enum(['note', 'held', 'cancelled']).catch('note'),
  note: optionalText({ maxLength: 10_000, whenTooLong: 'Enter a note of 10,000 characters or fewer' }),
});
