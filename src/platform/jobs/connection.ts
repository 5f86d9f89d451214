import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { Database } from '../db/database.ts';

/** What pg-boss needs of a database: one function that runs SQL and answers rows. */
export interface SqlExecutor {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: Array<Record<string, unknown>> }>;
}

/**
 * Where the job queue keeps its tables. On PostgreSQL pg-boss gets a pool of its own (polling
 * must not wait behind page requests for a connection); on PGlite it shares the one client,
 * since one process owns the data folder.
 */
export type JobsConnection =
  { kind: 'pglite'; client: PGlite } | { kind: 'postgres'; connectionString: string } | { kind: 'pool'; pool: pg.Pool };

/**
 * The connection for an open database when no connection string is given (tests build the app
 * from a database object alone): the embedded client, or the app's own pool.
 */
export function jobsConnectionFor(database: Database): JobsConnection {
  if (database.pglite) return { kind: 'pglite', client: database.pglite };
  // Drizzle documents `$client` as the driver client it wraps; for node-postgres, the pool.
  const client: unknown = Reflect.get(database.db, '$client');
  if (client instanceof pg.Pool) return { kind: 'pool', pool: client };
  throw new Error('The job queue needs the database pool or a connection string');
}

export interface OpenedExecutor extends SqlExecutor {
  /** Runs `task` holding a PostgreSQL advisory lock: processes sharing the database take turns at it. */
  exclusively<T>(lockId: number, task: () => Promise<T>): Promise<T>;
  /** Ends the pool when the executor made it; a shared client is closed by its owner. */
  close(): Promise<void>;
}

export function openExecutor(connection: JobsConnection, onError: (error: Error) => void): OpenedExecutor {
  if (connection.kind === 'pglite') return pgliteExecutor(connection.client);
  if (connection.kind === 'pool') return poolExecutor(connection.pool, async () => undefined);
  const pool = new pg.Pool({ connectionString: connection.connectionString, max: 4, application_name: 'tandem-jobs' });
  // An idle connection that loses its server must not crash the process; the next query reports it.
  pool.on('error', onError);
  return poolExecutor(pool, () => pool.end());
}

function poolExecutor(pool: pg.Pool, close: () => Promise<void>): OpenedExecutor {
  return {
    executeSql: (text, values) => pool.query(text, values),
    async exclusively(lockId, task) {
      // The lock belongs to one connection, held aside while the task uses the others.
      const client = await pool.connect();
      try {
        await client.query('select pg_advisory_lock($1)', [lockId]);
        return await task();
      } finally {
        const unlocked = await client.query('select pg_advisory_unlock($1)', [lockId]).then(
          () => true,
          () => false,
        );
        // A connection that may still hold the lock is closed (which frees the lock), not reused.
        client.release(!unlocked);
      }
    },
    close,
  };
}

/**
 * pg-boss sends statements with parameters one at a time, and its schema changes and
 * maintenance as scripts without parameters wrapped in BEGIN … COMMIT. PGlite runs the first
 * with `query` and needs `exec` for the second. A script runs inside PGlite's own transaction so
 * that if a statement fails the session is rolled back, not left aborted for every later query
 * of the app (there is only one session). The script's own BEGIN and COMMIT then only warn.
 */
function pgliteExecutor(client: PGlite): OpenedExecutor {
  return {
    async executeSql(text, values) {
      if (values && values.length > 0) {
        const result = await client.query<Record<string, unknown>>(text, values);
        return { rows: result.rows };
      }
      const results = await client.transaction((transaction) => transaction.exec(text));
      const last = results.at(-1);
      return { rows: (last?.rows ?? []) as Array<Record<string, unknown>> };
    },
    // One process owns an embedded database: there is no one to take turns with.
    exclusively: (_lockId, task) => task(),
    close: async () => undefined,
  };
}
