import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import { eq } from 'drizzle-orm';
import ICAL from 'ical.js';
import { buildTestApp } from '../../../test/support/app.ts';
import { createPartnership, createService } from '../../../test/support/partnership-factories.ts';
import { postForm, signIn } from '../../../test/support/sign-in.ts';
import { calendarFeeds, partnershipMeetings } from './meetings.tables.ts';

const { app, db } = await buildTestApp();

const mentee = await signIn(db, 'ceo');
const mentor = await signIn(db, 'mentor');
const other = await signIn(db, 'ceo');
const service = await createService(db);
const partnershipId = await createPartnership(db, {
  service,
  mentee: mentee.person,
  mentor: mentor.person,
  menteeTrust: mentee.organisation,
});
const elsewhere = await createPartnership(db, { service, mentee: other.person, mentor: mentor.person });

async function addMeeting(values: Partial<typeof partnershipMeetings.$inferInsert> & { startsAt: Date }) {
  const [row] = await db
    .insert(partnershipMeetings)
    .values({ partnershipId, durationMinutes: 120, creationKey: randomUUID(), ...values })
    .returning({ id: partnershipMeetings.id });
  assert.ok(row);
  return row.id;
}

// 10:00 in London: on 27 October 2026 (after BST ends on the 25th) that is 10:00 UTC; on 23 March 2027
// (before BST starts on the 28th) also 10:00 UTC; on 1 July 2026 (BST) it is 09:00 UTC.
const october = await addMeeting({
  startsAt: new Date('2026-10-27T10:00:00Z'),
  place: 'Carrow Trust head office',
  agenda: 'SECRET AGENDA',
});
const march = await addMeeting({
  startsAt: new Date('2027-03-23T10:00:00Z'),
  videoLink: 'https://meet.example.com/abc',
  preparation: 'SECRET PREP',
});
const july = await addMeeting({ startsAt: new Date('2026-07-01T09:00:00Z'), status: 'cancelled' });
await db.insert(partnershipMeetings).values({
  partnershipId: elsewhere,
  startsAt: new Date('2026-11-02T10:00:00Z'),
  durationMinutes: 60,
  creationKey: randomUUID(),
});

async function makeFeed(cookies: Record<string, string>): Promise<string> {
  const made = await postForm(app, { url: '/calendar', from: '/calendar', cookies, fields: {} });
  assert.equal(made.statusCode, 303);
  const next = { ...cookies, ...Object.fromEntries(made.cookies.map((cookie) => [cookie.name, cookie.value])) };
  const page = await app.inject({ method: 'GET', url: '/calendar', cookies: next });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Copy this now/);
  const url = /value="(https?:\/\/[^"]+\/calendar\/[A-Za-z0-9_-]{43})"/.exec(page.body)?.[1];
  assert.ok(url, 'the full address is shown');
  // Shown once: the page after it no longer has it.
  const cleared = Object.fromEntries(page.cookies.map((cookie) => [cookie.name, cookie.value]));
  const again = await app.inject({ method: 'GET', url: '/calendar', cookies: { ...next, ...cleared } });
  assert.doesNotMatch(again.body, /Copy this now/);
  return new URL(url).pathname;
}

function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  return calendar.getAllSubcomponents('vevent').map((component) => ({ component, event: new ICAL.Event(component) }));
}

test('the feed is an iCalendar of the person’s meetings, in London time across the clock changes, with no agenda', async () => {
  const path = await makeFeed(mentee.cookies);
  const [row] = await db.select().from(calendarFeeds).where(eq(calendarFeeds.personId, mentee.person.id));
  assert.ok(row);
  assert.notEqual(row.tokenHash, path.split('/').at(-1), 'only the hash is kept');
  const feed = await app.inject({ method: 'GET', url: path });
  assert.equal(feed.statusCode, 200);
  assert.equal(feed.headers['content-type'], 'text/calendar; charset=utf-8');
  assert.equal(feed.headers['cache-control'], 'private, no-store');
  assert.doesNotMatch(feed.body, /SECRET|Mentoring partnership/);
  assert.match(feed.body, /DTSTART;TZID=Europe\/London:20261027T100000/);
  const events = parse(feed.body);
  assert.equal(events.length, 3, 'the other partnership’s meeting is not in it');
  const byId = new Map(events.map((each) => [each.event.uid, each]));
  const start = (id: string) => byId.get(`${id}@tandem`)?.event.startDate.toJSDate().toISOString();
  assert.equal(start(october), '2026-10-27T10:00:00.000Z');
  assert.equal(start(march), '2027-03-23T10:00:00.000Z');
  assert.equal(start(july), '2026-07-01T09:00:00.000Z');
  assert.equal(byId.get(`${october}@tandem`)?.event.endDate.toJSDate().toISOString(), '2026-10-27T12:00:00.000Z');
  assert.equal(byId.get(`${october}@tandem`)?.event.summary, 'Mentoring meeting');
  assert.equal(byId.get(`${october}@tandem`)?.event.location, 'Carrow Trust head office');
  assert.equal(byId.get(`${march}@tandem`)?.event.location, 'https://meet.example.com/abc');
  assert.equal(byId.get(`${july}@tandem`)?.component.getFirstPropertyValue('status'), 'CANCELLED');
  assert.match(
    String(byId.get(`${october}@tandem`)?.component.getFirstPropertyValue('url')),
    new RegExp(`/partnerships/${partnershipId}/meetings/${october}$`),
  );
});

test('a new feed address revokes the old one; unknown tokens are not found', async () => {
  const first = await makeFeed(mentor.cookies);
  assert.equal((await app.inject({ method: 'GET', url: first })).statusCode, 200);
  const second = await makeFeed(mentor.cookies);
  assert.notEqual(first, second);
  assert.equal((await app.inject({ method: 'GET', url: first })).statusCode, 404);
  const feed = await app.inject({ method: 'GET', url: second });
  assert.equal(feed.statusCode, 200);
  assert.equal(parse(feed.body).length, 4, 'the mentor’s meetings in both partnerships');
  assert.equal((await app.inject({ method: 'GET', url: `/calendar/${'a'.repeat(43)}` })).statusCode, 404);
  assert.equal((await app.inject({ method: 'GET', url: '/calendar/not-a-token' })).statusCode, 404);
});
