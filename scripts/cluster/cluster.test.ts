/**
 * Two instances behind nginx on one fresh PostgreSQL database (on TEST_DATABASE_URL's server),
 * over real HTTP: what one instance does, the other sees; jobs and rate limits count once across
 * both; stopping one mid-load loses no write it acknowledged. Requests go through nginx, or
 * straight to an instance where it matters which one answers.
 *
 *   TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run test:cluster
 */
import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { inArray, sql } from 'drizzle-orm';
import { SIGN_IN_POLICY } from '../../src/modules/people/accounts.service.ts';
import { hashPassword } from '../../src/modules/people/index.ts';
import { plans } from '../../src/modules/plans/plans.tables.ts';
import { openDatabase, queryRows, type Database } from '../../src/platform/db/database.ts';
import { DELIVER_MAIL_JOB } from '../../src/platform/mail/mailer.ts';
import { outboxMessages } from '../../src/platform/mail/mail.tables.ts';
import { startSmtpTestServer, type SmtpTestServer } from '../../src/platform/mail/testing/smtp-test-server.ts';
import { adminQuery, databaseUrlFor } from '../../test/support/database.ts';
import { addMembership, createOrganisation, createPerson, type OrganisationRow } from '../../test/support/factories.ts';
import { planFormFields } from '../../test/support/plan-factories.ts';
import { findNginx, freePort, startCluster, type Cluster, type Instance } from './cluster.ts';
import { HttpClient } from './http-client.ts';

const nginxBinary = findNginx();
const PASSWORD = 'a long enough passphrase for the cluster';

let cluster: Cluster;
let database: Database;
let smtp: SmtpTestServer;
let trust: OrganisationRow;
let chiefExecutive: { email: string; displayName: string };
/** Signed in by the first test, and used again by the later ones. */
const browser = new HttpClient();
const cleanups: Array<() => Promise<unknown>> = [];

const planForm = (title: string, creationKey: string, csrfToken: string) =>
  planFormFields({ _csrf: csrfToken, creationKey, owner: trust.id, title, summary: 'Written through the cluster' });

const createdPlanId = (location: string | null) => /^\/plans\/([0-9a-f-]{36})\?done=created$/.exec(location ?? '')?.[1];

async function until(check: () => Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting until ${what}`);
    await sleep(100);
  }
}

describe('two instances behind nginx', { skip: nginxBinary ? false : 'nginx is not installed' }, () => {
  before(async () => {
    const serverUrl = process.env.TEST_DATABASE_URL;
    assert.ok(nginxBinary, 'the suite is skipped without nginx');
    if (!serverUrl) throw new Error('Set TEST_DATABASE_URL to a PostgreSQL server to run this test');
    const dir = mkdtempSync(join(tmpdir(), 'tandem-cluster-test-'));
    cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
    const name = `tandem_cluster_${process.pid}_${randomBytes(3).toString('hex')}`;
    await adminQuery(serverUrl, `create database ${name}`);
    cleanups.push(() => adminQuery(serverUrl, `drop database if exists ${name} with (force)`));
    smtp = await startSmtpTestServer();
    cleanups.push(() => smtp.close());
    const databaseUrl = databaseUrlFor(serverUrl, name);
    // Only what is given here: nothing from the shell or a .env file (the instances run in `dir`).
    cluster = await startCluster({
      nginxBinary,
      dir: join(dir, 'nginx'),
      port: await freePort(),
      cwd: dir,
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'production',
        DATABASE_URL: databaseUrl,
        SESSION_SECRET: randomBytes(32).toString('hex'),
        ENCRYPTION_KEY: randomBytes(32).toString('base64'),
        FILES_DIR: join(dir, 'files'),
        SMTP_URL: smtp.url,
        SEED_DEMO_DATA: 'false',
        LOG_LEVEL: 'warn',
      },
    });
    cleanups.push(() => cluster.stop());
    // The instances migrated the fresh database between them as they started.
    database = await openDatabase({ kind: 'postgres', url: databaseUrl });
    cleanups.push(() => database.close());
    trust = await createOrganisation(database.db);
    const person = await createPerson(database.db, { passwordHash: await hashPassword(PASSWORD) });
    await addMembership(database.db, person.id, trust.id, 'ceo');
    chiefExecutive = person;
  });

  after(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch((error: unknown) => console.error(error));
  });

  test('a person signed in through one instance is signed in on the other, and through nginx', async () => {
    const [a, b] = cluster.instances;
    // The form comes from b and is posted to a: the CSRF cookie and token hold on either.
    const { csrfToken } = await browser.formPage(`${b.url}/sign-in`);
    const signIn = await browser.request(`${a.url}/sign-in`, {
      form: { _csrf: csrfToken, email: chiefExecutive.email, password: PASSWORD },
    });
    assert.equal(signIn.status, 303, signIn.body);
    const account = await browser.request(`${b.url}/account`);
    assert.equal(account.status, 200);
    assert.ok(account.body.includes(chiefExecutive.displayName), 'b knows who is signed in');
    const answeredBy = new Set<string>();
    for (let n = 0; n < 4; n += 1) {
      const page = await browser.request(`${cluster.url}/account`);
      assert.equal(page.status, 200);
      answeredBy.add(page.headers.get('x-tandem-upstream') ?? '');
    }
    assert.deepEqual([...answeredBy].sort(), [a, b].map((instance) => `127.0.0.1:${instance.port}`).sort());
  });

  test('a form posted to one instance is seen on a page the other serves', async () => {
    const [a, b] = cluster.instances;
    const form = await browser.formPage(`${b.url}/plans/new`);
    const creationKey = /name="creationKey" value="([^"]+)"/.exec(form.body)?.[1];
    assert.ok(creationKey);
    const title = `Plan written on a ${randomUUID()}`;
    const created = await browser.request(`${a.url}/plans/new`, { form: planForm(title, creationKey, form.csrfToken) });
    assert.equal(created.status, 303, created.body);
    const planId = createdPlanId(created.headers.get('location'));
    assert.ok(planId);
    const page = await browser.request(`${b.url}/plans/${planId}`);
    assert.equal(page.status, 200);
    assert.ok(page.body.includes(title));
  });

  test('mail queued by either instance is sent exactly once, with both workers polling', async () => {
    const people = await Promise.all(Array.from({ length: 8 }, () => createPerson(database.db)));
    for (const [n, person] of people.entries()) {
      const instance = cluster.instances[n % 2] as Instance;
      const client = new HttpClient();
      const { csrfToken } = await client.formPage(`${instance.url}/password-reset`);
      const sent = await client.request(`${instance.url}/password-reset`, {
        form: { _csrf: csrfToken, email: person.email },
      });
      assert.equal(sent.status, 303);
    }
    const completed = async () => {
      const rows = await queryRows<{ total: string }>(
        database.db,
        sql`select count(*) as total from pgboss.job where name = ${DELIVER_MAIL_JOB} and state = 'completed'`,
      );
      return Number(rows[0]?.total) === people.length;
    };
    await until(completed, 'every message is sent');
    // A second run of a job, had there been one, would be under way by now: wait out a poll.
    await sleep(2_500);
    const recipients = people.map((person) => person.email).sort();
    const delivered = smtp.delivered.flatMap((message) => [message.to ?? []].flat().map((to) => to.text));
    assert.deepEqual(delivered.sort(), recipients);
    assert.equal(smtp.attempts(), people.length);
    const outbox = await database.db
      .select({ status: outboxMessages.status, attempts: outboxMessages.attempts })
      .from(outboxMessages)
      .where(inArray(outboxMessages.to, recipients));
    assert.deepEqual(
      outbox,
      recipients.map(() => ({ status: 'sent', attempts: 1 })),
    );
  });

  test('a rate limit counts the attempts made on both instances together', async () => {
    const client = new HttpClient();
    const { csrfToken } = await client.formPage(`${cluster.instances[0].url}/sign-in`);
    // Straight to each instance, with the address nginx would pass on for one client.
    const from = { 'x-forwarded-for': '198.51.100.23' };
    const attempt = (url: string, n: number) =>
      client.request(`${url}/sign-in`, {
        form: { _csrf: csrfToken, email: `nobody-${n}@example.test`, password: 'not the password' },
        headers: from,
      });
    const statuses: number[] = [];
    for (let n = 0; n < SIGN_IN_POLICY.perIpLimit + 2; n += 1) {
      statuses.push((await attempt((cluster.instances[n % 2] as Instance).url, n)).status);
    }
    const refused = Array.from({ length: SIGN_IN_POLICY.perIpLimit }, () => 400);
    assert.deepEqual(statuses, [...refused, 429, 429], 'the limit holds at the combined count, on a and on b');
    // nginx replaces the header with the address it sees: a client cannot take another's place in the count.
    assert.equal((await attempt(cluster.url, 0)).status, 400);
  });

  test('stopping one instance mid-load loses no acknowledged write', { timeout: 60_000 }, async (t) => {
    const [a, b] = cluster.instances;
    const total = 150;
    const stopAfter = 50;
    const { csrfToken } = await browser.formPage(`${cluster.url}/plans/new`);
    const acknowledged = new Map<string, string>();
    const failed: number[] = [];
    const afterExit: string[] = [];
    /** Answers from a to requests it was still handling when told to stop. */
    let finishedByA = 0;
    let aExited = false;
    void a.exited.then(() => (aExited = true));
    let stopped: Promise<number | null> | undefined;
    let next = 0;
    const poster = async () => {
      for (let n = next++; n < total; n = next++) {
        const creationKey = randomUUID();
        // Refused or failed requests are sent again with the same key, as a browser's retry is:
        // a write that did happen is then found, not made twice.
        for (let attempt = 1; !acknowledged.has(creationKey); attempt += 1) {
          assert.ok(attempt <= 5, `plan ${n} failed 5 times: ${failed.join(', ')}`);
          const startedAfterExit = aExited;
          const answer = await browser
            .request(`${cluster.url}/plans/new`, { form: planForm(`Load plan ${n}`, creationKey, csrfToken) })
            .catch(() => null);
          const planId = answer?.status === 303 ? createdPlanId(answer.headers.get('location')) : undefined;
          if (planId) acknowledged.set(creationKey, planId);
          else failed.push(answer?.status ?? 0);
          const upstream = answer?.headers.get('x-tandem-upstream') ?? '';
          if (startedAfterExit) afterExit.push(upstream);
          if (stopped && planId && upstream === `127.0.0.1:${a.port}`) finishedByA += 1;
        }
        if (acknowledged.size >= stopAfter) stopped ??= a.stop();
      }
    };
    await Promise.all(Array.from({ length: 6 }, poster));
    assert.equal(await stopped, 0, 'a finished its requests and closed cleanly');
    assert.equal(acknowledged.size, total);
    const rows = await database.db
      .select({ id: plans.id, creationKey: plans.creationKey })
      .from(plans)
      .where(inArray(plans.creationKey, [...acknowledged.keys()]));
    assert.deepEqual(
      new Map(rows.map((row) => [row.creationKey, row.id])),
      acknowledged,
      'every acknowledged plan is in the database, once, under the id its answer gave',
    );
    assert.ok(afterExit.length > 0, 'requests were still being sent once a had gone');
    assert.ok(
      afterExit.every((upstream) => upstream.endsWith(`127.0.0.1:${b.port}`)),
      `once a had gone, b answered everything (nginx moving on when a refused the connection): ${afterExit.join('; ')}`,
    );
    t.diagnostic(`a finished ${finishedByA} requests after SIGTERM; ${afterExit.length} were sent once it had gone`);
    t.diagnostic(`${failed.length} answers were not a success and were sent again: ${failed.join(', ') || 'none'}`);
  });
});
