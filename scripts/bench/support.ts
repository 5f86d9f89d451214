/**
 * What the benchmark scripts share: a throwaway PostgreSQL database, and their options.
 * Benchmarks print figures; they never fail a build on them.
 */
import { randomBytes } from 'node:crypto';
import { openDatabase, type Database } from '../../src/platform/db/database.ts';
import { adminQuery, databaseUrlFor } from '../../test/support/database.ts';

/** The PostgreSQL server to create bench databases on (any database name in it will do). */
export const benchServerUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface BenchDatabase {
  name: string;
  url: string;
  database: Database;
  /** Closes the connections, then drops the database unless it is to be kept. */
  finish(options: { keep: boolean }): Promise<void>;
}

/** A new, migrated database named after the bench, e.g. tandem_bench_reviews_1a2b3c. */
export async function createBenchDatabase(bench: string): Promise<BenchDatabase> {
  const name = `tandem_bench_${bench}_${randomBytes(3).toString('hex')}`;
  await adminQuery(benchServerUrl, `create database ${name}`);
  const url = databaseUrlFor(benchServerUrl, name);
  const database = await openDatabase({ kind: 'postgres', url });
  await database.migrate();
  return {
    name,
    url,
    database,
    finish: async ({ keep }) => {
      await database.close();
      if (!keep) await adminQuery(benchServerUrl, `drop database if exists ${name} with (force)`);
    },
  };
}

/** `--name value` or `--name=value` from the command line, as a positive whole number. */
export function numberOption(args: string[], name: string, fallback: number): number {
  const at = args.findIndex((arg) => arg === `--${name}` || arg.startsWith(`--${name}=`));
  if (at === -1) return fallback;
  const raw = args[at]?.includes('=') ? args[at]?.split('=')[1] : args[at + 1];
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} takes a whole number above 0`);
  return value;
}
