import { mkdirSync } from 'node:fs';
import type { PGlite } from '@electric-sql/pglite';
import { sql, type SQL } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { projectPath } from '../project-path.ts';

/** One type for both drivers, so services and repositories never know which one they run on. */
export type AppDb = PgDatabase<PgQueryResultHKT>;

/** Rows of a raw SQL query, on either driver (node-postgres and PGlite both answer with `rows`). */
export async function queryRows<Row = Record<string, unknown>>(db: AppDb, query: SQL): Promise<Row[]> {
  const result = (await db.execute(query)) as unknown as { rows?: Row[] };
  return result.rows ?? [];
}

/** PostgreSQL's unique_violation, as pg and PGlite report it (drizzle wraps it in `cause`). */
export function isUniqueViolation(error: unknown): boolean {
  for (let current: unknown = error; current instanceof Error; current = current.cause) {
    if ((current as { code?: unknown }).code === '23505') return true;
  }
  return false;
}

export type DatabaseTarget =
  | { kind: 'pglite'; dataDir: string }
  | { kind: 'pglite-memory'; loadDataDir?: Blob }
  | { kind: 'postgres'; url: string };

export interface Database {
  readonly kind: 'pglite' | 'postgres';
  readonly db: AppDb;
  /** The embedded client, when there is one: tests dump it as a template. */
  readonly pglite?: PGlite;
  /** Applies every committed migration not yet applied. Safe to call from several processes at once. */
  migrate(): Promise<void>;
  /** Answers whether the database takes a query now (for /readyz). */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export const migrationsFolder = projectPath('migrations');

/** Any 64-bit number fixed for Tandem: concurrent starts take turns at migrating. */
const MIGRATION_LOCK_ID = 7_245_020_261;

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if (target.kind === 'postgres') return openPostgres(target.url);
  return openPglite(target);
}

/**
 * PGlite and its driver are imported only here, when the embedded database is used: loading them
 * costs a process on PostgreSQL some 60 MB of memory it would never use.
 */
async function openPglite(target: Exclude<DatabaseTarget, { kind: 'postgres' }>): Promise<Database> {
  const [{ PGlite }, { drizzle }, { migrate }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('drizzle-orm/pglite'),
    import('drizzle-orm/pglite/migrator'),
  ]);
  if (target.kind === 'pglite') mkdirSync(target.dataDir, { recursive: true });
  const client =
    target.kind === 'pglite'
      ? new PGlite(target.dataDir)
      : new PGlite(target.loadDataDir ? { loadDataDir: target.loadDataDir } : {});
  await client.waitReady;
  const db = drizzle(client);
  return {
    kind: 'pglite',
    db,
    pglite: client,
    migrate: () => migrate(db, { migrationsFolder }),
    ping: () => pingWith(db),
    close: closeOnce(() => client.close()),
  };
}

async function openPostgres(url: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle client that loses its server must not crash the process; the next query reports it.
  pool.on('error', () => undefined);
  const db = drizzlePg(pool);
  return {
    kind: 'postgres',
    db,
    migrate: async () => {
      const client = await pool.connect();
      try {
        await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_ID]);
        await migratePg(drizzlePg(client), { migrationsFolder });
      } finally {
        await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_ID]).catch(() => undefined);
        client.release();
      }
    },
    ping: () => pingWith(db),
    close: closeOnce(() => pool.end()),
  };
}

/** Shutdown paths may each close the database; the second close is a no-op, not an error. */
function closeOnce(close: () => Promise<void>): () => Promise<void> {
  let closing: Promise<void> | undefined;
  return () => (closing ??= close());
}

async function pingWith(db: AppDb): Promise<boolean> {
  try {
    await db.execute(sql`select 1`);
    return true;
  } catch {
    return false;
  }
}
