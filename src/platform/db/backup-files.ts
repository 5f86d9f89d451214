import { open } from 'node:fs/promises';

/** A refusal or failure that the person running a backup or restore can act on: its message is written for them. */
export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

/** Tables in every schema Tandem fills: its own (public), the job queue's (pgboss) and drizzle's migrations record. */
export const COUNT_TABLES_SQL = `select count(*)::int as tables from pg_catalog.pg_tables
  where schemaname not in ('pg_catalog', 'information_schema')`;

/** A UTC time that sorts, reads and fits in a file name on every system: 2025-01-15T102030Z. */
export function fileTimestamp(now: Date): string {
  const iso = now.toISOString();
  return `${iso.slice(0, 10)}T${iso.slice(11, 19).replaceAll(':', '')}Z`;
}

export function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * What kind of backup a file is, from its first bytes: pg_dump's custom format starts with "PGDMP";
 * an embedded database's data folder is a tar file, usually gzipped. Anything else is refused here,
 * before a database or folder is touched.
 */
export async function backupKindOf(path: string, shown: string): Promise<'postgres' | 'pglite'> {
  const head = Buffer.alloc(512);
  let length: number;
  try {
    const handle = await open(path, 'r');
    try {
      length = (await handle.read(head, 0, head.length, 0)).bytesRead;
    } finally {
      await handle.close();
    }
  } catch (error) {
    throw new BackupError(unreadableMessage(shown, error));
  }
  if (head.subarray(0, 5).toString('latin1') === 'PGDMP') return 'postgres';
  if (head[0] === 0x1f && head[1] === 0x8b) return 'pglite';
  if (length === 512 && head.subarray(257, 262).toString('latin1') === 'ustar') return 'pglite';
  throw new BackupError(
    `${shown} is not a Tandem backup: expected a PostgreSQL backup made by pg_dump --format=custom ` +
      'or a .tar.gz of an embedded database, as `npm run backup` makes. Nothing was changed.',
  );
}

function unreadableMessage(shown: string, error: unknown): string {
  switch (errorCode(error)) {
    case 'ENOENT':
      return `There is no file ${shown}. Nothing was changed.`;
    case 'EISDIR':
      return `${shown} is a folder, not a backup file. Nothing was changed.`;
    case 'EACCES':
    case 'EPERM':
      return `${shown} cannot be read: permission denied. Nothing was changed.`;
    default:
      return `${shown} cannot be read (${errorMessage(error)}). Nothing was changed.`;
  }
}

/** Whether a tar archive holds a file at `wanted` (relative to its root), reading only the ustar headers. */
export function tarHasEntry(tar: Uint8Array, wanted: string): boolean {
  const text = (from: number, length: number) =>
    Buffer.from(tar.buffer, tar.byteOffset + from, length)
      .toString('utf8')
      .replace(/\0.*$/s, '');
  for (let offset = 0; offset + 512 <= tar.length;) {
    if (text(offset + 257, 5) !== 'ustar') return false;
    const name = text(offset, 100);
    const prefix = text(offset + 345, 155);
    const path = (prefix ? `${prefix}/${name}` : name).replace(/^(\.?\/)+/, '');
    if (path === wanted) return true;
    const size = Number.parseInt(text(offset + 124, 12).trim() || '0', 8);
    if (!Number.isSafeInteger(size) || size < 0) return false;
    offset += 512 + Math.ceil(size / 512) * 512;
  }
  return false;
}
