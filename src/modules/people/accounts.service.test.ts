import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { auditEvents } from '../../platform/audit/audit.tables.ts';
import { createTestDatabase } from '../../../test/support/database.ts';
import { createPerson } from '../../../test/support/factories.ts';
import { SIGN_IN_POLICY, signInWithPassword } from './accounts.service.ts';
import { hashPassword } from './passwords.ts';
import { people, sessions } from './people.tables.ts';
import { resolveViewer, SESSION_IDLE_MS } from './people.service.ts';

const database = await createTestDatabase();
after(() => database.close());
const { db } = database;
const PASSWORD = 'a perfectly fine passphrase';
const passwordHash = await hashPassword(PASSWORD);
let ipCounter = 0;
const freshIp = () => `192.0.2.${++ipCounter}`;

async function attempt(email: string, password: string, options: { ip?: string; now?: Date; waits?: number[] } = {}) {
  return signInWithPassword({
    db,
    email,
    password,
    ip: options.ip ?? freshIp(),
    now: options.now ?? new Date(),
    wait: async (ms) => void options.waits?.push(ms),
  });
}

test('the right password starts a new session each time, whatever the case of the email', async () => {
  const person = await createPerson(db, { passwordHash, email: 'Dana.Doe@example.test' });
  const first = await attempt('dana.doe@EXAMPLE.test', PASSWORD);
  const second = await attempt('dana.doe@example.test', PASSWORD);
  assert.equal(first.outcome, 'signed-in');
  assert.equal(second.outcome, 'signed-in');
  assert.ok(first.outcome === 'signed-in' && second.outcome === 'signed-in');
  assert.notEqual(first.token, second.token);
  assert.equal((await db.select().from(sessions).where(eq(sessions.personId, person.id))).length, 2);
});

test('an unknown email and a wrong password get the same answer', async () => {
  await createPerson(db, { passwordHash, email: 'erin@example.test' });
  assert.deepEqual((await attempt('nobody@example.test', PASSWORD)).outcome, 'refused');
  assert.deepEqual((await attempt('erin@example.test', 'wrong password!')).outcome, 'refused');
});

test('failures slow the answers, then lock the account for 15 minutes, even against the right password', async () => {
  const person = await createPerson(db, { passwordHash });
  const waits: number[] = [];
  const now = new Date('2026-11-24T09:00:00Z');
  for (let i = 0; i < SIGN_IN_POLICY.lockAfter; i++) await attempt(person.email, 'wrong password!', { now, waits });
  assert.deepEqual(waits, [1000, 2000, 4000], 'slower from the third failure, capped');
  assert.equal((await attempt(person.email, PASSWORD, { now })).outcome, 'refused', 'locked');
  const later = new Date(now.getTime() + SIGN_IN_POLICY.lockForMs + 1000);
  assert.equal((await attempt(person.email, PASSWORD, { now: later })).outcome, 'signed-in', 'unlocked after');
  const [row] = await db.select().from(people).where(eq(people.id, person.id));
  assert.equal(row?.failedSignIns, 0, 'success clears the count');
});

test('one address is throttled after 20 attempts, whichever accounts it tries', async () => {
  const ip = '198.51.100.7';
  const now = new Date();
  for (let i = 0; i < SIGN_IN_POLICY.perIpLimit; i++)
    await attempt(`guess${i}@example.test`, 'wrong password!', { ip, now });
  const result = await attempt('anyone@example.test', PASSWORD, { ip, now });
  assert.equal(result.outcome, 'throttled');
});

test('a deactivated person cannot sign in', async () => {
  const person = await createPerson(db, { passwordHash, deactivatedAt: new Date() });
  assert.equal((await attempt(person.email, PASSWORD)).outcome, 'refused');
});

test('a session ends after 30 idle minutes, and each request moves the deadline on', async () => {
  const person = await createPerson(db, { passwordHash });
  const start = new Date('2026-11-24T12:00:00Z');
  const signedIn = await attempt(person.email, PASSWORD, { now: start });
  assert.ok(signedIn.outcome === 'signed-in');
  const at = (ms: number) => new Date(start.getTime() + ms);
  assert.ok(await resolveViewer({ db, token: signedIn.token, now: at(SESSION_IDLE_MS - 60_000) }), 'still fresh');
  assert.ok(await resolveViewer({ db, token: signedIn.token, now: at(2 * SESSION_IDLE_MS - 120_000) }), 'kept alive');
  assert.equal(await resolveViewer({ db, token: signedIn.token, now: at(3 * SESSION_IDLE_MS) }), null, 'idle too long');
});

test('each attempt is in the audit log, with where it came from and never the password', async () => {
  const person = await createPerson(db, { passwordHash });
  const audit = { ip: '203.0.113.9', userAgent: 'Test browser', requestId: 'req-1' };
  await signInWithPassword({
    db,
    email: person.email,
    password: 'a wrong guess!!',
    ip: freshIp(),
    audit,
    wait: async () => {},
  });
  await signInWithPassword({ db, email: person.email, password: PASSWORD, ip: freshIp(), audit });
  const events = await db
    .select()
    .from(auditEvents)
    .where(eq(auditEvents.subjectPersonId, person.id))
    .orderBy(auditEvents.occurredAt);
  assert.deepEqual(
    events.map((event) => [event.action, event.details]),
    [
      ['sign_in.failed', { reason: 'wrong_password' }],
      ['sign_in.succeeded', {}],
    ],
  );
  assert.equal(events[0]?.ip, '203.0.113.9');
  assert.doesNotMatch(JSON.stringify(events), /a wrong guess|perfectly fine/);
});
