import type { AppDb } from '../../../platform/db/database.ts';
import { readCsv, sourceName, type CsvSource } from './csv-reader.ts';
import type { Validated } from './gias-rows.ts';

/**
 * The part of the register import every file shares: read rows, validate, refuse a repeated key,
 * write in batches of one transaction each, and count what happened. What a file's rows are and
 * how they are written is the caller's (the import service's) FilePlan.
 */

/** A row that was not written, or a note about one that was: its first line in the file and why. */
export interface LineNote {
  line: number;
  reason: string;
}

export type GiasFileKind = 'trusts' | 'establishments' | 'ofsted';

export interface FileReport {
  kind: GiasFileKind;
  file: string;
  /** Data rows read; created + updated + unchanged + rejected. */
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  rejections: LineNote[];
  /** Rows imported with something missing (a school whose trust is not in the register). */
  warnings: LineNote[];
  milliseconds: number;
}

export const DEFAULT_BATCH_SIZE = 2000;

/**
 * Batches written at once, each in its own transaction on its own connection. PostgreSQL spends a
 * core on each write, so a second writer uses the machine's other core while Node reads the file;
 * rows of one file never share a key, so the writes cannot wait on each other. PGlite runs one
 * transaction at a time: there the second writer queues.
 */
const WRITERS = 2;

export interface Pending<T> {
  line: number;
  record: T;
}

/**
 * What becomes of a valid row before anything is written: a record to write, or a row that matches
 * what is stored, counted unchanged and not sent.
 */
export type Prepared<W> = { write: W } | { unchanged: true };

/** What writing one batch did; rows neither counted nor rejected were unchanged. */
export interface BatchOutcome {
  created: number;
  updated: number;
  rejections: LineNote[];
}

export interface FilePlan<T, W> {
  kind: GiasFileKind;
  source: CsvSource;
  columns: readonly string[];
  validate(fields: Record<string, string>): Validated<T>;
  /** The record's identity in the file (URN or group UID), to refuse a second row for it. */
  key(record: T): number;
  keyName: string;
  /** Decides what becomes of a valid record, adding any warning to the report. */
  prepare(pending: Pending<T>, report: FileReport): Prepared<W>;
  /** Writes a batch in one statement, which the database runs as one transaction: all of it or none. */
  write(db: AppDb, batch: Array<Pending<W>>): Promise<BatchOutcome>;
}

const YIELD_EVERY = 500;

const NOTHING_WRITTEN: Promise<BatchOutcome> = Promise.resolve({ created: 0, updated: 0, rejections: [] });

export interface ImportOptions {
  /** Rows per write. */
  batchSize?: number;
  /** Called after each batch, for a progress line on long imports. */
  onProgress?: (report: FileReport) => void;
}

export async function importFile<T, W>(
  db: AppDb,
  plan: FilePlan<T, W>,
  { batchSize = DEFAULT_BATCH_SIZE, onProgress }: ImportOptions = {},
): Promise<FileReport> {
  const started = performance.now();
  const report: FileReport = {
    kind: plan.kind,
    file: sourceName(plan.source),
    rows: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    rejected: 0,
    rejections: [],
    warnings: [],
    milliseconds: 0,
  };
  const reject = (line: number, reason: string) => {
    report.rejected += 1;
    report.rejections.push({ line, reason });
  };
  const firstLineOf = new Map<number, number>();
  // A batch is batchSize valid rows: those to write, and a count of those that need no write.
  let batch: Array<Pending<W>> = [];
  let unchanged = 0;
  const count = (written: Array<Pending<W>>, alike: number, outcome: BatchOutcome) => {
    report.created += outcome.created;
    report.updated += outcome.updated;
    report.unchanged += alike + written.length - outcome.created - outcome.updated - outcome.rejections.length;
    for (const rejection of outcome.rejections) reject(rejection.line, rejection.reason);
    onProgress?.(report);
  };
  // The next batch is read and validated while earlier ones are written, WRITERS at a time. Each
  // batch's outcome is counted after the one before it, so progress grows batch by batch.
  let counted: Promise<void> = Promise.resolve();
  const writing: Array<Promise<void>> = [];
  const flush = async () => {
    if (batch.length + unchanged === 0) return;
    while (writing.length >= WRITERS) await writing.shift();
    const written = batch;
    const alike = unchanged;
    batch = [];
    unchanged = 0;
    const outcome = written.length > 0 ? writeBatch(db, plan, written) : NOTHING_WRITTEN;
    counted = Promise.all([counted, outcome]).then(([, result]) => count(written, alike, result));
    // A failure while the next batch is being read is thrown when this write is awaited, not reported as unhandled.
    counted.catch(() => undefined);
    writing.push(counted);
  };

  try {
    for await (const rows of readCsv(plan.source, plan.columns)) {
      for (const row of rows) {
        report.rows += 1;
        if (row.fields === undefined) {
          reject(row.line, row.problem);
          continue;
        }
        const validated = plan.validate(row.fields);
        if (!validated.ok) {
          reject(row.line, validated.reason);
          continue;
        }
        // The same school twice in one batch would make ON CONFLICT fail; in one file it is a mistake.
        const key = plan.key(validated.record);
        const firstLine = firstLineOf.get(key);
        if (firstLine !== undefined) {
          reject(row.line, `${plan.keyName} ${key} is already on line ${firstLine}`);
          continue;
        }
        firstLineOf.set(key, row.line);
        const prepared = plan.prepare({ line: row.line, record: validated.record }, report);
        if ('write' in prepared) batch.push({ line: row.line, record: prepared.write });
        else unchanged += 1;
        if (batch.length + unchanged >= batchSize) await flush();
        // Rows already read come without a turn of the event loop; without one now and then, a
        // finished write is noticed only when the batch after it is full, and its connection idles.
        if (report.rows % YIELD_EVERY === 0) await new Promise((resolve) => setImmediate(resolve));
      }
    }
    await flush();
    await counted;
  } finally {
    // A file that fails part-way (a read error, a failed write) must not leave writes running unobserved.
    await Promise.allSettled(writing);
  }
  report.rejections.sort((a, b) => a.line - b.line);
  report.milliseconds = Math.round(performance.now() - started);
  return report;
}

/**
 * One statement, so one transaction, per batch: an explicit transaction cost two more round trips
 * per batch, each of which waited for Node to come back from reading. Validation catches what it can; should the database still refuse
 * a batch over its data, each half is written on its own, and so on down to single rows, so that
 * only the refused rows are rejected and a batch with one bad row costs a few retries, not one per row.
 * Any other failure (the connection, a missing table) stops the import: it is not about a row.
 */
async function writeBatch<T, W>(db: AppDb, plan: FilePlan<T, W>, batch: Array<Pending<W>>): Promise<BatchOutcome> {
  try {
    return await plan.write(db, batch);
  } catch (error) {
    const refused = refusedData(error);
    if (refused === null) throw error;
    if (batch.length === 1) {
      return { created: 0, updated: 0, rejections: batch.map(({ line }) => ({ line, reason: refused })) };
    }
    const middle = Math.ceil(batch.length / 2);
    const first = await writeBatch(db, plan, batch.slice(0, middle));
    const second = await writeBatch(db, plan, batch.slice(middle));
    return {
      created: first.created + second.created,
      updated: first.updated + second.updated,
      rejections: [...first.rejections, ...second.rejections],
    };
  }
}

/**
 * The reason, when the database refused the data itself: SQLSTATE class 22 (data exception) or
 * 23 (integrity constraint). Drizzle wraps the driver's error, whose message omits the SQL.
 */
function refusedData(error: unknown): string | null {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  const code = typeof cause === 'object' && cause !== null && 'code' in cause ? String(cause.code) : '';
  if (!/^2[23]/.test(code)) return null;
  const message = cause instanceof Error ? cause.message : String(cause);
  return `the database refused the row (${message.split('\n')[0]})`;
}
