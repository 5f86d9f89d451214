/**
 * Times as people in England read them: Europe/London (GMT or BST as the date requires),
 * in GOV.UK style: "24 November 2026, 3:05pm" or "…, 9am", with "midnight" and "midday" for the
 * two times "12:00am" and "12:00pm" leave people unsure about.
 */
const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  // h23, then 12-hour by hand: en-GB's own 12-hour clock writes "0:05 am" after midnight.
  hourCycle: 'h23',
});

export function formatLondonDateTime(instant: Date): string {
  const all = parts.formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => all.find((item) => item.type === type)?.value ?? '';
  const hour = Number(part('hour'));
  const minute = part('minute');
  const date = `${part('day')} ${part('month')} ${part('year')}`;
  if (minute === '00' && hour === 0) return `${date}, midnight`;
  if (minute === '00' && hour === 12) return `${date}, midday`;
  const twelveHour = hour % 12 === 0 ? 12 : hour % 12;
  // GOV.UK style: "9am", "3:05pm".
  return `${date}, ${twelveHour}${minute === '00' ? '' : `:${minute}`}${hour < 12 ? 'am' : 'pm'}`;
}

/** A moment as a day in London, where Tandem's people are: "24 November 2026". */
export function formatLondonDate(moment: Date): string {
  return moment.toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/London',
  });
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
