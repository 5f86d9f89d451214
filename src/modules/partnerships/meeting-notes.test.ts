import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import { loadConfig } from '../../config.ts';
import { createNoteCipher, NoteDecryptionError } from '../../platform/crypto/note-cipher.ts';
import { auditEvents } from '../../platform/audit/audit.tables.ts';
import { buildTestApp } from '../../../test/support/app.ts';
import { createPartnership, createService } from '../../../test/support/partnership-factories.ts';
import { formSession, postForm, signIn } from '../../../test/support/sign-in.ts';
import { meetingNotes, partnershipMeetings } from './meetings.tables.ts';

const { app, db } = await buildTestApp();
const cipher = createNoteCipher([loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }).encryptionKey]);

const mentee = await signIn(db, 'ceo');
const mentor = await signIn(db, 'mentor');
const service = await createService(db);
const providerStaff = await signIn(db, 'programme_manager', service.provider);
const partnershipId = await createPartnership(db, {
  service,
  mentee: mentee.person,
  mentor: mentor.person,
  menteeTrust: mentee.organisation,
});
const [meeting] = await db
  .insert(partnershipMeetings)
  .values({
    partnershipId,
    startsAt: new Date('2026-03-03T09:30:00Z'),
    durationMinutes: 180,
    creationKey: randomUUID(),
  })
  .returning({ id: partnershipMeetings.id });
assert.ok(meeting);
const meetingUrl = `/partnerships/${partnershipId}/meetings/${meeting.id}`;
const secret = 'The chair and I disagree about the merger; I may resign in the summer.';

test('a saved note is sealed: the database holds no plaintext, and the ciphertext opens only with its row’s id', async () => {
  const saved = await postForm(app, {
    url: `${meetingUrl}/notes`,
    from: meetingUrl,
    cookies: mentee.cookies,
    fields: { notes: secret, version: '0' },
  });
  assert.equal(saved.statusCode, 303);
  const [row] = await db.select().from(meetingNotes).where(eq(meetingNotes.meetingId, meeting.id));
  assert.ok(row);
  assert.doesNotMatch(row.ciphertext, /merger|resign/);
  // Nowhere in the table, in any column, as the database would dump it.
  const dump = await db.execute(sql`select ${meetingNotes}::text as line from ${meetingNotes}`);
  assert.doesNotMatch(JSON.stringify(dump), /merger|resign/);
  assert.equal(cipher.decrypt(row.ciphertext, row.id), secret);
  assert.throws(() => cipher.decrypt(row.ciphertext, randomUUID()), NoteDecryptionError);
  assert.throws(() => cipher.decrypt(row.ciphertext, meeting.id), NoteDecryptionError);
});

test('participants read the notes on the meeting page, and each read is audited', async () => {
  const before = await db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, 'confidential.read'), eq(auditEvents.actorPersonId, mentor.person.id)));
  const page = await app.inject({ method: 'GET', url: meetingUrl, cookies: mentor.cookies });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /The chair and I disagree about the merger/);
  const after = await db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, 'confidential.read'), eq(auditEvents.actorPersonId, mentor.person.id)))
    .orderBy(auditEvents.occurredAt);
  assert.equal(after.length, before.length + 1);
  assert.deepEqual(
    { kind: after.at(-1)?.details?.['kind'], meetingId: after.at(-1)?.details?.['meetingId'] },
    { kind: 'partnership.meeting', meetingId: meeting.id },
  );
  assert.equal((await app.inject({ method: 'GET', url: meetingUrl, cookies: providerStaff.cookies })).statusCode, 404);
});

test('two people saving notes: the second is told what is saved now and keeps what they typed', async () => {
  const [first, second] = [
    await formSession(app, meetingUrl, mentee.cookies),
    await formSession(app, meetingUrl, mentor.cookies),
  ];
  const [row] = await db.select().from(meetingNotes).where(eq(meetingNotes.meetingId, meeting.id));
  const version = String(row?.version);
  const send = (session: { csrfToken: string; cookies: Record<string, string> }, notes: string) =>
    app.inject({
      method: 'POST',
      url: `${meetingUrl}/notes`,
      cookies: session.cookies,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: session.csrfToken, notes, version }).toString(),
    });
  assert.equal((await send(first, 'Agreed: talk to the chair first.')).statusCode, 303);
  const refused = await send(second, 'My own version of the notes');
  assert.equal(refused.statusCode, 409);
  assert.match(refused.body, /Someone else saved this while you were editing it/);
  assert.match(refused.body, /Agreed: talk to the chair first\./);
  assert.match(refused.body, />My own version of the notes</);
  const [kept] = await db.select().from(meetingNotes).where(eq(meetingNotes.meetingId, meeting.id));
  assert.ok(kept);
  assert.equal(cipher.decrypt(kept.ciphertext, kept.id), 'Agreed: talk to the chair first.');
});

test('looking at the list of meetings is a read too, shown to the mentee on the read log', async () => {
  const listUrl = `/partnerships/${partnershipId}/meetings`;
  const readsOfList = () =>
    db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.action, 'confidential.read'),
          eq(auditEvents.actorPersonId, mentor.person.id),
          sql`${auditEvents.details} ->> 'kind' = 'partnership.meetings'`,
        ),
      );
  const before = await readsOfList();
  assert.equal((await app.inject({ method: 'GET', url: listUrl, cookies: mentor.cookies })).statusCode, 200);
  const after = await readsOfList();
  assert.equal(after.length, before.length + 1);
  assert.equal(after.at(-1)?.details?.['id'], partnershipId);
  assert.equal(after.at(-1)?.organisationId, null, 'filed under no organisation, as every partnership read is');
  const log = await app.inject({ method: 'GET', url: `/partnerships/${partnershipId}/reads`, cookies: mentee.cookies });
  assert.match(log.body, /Looked at the list of meetings and conversations/);
  // A refused visitor read nothing, so nothing is written for them.
  assert.equal((await app.inject({ method: 'GET', url: listUrl, cookies: providerStaff.cookies })).statusCode, 404);
  const byStaff = await db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, 'confidential.read'), eq(auditEvents.actorPersonId, providerStaff.person.id)));
  assert.equal(byStaff.length, 0);
});
