import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { sql, type SQL } from 'drizzle-orm';
import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { buildTestApp } from '../../../test/support/app.ts';
import { createPerson } from '../../../test/support/factories.ts';
import { jobsConnectionFor } from './connection.ts';
import { registerExpiryCleanup } from './housekeeping.ts';
import { Jobs } from './jobs.ts';

const quietLogger = { info() {}, warn() {}, error() {} };
const hour = 60 * 60 * 1000;

const { app, database, db } = await buildTestApp();

/** Rows of a raw query: both drivers answer `{ rows }`, which Drizzle's shared type does not name. */
async function rowsOf<T>(query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

test('an expiry cleanup deletes the rows whose time has passed, and no others', async () => {
  await db.execute(sql`create table passes (code text primary key, expires_at timestamptz not null)`);
  const passes = pgTable('passes', {
    code: text('code').primaryKey(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  });
  await db.insert(passes).values([
    { code: 'expired', expiresAt: new Date(Date.now() - hour) },
    { code: 'live', expiresAt: new Date(Date.now() + hour) },
  ]);

  const jobs = new Jobs({ connection: jobsConnectionFor(database), logger: quietLogger });
  after(() => jobs.stop());
  registerExpiryCleanup(jobs, db, {
    name: 'passes-cleanup',
    table: passes,
    expiresAt: passes.expiresAt,
    cron: '0 3 * * *',
  });
  await jobs.send('passes-cleanup', {});
  assert.equal(await jobs.runDueJobs(), 1);

  assert.deepEqual(await db.select({ code: passes.code }).from(passes), [{ code: 'live' }]);
  const rows = await rowsOf<{ cron: string }>(sql`select cron from pgboss.schedule where name = 'passes-cleanup'`);
  assert.deepEqual(rows, [{ cron: '0 3 * * *' }]);
});

test('the app schedules the cleanup of expired sessions, invitations, reset links, rate-limit windows and kept forms', async () => {
  const person = await createPerson(db);
  // Raw SQL: the platform's tests, like its code, know no module's tables.
  await db.execute(sql`
    insert into sessions (token_hash, person_id, expires_at) values
      ('expired-session', ${person.id}, now() - interval '1 minute'),
      ('live-session', ${person.id}, now() + interval '1 hour')`);

  await app.jobs.send('sessions-cleanup', {});
  assert.equal(await app.jobs.runDueJobs(), 1);

  const rows = await rowsOf<{ token_hash: string }>(sql`select token_hash from sessions order by token_hash`);
  assert.deepEqual(rows, [{ token_hash: 'live-session' }]);

  // A form kept after a session ended goes when its hour is up.
  await db.execute(sql`
    insert into unsent_forms (person_id, token_hash, path, sealed_fields, expires_at) values
      (${person.id}, 'expired-form', '/plans/new', 'sealed', now() - interval '1 minute'),
      (${person.id}, 'live-form', '/plans/new', 'sealed', now() + interval '1 hour')`);
  await app.jobs.send('unsent-forms-cleanup', {});
  assert.equal(await app.jobs.runDueJobs(), 1);
  const kept = await rowsOf<{ token_hash: string }>(sql`select token_hash from unsent_forms`);
  assert.deepEqual(kept, [{ token_hash: 'live-form' }]);
  // The app's own declarations replace the first test's: one set of schedules per deployment.
  const schedules = await rowsOf<{ name: string; cron: string }>(
    sql`select name, cron from pgboss.schedule order by name`,
  );
  assert.deepEqual(schedules, [
    { name: 'invitations-cleanup', cron: '*/15 * * * *' },
    { name: 'partnership-meeting-nudges', cron: '0 8 * * 1' },
    { name: 'partnership-meeting-reminders', cron: '*/15 * * * *' },
    { name: 'password-resets-cleanup', cron: '*/15 * * * *' },
    { name: 'plan-actions-digest', cron: '0 7 * * 1' },
    { name: 'rate-limits-cleanup', cron: '*/15 * * * *' },
    { name: 'sessions-cleanup', cron: '*/15 * * * *' },
    { name: 'unsent-forms-cleanup', cron: '*/15 * * * *' },
  ]);
});
