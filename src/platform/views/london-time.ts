import { DateTime } from 'luxon';

/**
 * Times as people in England read them: Europe/London (GMT or BST as the date requires),
 * in GOV.UK style: "24 November 2026, 3:05pm" or "…, 9am", with "midnight" and "midday" for the
 * two times "12:00am" and "12:00pm" leave people unsure about.
 */
const clock = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  hour: 'numeric',
  minute: '2-digit',
  // h23, then 12-hour by hand: en-GB's own 12-hour clock writes "0:05 am" after midnight.
  hourCycle: 'h23',
});

/** "9:30am", "10am", "midday", "midnight": the London time of an instant, as GOV.UK writes times. */
export function formatLondonTime(instant: Date): string {
  const all = clock.formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => all.find((item) => item.type === type)?.value ?? '';
  const hour = Number(part('hour'));
  const minute = part('minute');
  if (minute === '00' && hour === 0) return 'midnight';
  if (minute === '00' && hour === 12) return 'midday';
  const twelveHour = hour % 12 === 0 ? 12 : hour % 12;
  return `${twelveHour}${minute === '00' ? '' : `:${minute}`}${hour < 12 ? 'am' : 'pm'}`;
}

/** "24 November 2026, 3:05pm". */
export function formatLondonDateTime(instant: Date): string {
  return `${formatLondonDate(instant)}, ${formatLondonTime(instant)}`;
}

// Made once: toLocaleDateString with options builds a new formatter on every call, which cost a
// twentieth of a plan page's time under load.
const londonDate = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'Europe/London',
});

/** A moment as a day in London, where Tandem's people are: "24 November 2026". */
export function formatLondonDate(moment: Date): string {
  return londonDate.format(moment);
}

/** A calendar date typed by a person, checked to exist (no 31 April, no 29 February 2027). */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

export function isRealDate({ year, month, day }: CalendarDate): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth;
}

/** "2026-11-24": how a calendar date is handed to SQL, which turns it into a London day. */
export function isoDate({ year, month, day }: CalendarDate): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The time zone Tandem's people live by. */
export const LONDON = 'Europe/London';

// en-CA writes a date the ISO way: "2026-09-01".
const isoLondonDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: LONDON,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar day an instant falls on in London (GMT or BST as the date requires): "2025-10-25". */
export function londonDay(instant: Date): string {
  return isoLondonDate.format(instant);
}

/** Today in London, "2026-09-01": what decides whether something is overdue. */
export function londonToday(now: Date = new Date()): string {
  return londonDay(now);
}

/** "2026-09-01" as people read it: "1 September 2026". */
export function formatDay(iso: string): string {
  // Midday UTC is the same calendar day in London whatever the season.
  return formatLondonDate(new Date(`${iso}T12:00:00Z`));
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

/**
 * The instant a London day ("2026-09-01") and wall-clock time name. A time the clocks skip
 * (1:30am in late March) moves on an hour; one they repeat (1:30am in late October) is the first.
 */
export function londonInstant(day: string, hour: number, minute: number): Date {
  return DateTime.fromISO(day, { zone: LONDON }).set({ hour, minute, second: 0, millisecond: 0 }).toJSDate();
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
