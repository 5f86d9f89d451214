import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { eq, sql, type SQL } from 'drizzle-orm';
import { createTestDatabase } from '../../../test/support/database.ts';
import { jobsConnectionFor } from '../jobs/connection.ts';
import { Jobs, type JobsLogger } from '../jobs/jobs.ts';
import { outboxMessages } from './mail.tables.ts';
import { createMailer, DELIVER_MAIL_JOB, NOT_CONFIGURED, type MailSettings } from './mailer.ts';
import { startSmtpTestServer } from './testing/smtp-test-server.ts';

const database = await createTestDatabase();
after(() => database.close());
const { db } = database;

/** Rows of a raw query: both drivers answer `{ rows }`, which Drizzle's shared type does not name. */
async function rowsOf<T>(query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

/** Collects every log line, so a test can check that none carries a message's content. */
function recordingLogger(): JobsLogger & { lines: string[] } {
  const lines: string[] = [];
  const record = (details: object, message: string) => lines.push(JSON.stringify({ ...details, message }));
  return { lines, info: record, warn: record, error: record };
}

function setUp(mail: MailSettings, retry = { retryLimit: 2, retryDelay: 60, retryBackoff: true }) {
  const logger = recordingLogger();
  const jobs = new Jobs({ connection: jobsConnectionFor(database), logger });
  after(() => jobs.stop());
  const mailer = createMailer({ db, jobs, mail, logger, retry });
  return { jobs, mailer, logger };
}

async function stored(id: string) {
  const [row] = await db.select().from(outboxMessages).where(eq(outboxMessages.id, id));
  assert.ok(row, 'the message is in the outbox');
  return row;
}

const signInLink = 'https://tandem.example/sign-in/abcdef0123456789';
const message = {
  to: 'ada@example.test',
  subject: 'Your sign-in link',
  text: `Hello Ada,\n\nSign in with this link:\n${signInLink}\n`,
  html: `<p>Sign in with <a href="${signInLink}">this link</a>.</p>`,
};

test('with a mail server, a message goes through the outbox, a job and SMTP, and is marked sent', async () => {
  const smtp = await startSmtpTestServer();
  after(() => smtp.close());
  const { jobs, mailer, logger } = setUp({ smtpUrl: smtp.url, from: 'Tandem <no-reply@tandem.test>' });
  assert.equal(mailer.configured, true);

  const { id } = await mailer.send(message);
  const queued = await stored(id);
  assert.equal(queued.status, 'queued', 'written to the outbox before any attempt');
  assert.equal(smtp.delivered.length, 0, 'sending waits for the job');

  assert.equal(await jobs.runDueJobs(), 1);
  assert.equal(smtp.delivered.length, 1);
  const delivered = smtp.delivered[0];
  assert.equal(delivered?.subject, message.subject);
  assert.equal(delivered?.text, message.text);
  assert.match(String(delivered?.html), /this link<\/a>/);
  assert.deepEqual(
    [delivered?.to].flat().flatMap((to) => to?.value.map((address) => address.address)),
    ['ada@example.test'],
  );
  assert.equal(delivered?.from?.value[0]?.address, 'no-reply@tandem.test');

  const sent = await stored(id);
  assert.equal(sent.status, 'sent');
  assert.equal(sent.attempts, 1);
  assert.equal(sent.lastError, null);
  assert.ok(sent.sentAt instanceof Date);

  assert.equal(await jobs.runDueJobs({ includeDelayed: true }), 0, 'a sent message is not sent again');
  assert.equal(smtp.delivered.length, 1);
  const logs = logger.lines.join('\n');
  for (const secret of [signInLink, message.to, message.subject]) assert.doesNotMatch(logs, new RegExp(secret));
  assert.match(logs, new RegExp(id), 'the log names the message by id');
});

test('a mail server that refuses is retried with backoff, then the message is marked failed', async () => {
  const smtp = await startSmtpTestServer({ refuse: () => true });
  after(() => smtp.close());
  const { jobs, mailer, logger } = setUp({ smtpUrl: smtp.url, from: 'tandem@tandem.test' });

  const { id } = await mailer.send(message);
  assert.equal(await jobs.runDueJobs(), 1);
  const retrying = await stored(id);
  assert.equal(retrying.status, 'queued');
  assert.equal(retrying.attempts, 1);
  assert.match(retrying.lastError ?? '', /451/);
  const rows = await rowsOf<{ state: string; waits: boolean }>(
    sql`select state::text as state, start_after > now() + interval '50 seconds' as waits
        from pgboss.job where name = ${DELIVER_MAIL_JOB} and data->>'messageId' = ${id}`,
  );
  assert.deepEqual(rows, [{ state: 'retry', waits: true }], 'the retry waits at least its delay');
  assert.equal(await jobs.runDueJobs(), 0, 'nothing is due during the delay');

  assert.equal(await jobs.runDueJobs({ includeDelayed: true }), 1);
  assert.equal((await stored(id)).status, 'queued', 'one retry left');
  assert.equal(await jobs.runDueJobs({ includeDelayed: true }), 1);
  assert.equal(await jobs.runDueJobs({ includeDelayed: true }), 0, 'no attempt after the last retry');

  const failed = await stored(id);
  assert.equal(failed.status, 'failed');
  assert.equal(failed.attempts, 3);
  assert.match(failed.lastError ?? '', /451/);
  assert.equal(failed.sentAt, null);
  assert.equal(smtp.attempts(), 3);
  assert.equal(smtp.delivered.length, 0);
  assert.doesNotMatch(logger.lines.join('\n'), new RegExp(signInLink));
});

test('a refusal followed by acceptance ends with the message sent once', async () => {
  const smtp = await startSmtpTestServer({ refuse: (attempt) => attempt === 1 });
  after(() => smtp.close());
  const { jobs, mailer } = setUp({ smtpUrl: smtp.url, from: 'tandem@tandem.test' });

  const { id } = await mailer.send({ to: 'bo@example.test', subject: 'Hello', text: 'Hi Bo' });
  await jobs.runDueJobs();
  await jobs.runDueJobs({ includeDelayed: true });

  const sent = await stored(id);
  assert.equal(sent.status, 'sent');
  assert.equal(sent.attempts, 2);
  assert.equal(sent.lastError, null);
  assert.equal(smtp.delivered.length, 1);
  assert.equal(smtp.delivered[0]?.text?.trim(), 'Hi Bo');
});

test('without a mail server, the message stays in the outbox saying why, and no job is queued', async () => {
  const { jobs, mailer, logger } = setUp({ smtpUrl: undefined, from: 'tandem@tandem.test' });
  assert.equal(mailer.configured, false);

  const { id } = await mailer.send(message);
  const kept = await stored(id);
  assert.equal(kept.status, 'queued');
  assert.equal(kept.lastError, NOT_CONFIGURED);
  assert.equal(kept.text, message.text);
  assert.equal(kept.html, message.html);
  assert.equal(await jobs.runDueJobs({ includeDelayed: true }), 0);
  assert.doesNotMatch(logger.lines.join('\n'), new RegExp(signInLink));
});

test('an address or subject with a line break is refused before anything is stored', async () => {
  const { mailer } = setUp({ smtpUrl: undefined, from: 'tandem@tandem.test' });
  const before = await db.$count(outboxMessages);
  await assert.rejects(mailer.send({ ...message, subject: 'Hi\r\nBcc: eve@example.test' }), /one line/);
  await assert.rejects(mailer.send({ ...message, to: 'ada@example.test\nBcc: eve@example.test' }), /one line/);
  assert.equal(await db.$count(outboxMessages), before);
});

test('a message sent twice with one idempotency key is written and delivered once', async () => {
  const smtp = await startSmtpTestServer();
  after(() => smtp.close());
  const { jobs, mailer } = setUp({ smtpUrl: smtp.url, from: 'tandem@tandem.test' });
  const keyed = { to: 'cy@example.test', subject: 'Reminder', text: 'Hi Cy', idempotencyKey: 'reminder:cy:1' };

  const first = await mailer.send(keyed);
  const again = await mailer.send(keyed);
  assert.equal(again.id, first.id, 'the second send answers with the message written by the first');
  assert.equal(await db.$count(outboxMessages, eq(outboxMessages.idempotencyKey, keyed.idempotencyKey)), 1);
  await jobs.runDueJobs({ includeDelayed: true });
  assert.equal(smtp.delivered.filter((each) => each.text?.trim() === 'Hi Cy').length, 1);

  await mailer.send(keyed);
  assert.equal(await jobs.runDueJobs({ includeDelayed: true }), 0, 'a sent message is not queued again');
  const other = await mailer.send({ ...keyed, idempotencyKey: 'reminder:cy:2' });
  assert.notEqual(other.id, first.id, 'another key is another message');
});

test('a keyed message whose queueing failed is queued by the next send with its key', async () => {
  const smtp = await startSmtpTestServer();
  after(() => smtp.close());
  const { jobs } = setUp({ smtpUrl: undefined, from: 'tandem@tandem.test' });
  let refuseQueue = true;
  // The queue refuses once, as it would with the database briefly out of reach.
  const flakyJobs = {
    register: jobs.register.bind(jobs),
    send: (name: string, data: object) =>
      refuseQueue ? Promise.reject(new Error('queue unavailable')) : jobs.send(name, data),
  } as unknown as Jobs;
  const logger = recordingLogger();
  const mailer = createMailer({ db, jobs: flakyJobs, mail: { smtpUrl: smtp.url, from: 't@tandem.test' }, logger });
  const keyed = { to: 'di@example.test', subject: 'Nudge', text: 'Hi Di', idempotencyKey: 'nudge:di' };

  await assert.rejects(mailer.send(keyed), /queue unavailable/);
  const [written] = await db.select().from(outboxMessages).where(eq(outboxMessages.idempotencyKey, 'nudge:di'));
  assert.match(String(written?.lastError), /^Not queued for sending/);

  refuseQueue = false;
  const { id } = await mailer.send(keyed);
  assert.equal(id, written?.id, 'the same message, not a second one');
  assert.equal((await stored(id)).lastError, null);
  await jobs.runDueJobs({ includeDelayed: true });
  // Earlier tests' retries share the queue, so count only this message's deliveries.
  assert.equal(smtp.delivered.filter((each) => each.text?.trim() === 'Hi Di').length, 1);
  assert.equal((await stored(id)).status, 'sent');
});
