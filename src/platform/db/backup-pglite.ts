import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { PGlite } from '@electric-sql/pglite';
import { BackupError, COUNT_TABLES_SQL, errorCode, errorMessage, fileTimestamp, tarHasEntry } from './backup-files.ts';

/**
 * PGlite takes no lock on its folder: two processes can open it at once and corrupt it. While it
 * has a folder open it keeps a postmaster.pid file there, removed when it closes cleanly, so that
 * file is the sign that the app (or anything else) is using the folder.
 */
const IN_USE_FILE = 'postmaster.pid';

function assertNotInUse(dataDir: string): void {
  if (!existsSync(join(dataDir, IN_USE_FILE))) return;
  throw new BackupError(
    `The data folder ${dataDir} is in use: Tandem, or another program, has the embedded database open. ` +
      'Stop it and try again; the embedded database can be used by one program at a time. ' +
      'If nothing is running, it was stopped abruptly last time: start it and stop it once ' +
      '(or run `npm run db:migrate`), then try again. Nothing was changed.',
  );
}

/** Backs up the data folder into `file` as PGlite's own gzipped tar; answers how many tables it holds. */
export async function dumpPglite(dataDir: string, file: string): Promise<number> {
  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    throw new BackupError(`There is no embedded database in ${dataDir} (DATA_DIR), so there is nothing to back up.`);
  }
  assertNotInUse(dataDir);
  const client = new PGlite(dataDir);
  try {
    await client.waitReady;
    const tables = await countTables(client);
    const dump = await client.dumpDataDir('gzip');
    await writeFile(file, new Uint8Array(await dump.arrayBuffer()));
    return tables;
  } finally {
    await client.close();
  }
}

/**
 * Restores a data-folder backup into `dataDir`, which must be empty or absent unless `replace` is
 * set. The backup is loaded into a folder beside it first, so a bad file changes nothing; with
 * `replace` the previous contents are moved aside rather than deleted.
 */
export async function restorePglite({
  dataDir,
  file,
  shown,
  replace,
}: {
  dataDir: string;
  file: string;
  /** The file as the person named it, for messages. */
  shown: string;
  replace: boolean;
}): Promise<{ tables: number; movedAside?: string }> {
  const tar = await readDataDirArchive(file, shown);
  const present = await folderEntries(dataDir);
  assertNotInUse(dataDir);
  if (present.length > 0 && !replace) {
    throw new BackupError(
      `The data folder ${dataDir} is not empty, so nothing was restored. Restore into an empty or new folder ` +
        '(set DATA_DIR), or add --replace to put the backup in its place (the current contents are moved aside).',
    );
  }
  await mkdir(dirname(dataDir), { recursive: true });
  const staging = await mkdtemp(join(dirname(dataDir), `.${basename(dataDir)}-restoring-`));
  try {
    const tables = await loadInto(staging, tar).catch((error: unknown) => {
      throw new BackupError(`${shown} could not be restored (${errorMessage(error)}). Nothing was changed.`);
    });
    const movedAside = present.length > 0 ? `${dataDir}.replaced-${fileTimestamp(new Date())}` : undefined;
    if (movedAside) await moveContents(dataDir, movedAside);
    await moveContents(staging, dataDir);
    return movedAside ? { tables, movedAside } : { tables };
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/** The backup as a plain tar, checked to be a data folder before anything on disk is touched. */
async function readDataDirArchive(file: string, shown: string): Promise<Buffer<ArrayBuffer>> {
  const bytes = await readFile(file);
  let tar = bytes;
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      tar = gunzipSync(bytes);
    } catch {
      throw new BackupError(`${shown} is damaged: it cannot be decompressed. Nothing was changed.`);
    }
  }
  if (!tarHasEntry(tar, 'PG_VERSION')) {
    throw new BackupError(
      `${shown} is not a backup of an embedded Tandem database (it holds no PG_VERSION file). Nothing was changed.`,
    );
  }
  return tar;
}

async function folderEntries(dataDir: string): Promise<string[]> {
  try {
    return await readdir(dataDir);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return [];
    if (errorCode(error) === 'ENOTDIR') {
      throw new BackupError(`${dataDir} is a file, not a folder: DATA_DIR must name a folder. Nothing was changed.`);
    }
    throw error;
  }
}

/** Unpacks the archive into the empty folder; closing PGlite is what leaves it complete on disk. */
async function loadInto(folder: string, tar: Buffer<ArrayBuffer>): Promise<number> {
  const client = new PGlite(folder, { loadDataDir: new Blob([tar]) });
  let tables: number;
  try {
    await client.waitReady;
    tables = await countTables(client);
  } catch (error) {
    await client.close().catch(() => undefined);
    throw error;
  }
  await client.close();
  return tables;
}

async function countTables(client: PGlite): Promise<number> {
  const result = await client.query<{ tables: number }>(COUNT_TABLES_SQL);
  return result.rows[0]?.tables ?? 0;
}

/** Moves what a folder holds rather than the folder itself, which may be a mount point (a container's volume). */
async function moveContents(from: string, to: string): Promise<void> {
  await mkdir(to, { recursive: true });
  for (const entry of await readdir(from)) {
    try {
      await rename(join(from, entry), join(to, entry));
    } catch (error) {
      if (errorCode(error) !== 'EXDEV') throw error;
      await cp(join(from, entry), join(to, entry), { recursive: true });
      await rm(join(from, entry), { recursive: true, force: true });
    }
  }
}
