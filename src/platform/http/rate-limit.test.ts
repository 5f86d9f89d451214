import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { createTestDatabase } from '../../../test/support/database.ts';
import { consumeRateLimit } from './rate-limit.ts';

const database = await createTestDatabase();
after(() => database.close());

test('a fixed window allows `limit` hits, refuses the next with the time left, and starts again after', async () => {
  const start = new Date('2026-11-24T10:00:00Z');
  const at = (ms: number) => new Date(start.getTime() + ms);
  const hit = (ms: number) => consumeRateLimit(database.db, { key: 'k', limit: 3, windowMs: 60_000, now: at(ms) });
  assert.equal((await hit(0)).allowed, true);
  assert.equal((await hit(1_000)).allowed, true);
  assert.equal((await hit(2_000)).allowed, true);
  assert.deepEqual(await hit(20_000), { allowed: false, retryAfterMs: 40_000 });
  assert.equal((await hit(60_000)).allowed, true, 'a new window');
});

test('concurrent hits are each counted exactly once', async () => {
  const now = new Date();
  const results = await Promise.all(
    Array.from({ length: 25 }, () => consumeRateLimit(database.db, { key: 'burst', limit: 10, windowMs: 60_000, now })),
  );
  assert.equal(results.filter((result) => result.allowed).length, 10);
});

test('keys are independent', async () => {
  const now = new Date();
  await consumeRateLimit(database.db, { key: 'a', limit: 1, windowMs: 60_000, now });
  assert.equal((await consumeRateLimit(database.db, { key: 'b', limit: 1, windowMs: 60_000, now })).allowed, true);
});
