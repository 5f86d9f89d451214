import { setTimeout as sleep } from 'node:timers/promises';
import PgBoss from 'pg-boss';
import { openExecutor, type JobsConnection, type OpenedExecutor } from './connection.ts';

/** What a handler learns about the run it is part of, e.g. whether a failure now is final. */
export interface JobContext {
  readonly id: string;
  readonly name: string;
  /** 0 on the first attempt, 1 on the first retry, … */
  readonly retryCount: number;
  readonly retryLimit: number;
}

export type JobHandler<T> = (data: T, job: JobContext) => Promise<void>;

export interface RetryPolicy {
  /** Attempts after the first one; 0 means a failure is final. */
  retryLimit?: number;
  /** Seconds before the first retry. */
  retryDelay?: number;
  /** Double the delay at each retry (with jitter), so a server that is down is not hammered. */
  retryBackoff?: boolean;
}

export interface JobsLogger {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

interface Registration {
  handler: JobHandler<object>;
  retry: Required<RetryPolicy>;
}

const DEFAULT_RETRY: Required<RetryPolicy> = { retryLimit: 3, retryDelay: 30, retryBackoff: true };

/** pg-boss keeps its tables in their own schema, apart from the app's migrations. */
const SCHEMA = 'pgboss';
/** Any 64-bit number fixed for Tandem's queue set-up (the migrations and the demo seed hold others). */
const QUEUE_SETUP_LOCK_ID = 7_245_020_263;

/**
 * Background jobs on pg-boss, inside the app process, on PostgreSQL or PGlite.
 *
 * Handlers and schedules are declared while the app is built; the queue tables are created on
 * first use, so a process (or a test) can send jobs without running the worker. `start()` runs
 * the worker: one polling loop per queue, each running one job at a time, plus pg-boss's own
 * maintenance and cron. Jobs are fetched with `FOR UPDATE SKIP LOCKED`, so however many
 * processes share the database, each job runs once per attempt.
 */
export class Jobs {
  readonly #connection: JobsConnection;
  readonly #logger: JobsLogger;
  readonly #registrations = new Map<string, Registration>();
  readonly #schedules = new Map<string, string>();
  #executor: OpenedExecutor | undefined;
  #client: Promise<PgBoss> | undefined;
  #timekeeper: PgBoss | undefined;
  #pollers: Array<Promise<void>> = [];
  #stopping: AbortController | undefined;
  #stopped: Promise<void> | undefined;

  constructor(options: { connection: JobsConnection; logger: JobsLogger }) {
    this.#connection = options.connection;
    this.#logger = options.logger;
  }

  /** Declares what runs a job, and how it is retried when it throws. */
  register<T extends object>(name: string, handler: JobHandler<T>, retry: RetryPolicy = {}): void {
    if (this.#client) throw new Error(`Register job "${name}" before the queue is first used`);
    if (this.#registrations.has(name)) throw new Error(`Job "${name}" is already registered`);
    if (!/^[a-z0-9-]+$/.test(name)) throw new Error(`Job names are lowercase words and hyphens: "${name}"`);
    // A handler takes the data its own sender gave; the queue keeps it as JSON in between.
    this.#registrations.set(name, { handler: handler as JobHandler<object>, retry: { ...DEFAULT_RETRY, ...retry } });
  }

  /** Runs a registered job on a cron schedule (Europe/London time), from whichever process gets there first. */
  schedule(name: string, cron: string): void {
    if (this.#client) throw new Error(`Schedule job "${name}" before the queue is first used`);
    if (!this.#registrations.has(name)) throw new Error(`Register job "${name}" before scheduling it`);
    this.#schedules.set(name, cron);
  }

  /** Queues a job; it runs when a worker next polls, in this process or another. */
  async send<T extends object>(name: string, data: T): Promise<string> {
    if (!this.#registrations.has(name)) throw new Error(`No job is registered as "${name}"`);
    const boss = await this.#open();
    const id = await boss.send(name, data);
    if (!id) throw new Error(`The queue did not accept job "${name}"`);
    return id;
  }

  /** Starts the worker and the scheduler. The server calls it once the database is migrated. */
  async start({ pollingIntervalMs = 2000 }: { pollingIntervalMs?: number } = {}): Promise<void> {
    if (this.#stopping) return;
    await this.#open();
    const executor = this.#requireExecutor();
    // A second pg-boss instance carries maintenance (expiring stuck jobs, archiving) and cron:
    // the first may already be open without them, for sending, when start() is called.
    const timekeeper = new PgBoss({ db: executor, schema: SCHEMA, migrate: false, supervise: true, schedule: true });
    timekeeper.on('error', (error) => this.#logger.error({ err: error }, 'job scheduler error'));
    await timekeeper.start();
    this.#timekeeper = timekeeper;
    this.#stopping = new AbortController();
    const signal = this.#stopping.signal;
    this.#pollers = [...this.#registrations.keys()].map((name) => this.#poll(name, pollingIntervalMs, signal));
    this.#logger.info({ queues: [...this.#registrations.keys()] }, 'job worker started');
  }

  /**
   * Runs, once each, the jobs that are due now, in this process, and answers how many ran.
   * For tests and one-off scripts: deterministic where the polling worker is not. With
   * `includeDelayed`, jobs waiting for a retry delay run too (so a test need not wait it out).
   */
  async runDueJobs({ includeDelayed = false }: { includeDelayed?: boolean } = {}): Promise<number> {
    await this.#open();
    let ran = 0;
    for (const name of this.#registrations.keys()) ran += await this.#runBatch(name, 20, includeDelayed);
    return ran;
  }

  /** Stops polling, lets the jobs in hand finish, then stops pg-boss. Safe to call more than once. */
  stop(): Promise<void> {
    return (this.#stopped ??= this.#stop());
  }

  async #stop(): Promise<void> {
    this.#stopping?.abort();
    await Promise.all(this.#pollers);
    await this.#timekeeper?.stop({ graceful: false, close: false });
    const client = await this.#client?.catch(() => undefined);
    await client?.stop({ graceful: false, close: false });
    await this.#executor?.close();
  }

  #open(): Promise<PgBoss> {
    if (this.#client) return this.#client;
    if (this.#stopped) return Promise.reject(new Error('The job queue has stopped'));
    this.#client = this.#install().catch((error: unknown) => {
      this.#client = undefined; // let the next use try again rather than fail for ever
      throw error;
    });
    return this.#client;
  }

  /** Creates (or migrates) pg-boss's tables, one queue per registered job, and the schedules. */
  async #install(): Promise<PgBoss> {
    this.#executor ??= openExecutor(this.#connection, (error) =>
      this.#logger.error({ err: error }, 'job queue connection error'),
    );
    const boss = new PgBoss({ db: this.#executor, schema: SCHEMA, migrate: true, supervise: false, schedule: false });
    boss.on('error', (error) => this.#logger.error({ err: error }, 'job queue error'));
    await boss.start();
    // Creating a queue is idempotent, but two processes creating the same new one at once deadlock
    // (each queue is a partition with a foreign key to the queue list), so processes take turns.
    await this.#executor.exclusively(QUEUE_SETUP_LOCK_ID, async () => {
      for (const [name, { retry }] of this.#registrations) {
        await boss.createQueue(name, { name, ...retry });
        // Applies a policy changed since the queue was made.
        await boss.updateQueue(name, { name, ...retry });
      }
      for (const schedule of await boss.getSchedules()) {
        if (!this.#schedules.has(schedule.name)) await boss.unschedule(schedule.name);
      }
      for (const [name, cron] of this.#schedules) await boss.schedule(name, cron, {}, { tz: 'Europe/London' });
    });
    return boss;
  }

  #requireExecutor(): OpenedExecutor {
    if (!this.#executor) throw new Error('The job queue is not open');
    return this.#executor;
  }

  async #poll(name: string, intervalMs: number, signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      let ran = 0;
      try {
        ran = await this.#runBatch(name, 1, false);
      } catch (error) {
        this.#logger.error({ err: error, job: name }, 'job queue poll failed');
      }
      if (ran === 0) await sleep(intervalMs, undefined, { signal }).catch(() => undefined);
    }
  }

  /** Fetches up to `batchSize` jobs (locking them from other workers) and runs each in turn. */
  async #runBatch(name: string, batchSize: number, ignoreStartAfter: boolean): Promise<number> {
    const registration = this.#registrations.get(name);
    const boss = await this.#open();
    if (!registration) return 0;
    const jobs = await boss.fetch<object>(name, { batchSize, includeMetadata: true, ignoreStartAfter });
    for (const job of jobs) {
      const context: JobContext = { id: job.id, name, retryCount: job.retryCount, retryLimit: job.retryLimit };
      try {
        await registration.handler(job.data, context);
        await boss.complete(name, job.id);
      } catch (error) {
        const final = job.retryCount >= job.retryLimit;
        // Only the message: job data and stacks may hold what a log must not.
        const message = error instanceof Error ? error.message : String(error);
        this.#logger.warn(
          { job: name, jobId: job.id, retryCount: job.retryCount, final, error: message },
          'job failed',
        );
        await boss.fail(name, job.id, { message });
      }
    }
    return jobs.length;
  }
}

export function createJobs(options: { connection: JobsConnection; logger: JobsLogger }): Jobs {
  return new Jobs(options);
}
