/**
 * What every benchmark script shares: a throwaway PostgreSQL database, timing pages over real
 * HTTP, and printing the figures. Benchmarks print figures; they never fail a build on them.
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

export interface Timing {
  label: string;
  /** Milliseconds, one per request, in the order made; empty when the page was not available. */
  samples: number[];
  note?: string;
}

/**
 * Requests `url` `warmUp` times unmeasured (JIT, plan and connection caches), then `requests`
 * times one after another, each timed from sending to the last byte of the body. Any status
 * but `expect` stops the run: a fast error page measures nothing.
 */
export async function timePage(
  label: string,
  url: string,
  { cookie, requests, warmUp, expect = 200 }: { cookie: string; requests: number; warmUp: number; expect?: number },
): Promise<Timing> {
  const fetchOnce = async () => {
    const started = performance.now();
    const response = await fetch(url, { headers: { cookie }, redirect: 'manual' });
    await response.text();
    return { status: response.status, ms: performance.now() - started };
  };
  const first = await fetchOnce();
  if (first.status !== expect) return { label, samples: [], note: `not available (HTTP ${first.status})` };
  for (let index = 1; index < warmUp; index += 1) await fetchOnce();
  const samples: number[] = [];
  for (let index = 0; index < requests; index += 1) {
    const { status, ms } = await fetchOnce();
    if (status !== expect) throw new Error(`${label}: HTTP ${status} on request ${index + 1}`);
    samples.push(ms);
  }
  return { label, samples };
}

/** The nearest-rank percentile: the smallest sample at least `p` per cent of samples are at or below. */
export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] ?? Number.NaN;
}

const mean = (samples: number[]) => samples.reduce((total, each) => total + each, 0) / samples.length;

/** The figures as a small table, and whether each page meets the p99 target. */
export function printTimings(timings: Timing[], { p99TargetMs }: { p99TargetMs: number }): void {
  const width = Math.max(...timings.map((timing) => timing.label.length), 4);
  const cell = (value: number) => value.toFixed(1).padStart(8);
  console.log(
    `\n${'page'.padEnd(width)}  ${'p50 ms'.padStart(8)}  ${'p99 ms'.padStart(8)}  ${'mean ms'.padStart(8)}  n`,
  );
  for (const { label, samples, note } of timings) {
    if (samples.length === 0) {
      console.log(`${label.padEnd(width)}  ${note ?? 'not available'}`);
      continue;
    }
    const p99 = percentile(samples, 99);
    console.log(
      `${label.padEnd(width)}  ${cell(percentile(samples, 50))}  ${cell(p99)}  ${cell(mean(samples))}  ${samples.length}` +
        `  ${p99 < p99TargetMs ? 'meets' : 'MISSES'} the ${p99TargetMs} ms p99 target`,
    );
  }
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
