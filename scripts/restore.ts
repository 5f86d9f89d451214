/**
 * Restores a backup made by `npm run backup` into the database in DATABASE_URL, or into the
 * embedded database's folder DATA_DIR:
 *
 *   npm run restore -- <file> [--replace]
 *
 * A refusal or failure prints why and exits with code 1, with nothing changed. See docs/backups.md.
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.ts';
import { BackupError, formatBytes, restoreDatabase } from '../src/platform/db/backup.ts';

const help = `Usage: npm run restore -- <file> [--replace]

Restores a backup made by \`npm run backup\`. Stop the app first.

With DATABASE_URL set, the file must be a PostgreSQL backup (.dump), restored by pg_restore
into that database, which must have no tables. With --replace, whatever the backup contains
is dropped from the database first and restored in its place.

Otherwise the file must be an embedded-database backup (.tar.gz), restored into DATA_DIR
(default ./data), which must be empty or not exist yet. With --replace, the folder's current
contents are moved aside to a folder beside it (named <folder>.replaced-<UTC time>), not deleted.

The embedded database can be used by one program at a time: the restore refuses a folder
that is open. Uploaded files (FILES_DIR) are restored separately; see docs/backups.md.`;

const { values, positionals } = parseCommandLine();
if (values.help) {
  console.log(help);
  process.exit(0);
}
const [file] = positionals;
if (file === undefined) {
  console.error(`Name the backup file to restore.\n\n${help}`);
  process.exit(2);
}

// The same settings as the app, which also reads .env: a backup of the wrong database would look like success.
if (existsSync('.env')) process.loadEnvFile('.env');
const config = loadConfig();
try {
  const report = await restoreDatabase({ target: config.database, file, replace: values.replace ?? false });
  console.log(
    `Restored ${file} (${formatBytes(report.bytes)}) into ${report.database}: ` +
      `${report.tables} tables, in ${report.seconds.toFixed(1)} s.`,
  );
  if (report.movedAside) {
    console.log(`The folder's previous contents are in ${report.movedAside}; delete it once you have checked.`);
  }
} catch (error) {
  if (!(error instanceof BackupError)) throw error;
  console.error(error.message);
  process.exit(1);
}

function parseCommandLine() {
  try {
    const parsed = parseArgs({
      options: { replace: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
    });
    if (parsed.positionals.length > 1) throw new Error('Name one backup file.');
    return parsed;
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${help}`);
    process.exit(2);
  }
}
