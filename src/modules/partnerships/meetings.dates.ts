import { DateTime } from 'luxon';
import { formatLondonTime, LONDON } from '../../platform/views/london-time.ts';

/**
 * Meetings' times as people read them, always in London: a meeting at 10:00 on 27 October 2026
 * is 10:00 GMT, one at 10:00 on 1 July 2026 is 09:00 UTC. The boxes they are typed in are
 * platform/forms/date-fields' `dateBoxes(field, { time: true })`.
 */

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
