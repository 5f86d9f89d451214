import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { auditEvents } from '../../platform/audit/audit.tables.ts';
import { buildTestApp } from '../../../test/support/app.ts';
import { createPartnership, createService } from '../../../test/support/partnership-factories.ts';
import { signIn } from '../../../test/support/sign-in.ts';
import { partnershipMeetings, partnershipTimeEntries } from './meetings.tables.ts';

const { app, db } = await buildTestApp();

const mentee = await signIn(db, 'ceo');
const mentor = await signIn(db, 'mentor');
const service = await createService(db);
const providerStaff = await signIn(db, 'programme_manager', service.provider);
const chair = await signIn(db, 'chair', mentee.organisation);
const partnershipId = await createPartnership(db, {
  service,
  mentee: mentee.person,
  mentor: mentor.person,
  menteeTrust: mentee.organisation,
});
const url = `/partnerships/${partnershipId}/budget`;

const entry = (component: 'reading' | 'school-visits' | 'meetings', minutes: number) => ({
  partnershipId,
  component,
  minutes,
  occurredOn: '2026-10-01',
  creationKey: randomUUID(),
});

test('the budget shows planned, used and remaining per part and overall, with warnings in words', async () => {
  // Reading: all of its 7 hours; school visits: 8 of 7 hours; meetings: 3 hours held.
  await db
    .insert(partnershipTimeEntries)
    .values([entry('reading', 420), entry('school-visits', 480), entry('meetings', 180)]);
  await db.insert(partnershipMeetings).values({
    partnershipId,
    startsAt: new Date('2026-12-01T10:00:00Z'),
    durationMinutes: 120,
    creationKey: randomUUID(),
  });
  const page = await app.inject({ method: 'GET', url, cookies: mentee.cookies });
  assert.equal(page.statusCode, 200);
  const text = page.body.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
  assert.match(text, /Reading 7 hours 7 hours 0 hours Spent/);
  assert.match(text, /School visits 7 hours 8 hours 1 hour over Overspent/);
  assert.match(text, /Meetings 38\.5 hours 3 hours 35\.5 hours Within budget/);
  assert.match(text, /All parts 56 hours 18 hours 38 hours Within budget/);
  assert.match(text, /Overspent\. School visits: 8 hours used, 1 hour more than the 7 hours planned\./);
  assert.match(text, /Spent\. Reading: all 7 hours used\./);
  assert.match(page.body, /govuk-warning-text/);
  assert.match(text, /Meetings booked but not yet held: 2 hours/);
});

test('looking at the budget is audited, and it is not found for provider staff or the mentee trust’s chair', async () => {
  await app.inject({ method: 'GET', url, cookies: mentor.cookies });
  const reads = await db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, 'confidential.read'), eq(auditEvents.actorPersonId, mentor.person.id)));
  assert.deepEqual(
    reads.map((each) => each.details['kind']),
    ['partnership.budget'],
  );
  for (const visitor of [providerStaff, chair]) {
    assert.equal((await app.inject({ method: 'GET', url, cookies: visitor.cookies })).statusCode, 404);
  }
});
