import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { createTestDatabase } from '../../../test/support/database.ts';
import { auditEvents } from '../audit/audit.tables.ts';
import { lookUpWithinMissLimit } from './lookup-limit.ts';

const database = await createTestDatabase();
after(() => database.close());
const { db } = database;

const start = new Date('2026-11-24T10:00:00Z');
const minutes = (n: number) => new Date(start.getTime() + n * 60_000);

/** One lookup by `personId` at `now` that finds `answer` (or nothing). */
const look = (personId: string, now: Date, answer: string | null) =>
  lookUpWithinMissLimit(db, { personId, purpose: 'test', audit: { ip: '192.0.2.7' }, now }, async () => answer);

test('ten misses an hour; then even an address that exists is not looked up, until the hour is up', async () => {
  const personId = randomUUID();
  let looked = 0;
  for (let miss = 1; miss <= 10; miss += 1) {
    assert.deepEqual(await look(personId, minutes(miss), null), { outcome: 'missing' }, `miss ${miss}`);
    // Hits in between cost nothing: were they counted, the tenth miss would be refused.
    if (miss < 10) assert.deepEqual(await look(personId, minutes(miss), 'found'), { outcome: 'found', found: 'found' });
  }
  const refused = await lookUpWithinMissLimit(db, { personId, purpose: 'test', now: minutes(20) }, async () => {
    looked += 1;
    return 'someone';
  });
  assert.deepEqual(refused, { outcome: 'limited' });
  assert.equal(looked, 0, 'the address was not looked up');
  const events = await db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.actorPersonId, personId), eq(auditEvents.action, 'email_lookup.refused')));
  assert.equal(events.length, 1);
  assert.deepEqual(events[0]?.details, { reason: 'too_many_misses', purpose: 'test' });

  assert.equal((await look(randomUUID(), minutes(20), null)).outcome, 'missing', 'each person has their own count');
  assert.equal((await look(personId, minutes(61), 'found')).outcome, 'found', 'an hour after the first miss');
});

test('misses sent at once are counted one by one: no more than ten get an answer', async () => {
  const personId = randomUUID();
  const answers = await Promise.all(Array.from({ length: 15 }, () => look(personId, start, null)));
  assert.equal(answers.filter((answer) => answer.outcome === 'missing').length, 10);
  assert.equal(answers.filter((answer) => answer.outcome === 'limited').length, 5);
});
