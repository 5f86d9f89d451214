import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { desc, eq, inArray, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { createTestDatabase } from '../../../test/support/database.ts';
import { auditContext, recordAuditEvent } from './audit.ts';
import { auditEvents } from './audit.tables.ts';
import { DETAILS_LIMITS, sanitiseDetails, trimUserAgent } from './sanitise.ts';
import type { FastifyRequest } from 'fastify';

const database = await createTestDatabase();
after(() => database.close());
const { db } = database;

const personId = '0b7e7d1c-2a6f-4e55-9c4a-7b1d2e3f4a5b';
const otherId = '1c8f8e2d-3b7a-4f66-8d5b-8c2e3f4a5b6c';

async function stored(id: string) {
  const [row] = await db.select().from(auditEvents).where(eq(auditEvents.id, id));
  assert.ok(row, 'the event was stored');
  return row;
}

/** The database's refusal, whichever driver wrapped it. */
function refusedAsAppendOnly(error: unknown): boolean {
  const messages: string[] = [];
  for (let current: unknown = error; current instanceof Error; current = current.cause) messages.push(current.message);
  return messages.some((message) => /audit_events is append-only/.test(message));
}

test('an event is stored with who, what, whose, where and when', async () => {
  const { id, occurredAt } = await recordAuditEvent(
    db,
    {
      action: 'role.changed',
      actorPersonId: personId,
      subjectPersonId: otherId,
      organisationId: otherId,
      details: { role: 'mentor', previousRole: 'trustee' },
    },
    { ip: '::ffff:192.0.2.10', userAgent: 'Mozilla/5.0\r\nInjected: yes', requestId: 'req-1' },
  );
  const row = await stored(id);
  assert.equal(row.action, 'role.changed');
  assert.equal(row.actorPersonId, personId);
  assert.equal(row.subjectPersonId, otherId);
  assert.equal(row.organisationId, otherId);
  assert.equal(row.ip, '192.0.2.10', 'an IPv4-mapped address is stored as people know it');
  assert.equal(row.userAgent, 'Mozilla/5.0 Injected: yes', 'the user agent is kept on one line');
  assert.equal(row.requestId, 'req-1');
  assert.deepEqual(row.details, { role: 'mentor', previousRole: 'trustee' });
  assert.ok(occurredAt instanceof Date && Math.abs(occurredAt.getTime() - Date.now()) < 60_000, 'stamped now');
});

test('a failed sign-in has no actor and no subject, and a given time is kept', async () => {
  const when = new Date('2026-11-24T15:05:00Z');
  const { id } = await recordAuditEvent(db, {
    action: 'sign_in.failed',
    occurredAt: when,
    details: { reason: 'unknown_email', email: 'nobody@example.test' },
  });
  const row = await stored(id);
  assert.equal(row.actorPersonId, null);
  assert.equal(row.subjectPersonId, null);
  assert.equal(row.ip, null);
  assert.equal(row.userAgent, null);
  assert.equal(row.occurredAt.toISOString(), when.toISOString());
});

test('events recorded in one transaction keep their order', async () => {
  const ids = await db.transaction(async (tx) => [
    (await recordAuditEvent(tx, { action: 'sign_out', subjectPersonId: otherId })).id,
    (await recordAuditEvent(tx, { action: 'sign_in.succeeded', subjectPersonId: otherId })).id,
  ]);
  // Newest first as every log sorts them: by time, then by the order written, since the embedded
  // database's clock counts milliseconds and the two often share one.
  const rows = await db
    .select({ id: auditEvents.id })
    .from(auditEvents)
    .where(inArray(auditEvents.id, ids))
    .orderBy(desc(auditEvents.occurredAt), desc(auditEvents.seq));
  assert.deepEqual(
    rows.map((row) => row.id),
    [ids[1], ids[0]],
    'the later event sorts first, newest first',
  );
});

test('the request context comes from the request: address, browser and id', () => {
  const request = { ip: '203.0.113.7', id: 'abc', headers: { 'user-agent': 'Firefox' } } as unknown as FastifyRequest;
  assert.deepEqual(auditContext(request), { ip: '203.0.113.7', userAgent: 'Firefox', requestId: 'abc' });
});

test('details never keep passwords, tokens, secrets or codes, at any depth', async () => {
  const details = {
    reason: 'wrong_password',
    password: 'correct horse battery staple',
    newPassword: 'hunter2hunter2',
    resetToken: 'tok-123',
    clientSecret: 's3cret',
    mfaCode: '123456',
    recovery_code: 'abcd-efgh',
    nested: { sessionToken: 'tok-456', kept: 'yes', deeper: { otp: '654321', fine: 1 } },
    list: [{ apiKey: 'k-1', name: 'one' }],
  };
  const { id } = await recordAuditEvent(db, { action: 'sign_in.failed', details });
  const row = await stored(id);
  assert.deepEqual(row.details, {
    reason: 'wrong_password',
    nested: { kept: 'yes', deeper: { fine: 1 } },
    list: [{ name: 'one' }],
  });
  const text = JSON.stringify(row.details);
  for (const secret of ['horse', 'hunter2', 'tok-', 's3cret', '123456', 'abcd', '654321', 'k-1']) {
    assert.ok(!text.includes(secret), `${secret} is not stored`);
  }
});

test('details are bounded: long strings cut, many keys and deep nesting dropped', () => {
  const many = Object.fromEntries(Array.from({ length: 50 }, (_, index) => [`key${index}`, index]));
  const clean = sanitiseDetails({
    long: 'x'.repeat(5000),
    many,
    deep: { a: { b: { c: { d: 'too deep' } } } },
    list: Array.from({ length: 100 }, (_, index) => index),
    when: new Date('2026-01-01T00:00:00Z'),
    notANumber: Number.NaN,
    fn: () => 'no',
  });
  assert.equal(String(clean.long).length, DETAILS_LIMITS.stringLength);
  assert.ok(String(clean.long).endsWith('…'));
  assert.equal(Object.keys(clean.many ?? {}).length, DETAILS_LIMITS.keysPerObject);
  assert.deepEqual(clean.deep, { a: { b: {} } });
  assert.equal((clean.list as unknown[]).length, DETAILS_LIMITS.arrayItems);
  assert.equal(clean.when, '2026-01-01T00:00:00.000Z');
  assert.equal(clean.notANumber, null);
  assert.equal('fn' in clean, false);
  assert.deepEqual(sanitiseDetails(['not', 'an', 'object']), {});
  assert.equal(sanitiseDetails({ text: 'a\u0000b\uD800c' }).text, 'ab\uFFFDc', 'what PostgreSQL refuses is replaced');
  assert.equal(trimUserAgent('a'.repeat(2000))?.length, 512);
  assert.equal(trimUserAgent('   '), null);
});

test('no details, however hostile, fail to store or keep a secret-named key', async () => {
  const secretKey = /passw|token|secret|code/i;
  await fc.assert(
    fc.asyncProperty(
      fc.dictionary(fc.string({ unit: 'binary' }), fc.jsonValue({ stringUnit: 'binary' })),
      fc.string({ unit: 'binary' }),
      async (details, userAgent) => {
        const { id } = await recordAuditEvent(db, { action: 'sign_in.failed', details }, { userAgent });
        const row = await stored(id);
        const walk = (value: unknown): void => {
          if (typeof value !== 'object' || value === null) return;
          for (const [key, item] of Object.entries(value)) {
            assert.doesNotMatch(key, secretKey);
            walk(item);
          }
        };
        walk(row.details);
      },
    ),
    { numRuns: 60 },
  );
});

test('a detail named __proto__ is stored as a key, not taken as the object’s prototype', async () => {
  const details = JSON.parse('{"__proto__": {"password": "hunter2", "step": 1}, "reason": "wrong_password"}') as Record<
    string,
    unknown
  >;
  const { id } = await recordAuditEvent(db, { action: 'sign_in.failed', details });
  const row = await stored(id);
  assert.deepEqual(row.details, { ['__proto__']: { step: 1 }, reason: 'wrong_password' });
});

test('the database refuses to change or remove an audit record', async () => {
  const { id } = await recordAuditEvent(db, { action: 'sign_in.succeeded', subjectPersonId: personId });
  const attempts = {
    'update through the ORM': () => db.update(auditEvents).set({ action: 'sign_out' }).where(eq(auditEvents.id, id)),
    'delete through the ORM': () => db.delete(auditEvents).where(eq(auditEvents.id, id)),
    'update in SQL': () => db.execute(sql`update audit_events set details = '{}'::jsonb`),
    'delete in SQL': () => db.execute(sql`delete from audit_events`),
    'delete of no rows': () => db.execute(sql`delete from audit_events where false`),
    truncate: () => db.execute(sql`truncate audit_events`),
  };
  const before = await db.select({ count: sql<number>`count(*)::int` }).from(auditEvents);
  for (const [name, attempt] of Object.entries(attempts)) {
    await assert.rejects(attempt, refusedAsAppendOnly, `${name} is refused`);
  }
  const row = await stored(id);
  assert.equal(row.action, 'sign_in.succeeded', 'the record is unchanged');
  const afterwards = await db.select({ count: sql<number>`count(*)::int` }).from(auditEvents);
  assert.deepEqual(afterwards, before, 'nothing was removed');
});
