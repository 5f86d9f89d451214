import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import { eq } from 'drizzle-orm';
import { outboxMessages } from '../../platform/mail/mail.tables.ts';
import type { MailMessage } from '../../platform/mail/mailer.ts';
import { buildTestApp } from '../../../test/support/app.ts';
import { createOrganisation, createPerson } from '../../../test/support/factories.ts';
import { createPartnership, createService } from '../../../test/support/partnership-factories.ts';
import { sendMeetingNudges, sendMeetingReminders } from './meeting-jobs.service.ts';
import { partnershipMeetings } from './meetings.tables.ts';

const { app, db } = await buildTestApp();
const publicUrl = 'https://tandem.example.org';

const service = await createService(db);
const mentee = await createPerson(db, { displayName: 'Sam Patel' });
const mentor = await createPerson(db, { displayName: 'Alex Jones' });
const partnershipId = await createPartnership(db, { service, mentee, mentor });

async function addMeeting(startsAt: Date, values: Partial<typeof partnershipMeetings.$inferInsert> = {}) {
  const [row] = await db
    .insert(partnershipMeetings)
    .values({ partnershipId, startsAt, durationMinutes: 120, creationKey: randomUUID(), ...values })
    .returning({ id: partnershipMeetings.id });
  assert.ok(row);
  return row.id;
}

test('each participant is reminded of a meeting in the next 24 hours once, however often the job runs', async () => {
  const now = new Date('2026-11-23T08:00:00Z');
  const soon = await addMeeting(new Date('2026-11-24T07:30:00Z'), {
    place: 'The town hall',
    agenda: 'SECRET AGENDA',
    preparation: 'SECRET PREP',
  });
  await addMeeting(new Date('2026-11-26T09:30:00Z'), { place: 'Later' });
  await addMeeting(new Date('2026-11-23T12:00:00Z'), { status: 'cancelled' });
  const sent: MailMessage[] = [];
  const mailer = { send: async (message: MailMessage) => (sent.push(message), { id: randomUUID() }) };
  const first = await sendMeetingReminders({ db, mailer, publicUrl, now });
  const second = await sendMeetingReminders({ db, mailer, publicUrl, now: new Date(now.getTime() + 15 * 60_000) });
  assert.deepEqual(first, { meetings: 1, messages: 2 });
  assert.deepEqual(second, { meetings: 0, messages: 0 });
  assert.deepEqual(sent.map((message) => message.to).sort(), [mentee.email, mentor.email].sort());
  const [message] = sent;
  assert.ok(message);
  assert.equal(message.subject, 'Reminder: mentoring meeting on Tuesday 24 November 2026, 7:30am');
  assert.match(message.text, /The town hall/);
  assert.match(message.text, new RegExp(`${publicUrl}/partnerships/${partnershipId}/meetings/${soon}`));
  assert.doesNotMatch(message.text, /SECRET/);
  const [row] = await db.select().from(partnershipMeetings).where(eq(partnershipMeetings.id, soon));
  assert.ok(row?.reminderSentAt);
});

test('a reminder that cannot be written is given back, for the retry to send', async () => {
  const now = new Date('2026-12-01T08:00:00Z');
  const meetingId = await addMeeting(new Date('2026-12-01T14:00:00Z'));
  const failing = { send: async () => Promise.reject(new Error('outbox down')) };
  await assert.rejects(
    sendMeetingReminders({ db, mailer: failing, publicUrl, now }),
    /1 meeting reminders were not sent/,
  );
  const [row] = await db.select().from(partnershipMeetings).where(eq(partnershipMeetings.id, meetingId));
  assert.equal(row?.reminderSentAt, null);
  const sent: MailMessage[] = [];
  const working = { send: async (message: MailMessage) => (sent.push(message), { id: randomUUID() }) };
  assert.deepEqual(await sendMeetingReminders({ db, mailer: working, publicUrl, now }), { meetings: 1, messages: 2 });
});

test('the mentee side’s lead is nudged once a half-term when no meeting is booked in it, never in holidays', async () => {
  // Through the app's own mailer, so the outbox is what says a nudge went.
  const lonely = await createPartnership(db, {
    service,
    mentee: await createPerson(db, { displayName: 'Kim Lee' }),
    mentor,
  });
  const nudgesTo = async (partnership: string) =>
    (await db.select().from(outboxMessages)).filter((message) =>
      message.text.includes(`/partnerships/${partnership}/meetings/new`),
    );
  const inAutumn2 = new Date('2026-11-16T08:00:00Z');
  await sendMeetingNudges({ db, mailer: app.mailer, publicUrl, now: inAutumn2 });
  await sendMeetingNudges({ db, mailer: app.mailer, publicUrl, now: new Date('2026-11-23T08:00:00Z') });
  const nudges = await nudgesTo(lonely);
  assert.equal(nudges.length, 1, 'once in the half-term, however many weeks it runs');
  assert.match(nudges[0]?.subject ?? '', /No mentoring meeting booked this half-term \(Autumn 2, 2026\/27\)/);
  assert.equal(
    (await nudgesTo(partnershipId)).length,
    0,
    'a partnership with a meeting in the half-term is not nudged',
  );
  // The Christmas holidays: nobody is nudged. The next half-term: nudged again.
  await sendMeetingNudges({ db, mailer: app.mailer, publicUrl, now: new Date('2026-12-28T08:00:00Z') });
  assert.equal((await nudgesTo(lonely)).length, 1);
  await sendMeetingNudges({ db, mailer: app.mailer, publicUrl, now: new Date('2027-01-11T08:00:00Z') });
  assert.equal((await nudgesTo(lonely)).length, 2);
  assert.equal((await nudgesTo(partnershipId)).length, 1, 'no meeting in spring 1 either');
});

test('a reminder run that fails part-way is retried without writing again to those already written to', async () => {
  const now = new Date('2026-12-08T08:00:00Z');
  const meetingId = await addMeeting(new Date('2026-12-08T15:00:00Z'));
  let sends = 0;
  // The outbox takes the first message, then fails once, as it would if the database went away mid-run.
  const flaky = {
    send: async (message: MailMessage) => {
      sends += 1;
      if (sends === 2) throw new Error('outbox down');
      return app.mailer.send(message);
    },
  };
  await assert.rejects(sendMeetingReminders({ db, mailer: flaky, publicUrl, now }), /1 meeting reminders/);
  await sendMeetingReminders({ db, mailer: flaky, publicUrl, now });
  const reminders = (await db.select().from(outboxMessages)).filter((message) =>
    message.text.includes(`/meetings/${meetingId}`),
  );
  assert.deepEqual(reminders.map((message) => message.to).sort(), [mentee.email, mentor.email].sort());
});

test('in a triad each trust is nudged: its lead, or all its people where it named none', async () => {
  const triadService = await createService(db, { kind: 'peer_triad' });
  const [first, second, third] = [
    await createPerson(db, { displayName: 'Pat Ash' }),
    await createPerson(db, { displayName: 'Ray Birch' }),
    await createPerson(db, { displayName: 'Lou Birch' }),
  ];
  const [ashTrust, birchTrust] = [await createOrganisation(db), await createOrganisation(db)];
  const triad = await createPartnership(db, {
    service: triadService,
    kind: 'peer_triad',
    others: [
      { person: first, side: 'peer', organisationId: ashTrust.id, lead: true },
      { person: second, side: 'peer', organisationId: birchTrust.id },
      { person: third, side: 'peer', organisationId: birchTrust.id },
    ],
  });
  await sendMeetingNudges({ db, mailer: app.mailer, publicUrl, now: new Date('2027-02-22T08:00:00Z') });
  const nudged = (await db.select().from(outboxMessages))
    .filter((message) => message.text.includes(`/partnerships/${triad}/meetings/new`))
    .map((message) => message.to);
  assert.deepEqual(nudged.sort(), [first.email, second.email, third.email].sort());
});
