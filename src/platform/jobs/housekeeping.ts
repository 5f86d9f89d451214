import { lt, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { AppDb } from '../db/database.ts';
import type { Jobs } from './jobs.ts';

export interface ExpiryCleanup {
  /** The job's name, e.g. "sessions-cleanup". */
  name: string;
  table: PgTable;
  /** A timestamptz column: a row whose time has passed is deleted. */
  expiresAt: PgColumn;
  /** When to run, as cron in Europe/London time. */
  cron: string;
}

/**
 * A scheduled job that deletes rows whose expiry has passed. The platform knows no domain table,
 * so the module that owns one (sessions, invitations) is named where the app is put together.
 * Deleting is idempotent, so a failed run is simply retried or left to the next one.
 */
export function registerExpiryCleanup(jobs: Jobs, db: AppDb, cleanup: ExpiryCleanup): void {
  jobs.register(
    cleanup.name,
    async () => {
      // The database's clock, not this process's: every process agrees on what has expired.
      await db.delete(cleanup.table).where(lt(cleanup.expiresAt, sql`now()`));
    },
    { retryLimit: 1, retryDelay: 60, retryBackoff: false },
  );
  jobs.schedule(cleanup.name, cleanup.cron);
}
