import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { sql, type SQL } from 'drizzle-orm';
import { createTestDatabase, databaseUrlFor } from '../../../test/support/database.ts';
import { jobsConnectionFor, type JobsConnection } from './connection.ts';
import { Jobs, type JobContext, type JobsLogger } from './jobs.ts';

const database = await createTestDatabase();
after(() => database.close());
const { db } = database;

/** Rows of a raw query: both drivers answer `{ rows }`, which Drizzle's shared type does not name. */
async function rowsOf<T>(query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

const quietLogger: JobsLogger = { info() {}, warn() {}, error() {} };

/** A Jobs on the test database; stopped when the file ends. */
function newJobs(connection: JobsConnection = jobsConnectionFor(database)): Jobs {
  const jobs = new Jobs({ connection, logger: quietLogger });
  after(() => jobs.stop());
  return jobs;
}

function jobRows(name: string) {
  return rowsOf<{ id: string; state: string; delayed: boolean }>(
    sql`select id, state::text as state, start_after > now() as delayed from pgboss.job where name = ${name}`,
  );
}

/** Resolves when `predicate` holds, checking every 20 ms; the test's own timeout bounds the wait. */
async function until(predicate: () => boolean): Promise<void> {
  while (!predicate()) await new Promise((resolve) => setTimeout(resolve, 20));
}

describe('jobs on the app database', () => {
  test('a sent job runs once, with its data, when due jobs are run', async () => {
    const jobs = newJobs();
    const seen: Array<{ data: { n: number }; job: JobContext }> = [];
    jobs.register<{ n: number }>('once', async (data, job) => {
      seen.push({ data, job });
    });
    const id = await jobs.send('once', { n: 7 });

    assert.equal(await jobs.runDueJobs(), 1);
    assert.equal(await jobs.runDueJobs(), 0, 'a completed job does not run again');
    assert.deepEqual(
      seen.map(({ data, job }) => ({ data, id: job.id, retryCount: job.retryCount })),
      [{ data: { n: 7 }, id, retryCount: 0 }],
    );
    assert.equal((await jobRows('once'))[0]?.state, 'completed');
  });

  test('a failing job is retried after a backoff delay, then marked failed', async () => {
    const jobs = newJobs();
    const attempts: number[] = [];
    jobs.register(
      'flaky',
      async (_data, job) => {
        attempts.push(job.retryCount);
        throw new Error('still broken');
      },
      { retryLimit: 2, retryDelay: 60, retryBackoff: true },
    );
    await jobs.send('flaky', {});

    assert.equal(await jobs.runDueJobs(), 1);
    const [retrying] = await jobRows('flaky');
    assert.equal(retrying?.state, 'retry');
    assert.equal(retrying?.delayed, true, 'the retry waits for its delay');
    assert.equal(await jobs.runDueJobs(), 0, 'not due until the delay has passed');

    assert.equal(await jobs.runDueJobs({ includeDelayed: true }), 1);
    assert.equal(await jobs.runDueJobs({ includeDelayed: true }), 1);
    assert.equal(await jobs.runDueJobs({ includeDelayed: true }), 0, 'no attempts beyond the retry limit');
    assert.deepEqual(attempts, [0, 1, 2]);
    assert.equal((await jobRows('flaky'))[0]?.state, 'failed');
  });

  test('a schedule is stored with its cron in UK time, and undeclared schedules are removed', async () => {
    const first = newJobs();
    first.register('nightly', async () => undefined);
    first.schedule('nightly', '30 2 * * *');
    await first.runDueJobs();
    const second = newJobs();
    second.register('hourly', async () => undefined);
    second.schedule('hourly', '0 * * * *');
    await second.runDueJobs();

    const rows = await rowsOf<{ name: string; cron: string; timezone: string }>(
      sql`select name, cron, timezone from pgboss.schedule order by name`,
    );
    assert.deepEqual(rows, [{ name: 'hourly', cron: '0 * * * *', timezone: 'Europe/London' }]);
  });

  test('jobs are declared before first use, by name, and only registered jobs can be sent', async () => {
    const jobs = newJobs();
    assert.throws(() => jobs.register('Bad Name', async () => undefined), /lowercase/);
    jobs.register('declared', async () => undefined);
    assert.throws(() => jobs.register('declared', async () => undefined), /already registered/);
    assert.throws(() => jobs.schedule('undeclared', '* * * * *'), /Register job/);
    await assert.rejects(jobs.send('undeclared', {}), /No job is registered/);
    await jobs.send('declared', {});
    assert.throws(() => jobs.register('late', async () => undefined), /before the queue is first used/);
  });

  test('the worker polls for jobs, and stopping waits for the job in hand to finish', { timeout: 30_000 }, async () => {
    const jobs = newJobs();
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    const ran: string[] = [];
    jobs.register<{ label: string }>('slow', async ({ label }) => {
      ran.push(`start ${label}`);
      await released;
      ran.push(`end ${label}`);
    });
    await jobs.start({ pollingIntervalMs: 20 });
    await jobs.send('slow', { label: 'a' });
    await until(() => ran.length === 1);

    let stopped = false;
    const stopping = jobs.stop().then(() => (stopped = true));
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(stopped, false, 'stop waits while a job runs');
    release();
    await stopping;
    assert.deepEqual(ran, ['start a', 'end a']);
    assert.equal((await jobRows('slow'))[0]?.state, 'completed');
  });
});

/**
 * Two app processes on one database: each has its own pg-boss and, on PostgreSQL, its own pool,
 * so their fetches really race. Every job must still run exactly once.
 */
test('two workers on one database run each job exactly once', { timeout: 60_000 }, async () => {
  const serverUrl = process.env.TEST_DATABASE_URL;
  const connection = async (): Promise<JobsConnection> => {
    if (!serverUrl) return jobsConnectionFor(database);
    const rows = await rowsOf<{ name: string }>(sql`select current_database() as name`);
    const name = rows[0]?.name;
    assert.ok(name);
    return { kind: 'postgres', connectionString: databaseUrlFor(serverUrl, name) };
  };
  const runs = new Map<number, string[]>();
  const workers = [newJobs(await connection()), newJobs(await connection())];
  workers.forEach((jobs, index) => {
    jobs.register<{ n: number }>('shared', async ({ n }) => {
      runs.set(n, [...(runs.get(n) ?? []), `worker ${index}`]);
      // Long enough that both workers are busy at once.
      await new Promise((resolve) => setTimeout(resolve, 5));
    });
  });
  const count = 40;
  for (let n = 0; n < count; n += 1) await workers[0]?.send('shared', { n });
  await Promise.all(workers.map((jobs) => jobs.start({ pollingIntervalMs: 10 })));
  await until(() => runs.size === count);
  await Promise.all(workers.map((jobs) => jobs.stop()));

  const twice = [...runs].filter(([, by]) => by.length > 1);
  assert.deepEqual(twice, [], 'no job ran twice');
  assert.equal(runs.size, count);
});
