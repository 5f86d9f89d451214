import { randomBytes } from 'node:crypto';
import ical, { ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';
import type { Viewer } from '../../platform/auth/viewer.ts';
import type { AppDb } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { LONDON } from '../../platform/views/london-time.ts';
import { hashToken, isTokenShaped } from '../people/index.ts';
import * as repository from './calendar.repository.ts';
import { partnershipPaths } from './partnerships.paths.ts';

/**
 * A person's private calendar feed: a secret URL (32 random bytes) that calendar apps poll without
 * signing in. Only the token's hash is kept, so the URL is shown once, when it is made; making a new
 * one replaces the old, whose URL then finds nothing.
 *
 * The feed leaves Tandem for whatever calendar the person uses, so it says when and where, and
 * links back: never the agenda, preparation or notes, nor whose partnership it is.
 */

export async function getCalendarPage({ db, actor }: { db: AppDb; actor: Viewer | null }) {
  if (!actor) throw AppError.forbidden();
  return { feed: await repository.findFeedOf(db, actor.personId) };
}

/** Makes a new feed URL for the actor (revoking any old one) and answers its token, for showing once. */
export async function makeCalendarFeed({ db, actor }: { db: AppDb; actor: Viewer | null }): Promise<string> {
  if (!actor) throw AppError.forbidden();
  const token = randomBytes(32).toString('base64url');
  await repository.replaceFeed(db, actor.personId, hashToken(token));
  return token;
}

/**
 * Europe/London's rules since 1996 (BST from 1am UTC on the last Sunday of March to 1am UTC on the
 * last Sunday of October), so that calendar apps read each TZID time as London means it.
 */
const LONDON_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/London',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0000',
  'TZOFFSETTO:+0100',
  'TZNAME:BST',
  'DTSTART:19700329T010000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0000',
  'TZNAME:GMT',
  'DTSTART:19701025T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
].join('\r\n');

const summaries = {
  regular: 'Mentoring meeting',
  establishing: 'Mentoring meeting: establishing the partnership',
  diagnostic: 'Mentoring meeting: diagnostic review',
} as const;

/**
 * The feed for a token, as iCalendar text; a token that is not ours, revoked or never made is not
 * found. Times are written in London (luxon, not the server's own time zone, does the converting).
 */
export async function calendarFeedFor({
  db,
  token,
  publicUrl,
}: {
  db: AppDb;
  token: string;
  publicUrl: string;
}): Promise<string> {
  if (!isTokenShaped(token)) throw AppError.notFound();
  const feed = await repository.findFeedByHash(db, hashToken(token));
  if (!feed) throw AppError.notFound();
  const meetings = await repository.listMeetingsOfParticipant(db, feed.personId);
  const base = publicUrl.replace(/\/+$/, '');
  const calendar = ical({
    name: 'Tandem mentoring',
    prodId: { company: 'Tandem', product: 'Mentoring', language: 'EN' },
    timezone: { name: null, generator: (zone) => (zone === LONDON ? LONDON_VTIMEZONE : null) },
    ttl: 60 * 60,
  });
  for (const meeting of meetings) {
    const start = DateTime.fromJSDate(meeting.startsAt, { zone: LONDON });
    const cancelled = meeting.status === 'cancelled';
    calendar.createEvent({
      id: `${meeting.id}@tandem`,
      start,
      end: start.plus({ minutes: meeting.durationMinutes }),
      timezone: LONDON,
      stamp: meeting.updatedAt,
      lastModified: meeting.updatedAt,
      summary: cancelled ? `Cancelled: ${summaries[meeting.kind]}` : summaries[meeting.kind],
      location: [meeting.place, meeting.videoLink].filter(Boolean).join(', ') || null,
      url: `${base}${partnershipPaths.of(meeting.partnershipId, 'meeting', { meetingId: meeting.id })}`,
      status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}
