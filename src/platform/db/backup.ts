/**
 * Backups of Tandem's database, as one file: pg_dump's custom format for PostgreSQL, or PGlite's
 * own tar of the data folder for the embedded database. See docs/backups.md.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { BackupError, backupKindOf, fileTimestamp } from './backup-files.ts';
import { dumpPglite, restorePglite } from './backup-pglite.ts';
import { describePostgres, dumpPostgres, restorePostgres } from './backup-postgres.ts';

export { BackupError };

/** Where the data is: the two shapes of the app's configured database. */
export type BackupTarget = { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string };

export interface BackupReport {
  /** The backup file, as an absolute path. */
  file: string;
  bytes: number;
  seconds: number;
  /** Tables in the database backed up or restored, counted in every schema. */
  tables: number;
  /** The database in words, without any password: "the embedded database in /srv/tandem/data". */
  database: string;
  /** After restoring over an embedded database with `replace`: where its previous contents now are. */
  movedAside?: string;
}

/** backups/tandem-2025-01-15T102030Z.dump (PostgreSQL) or .tar.gz (embedded), relative to the working folder. */
export function defaultBackupFile(target: BackupTarget, now = new Date()): string {
  return join('backups', `tandem-${fileTimestamp(now)}${target.kind === 'postgres' ? '.dump' : '.tar.gz'}`);
}

export async function backupDatabase({ target, file }: { target: BackupTarget; file: string }): Promise<BackupReport> {
  const started = performance.now();
  const path = resolve(file);
  if (existsSync(path)) {
    throw new BackupError(`${file} already exists. Name another file, or move the old backup away first.`);
  }
  // A backup holds personal data: only its owner may read it (the folder too, when this makes it).
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  // Written under another name and renamed when complete, so a failed backup never leaves a file that looks whole.
  const partial = `${path}.partial-${randomBytes(4).toString('hex')}`;
  try {
    await writeFile(partial, '', { flag: 'wx', mode: 0o600 });
    const tables =
      target.kind === 'postgres'
        ? await dumpPostgres(target.url, partial)
        : await dumpPglite(resolve(target.dataDir), partial);
    await rename(partial, path);
    return {
      file: path,
      bytes: (await stat(path)).size,
      seconds: secondsSince(started),
      tables,
      database: describe(target),
    };
  } finally {
    await rm(partial, { force: true });
  }
}

/**
 * Restores a backup into an empty database (or an empty or new data folder). With `replace`, a
 * PostgreSQL database has what the backup contains dropped and restored, and an embedded
 * database's folder has its contents moved aside. Every refusal happens before anything changes.
 */
export async function restoreDatabase({
  target,
  file,
  replace = false,
}: {
  target: BackupTarget;
  file: string;
  replace?: boolean;
}): Promise<BackupReport> {
  const started = performance.now();
  const path = resolve(file);
  const kind = await backupKindOf(path, file);
  if (kind !== target.kind) throw new BackupError(wrongKindMessage(file, kind));
  const restored =
    target.kind === 'postgres'
      ? { tables: await restorePostgres({ url: target.url, file: path, replace }) }
      : await restorePglite({ dataDir: resolve(target.dataDir), file: path, shown: file, replace });
  return {
    file: path,
    bytes: (await stat(path)).size,
    seconds: secondsSince(started),
    database: describe(target),
    ...restored,
  };
}

/** 1.4 MB, 830 kB, 120 bytes. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1_000_000) return `${(bytes / 1_000_000).toFixed(1)} MB`;
  if (bytes >= 1_000) return `${Math.round(bytes / 1_000)} kB`;
  return `${bytes} bytes`;
}

function wrongKindMessage(file: string, kind: 'postgres' | 'pglite'): string {
  return kind === 'postgres'
    ? `${file} is a backup of a PostgreSQL database (made by pg_dump), but DATABASE_URL is not set. ` +
        'To restore it, set DATABASE_URL to an empty PostgreSQL database. Nothing was changed.'
    : `${file} is a backup of an embedded database (a tar of its data folder), not a PostgreSQL backup, ` +
        'but DATABASE_URL is set. To restore it, unset DATABASE_URL and set DATA_DIR to an empty folder. ' +
        'Nothing was changed.';
}

function describe(target: BackupTarget): string {
  return target.kind === 'postgres'
    ? describePostgres(target.url)
    : `the embedded database in ${resolve(target.dataDir)}`;
}

function secondsSince(started: number): number {
  return (performance.now() - started) / 1000;
}
