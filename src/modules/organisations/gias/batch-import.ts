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

export const DEFAULT_BATCH_SIZE = 1000;

export interface Pending<T> {
  line: number;
  record: T;
}

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
  /** Turns a valid record into what is written, with any warning; runs before the batch is written. */
  prepare(pending: Pending<T>, report: FileReport): W;
  write(db: AppDb, batch: Array<Pending<W>>): Promise<BatchOutcome>;
}

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
  let batch: Array<Pending<W>> = [];
  // The next batch is read and validated while the last one is being written; writes stay in order.
  let writing: Promise<void> = Promise.resolve();
  let failure: { error: unknown } | undefined;
  const settle = async () => {
    await writing;
    if (failure) throw failure.error;
  };
  const flush = async () => {
    await settle();
    if (batch.length === 0) return;
    const written = batch;
    batch = [];
    writing = writeBatch(db, plan, written).then(
      (outcome) => {
        report.created += outcome.created;
        report.updated += outcome.updated;
        report.unchanged += written.length - outcome.created - outcome.updated - outcome.rejections.length;
        for (const rejection of outcome.rejections) reject(rejection.line, rejection.reason);
        onProgress?.(report);
      },
      (error: unknown) => {
        failure = { error };
      },
    );
  };

  try {
    for await (const row of readCsv(plan.source, plan.columns)) {
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
      batch.push({ line: row.line, record: plan.prepare({ line: row.line, record: validated.record }, report) });
      if (batch.length >= batchSize) await flush();
    }
    await flush();
    await settle();
  } finally {
    // A file that fails part-way (a read error) must not leave its last write running unobserved.
    await writing;
  }
  report.rejections.sort((a, b) => a.line - b.line);
  report.milliseconds = Math.round(performance.now() - started);
  return report;
}

/**
 * One transaction per batch. Validation catches what it can; should the database still refuse
 * a batch over its data, the rows are written one by one so that only the refused row is rejected.
 * Any other failure (the connection, a missing table) stops the import: it is not about a row.
 */
async function writeBatch<T, W>(db: AppDb, plan: FilePlan<T, W>, batch: Array<Pending<W>>): Promise<BatchOutcome> {
  try {
    return await db.transaction((tx) => plan.write(tx, batch));
  } catch (error) {
    const refused = refusedData(error);
    if (refused === null) throw error;
    if (batch.length === 1) {
      return { created: 0, updated: 0, rejections: batch.map(({ line }) => ({ line, reason: refused })) };
    }
    const total: BatchOutcome = { created: 0, updated: 0, rejections: [] };
    for (const pending of batch) {
      const outcome = await writeBatch(db, plan, [pending]);
      total.created += outcome.created;
      total.updated += outcome.updated;
      total.rejections.push(...outcome.rejections);
    }
    return total;
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
