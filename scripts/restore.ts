/**
 * Restores a backup made by `npm run backup` into the database in DATABASE_URL, or into the
 * embedded database's folder DATA_DIR:
 *
 *   npm run restore -- <file> [--replace]
 *
 * A refusal or failure prints why and exits with code 1, with nothing changed. See docs/backups.md.
 */
import { formatBytes, restoreDatabase } from '../src/platform/db/backup.ts';
import { exitWithUsage, readCommandLine, runOnAppDatabase } from './backup-command.ts';

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

const { file, flags } = readCommandLine({ help, flags: ['replace'], oneFileAtMost: 'Name one backup file.' });
if (file === undefined) exitWithUsage(help, 'Name the backup file to restore.');

await runOnAppDatabase(async (database) => {
  const report = await restoreDatabase({ target: database, file, replace: flags.has('replace') });
  console.log(
    `Restored ${file} (${formatBytes(report.bytes)}) into ${report.database}: ` +
      `${report.tables} tables, in ${report.seconds.toFixed(1)} s.`,
  );
  if (report.movedAside) {
    console.log(`The folder's previous contents are in ${report.movedAside}; delete it once you have checked.`);
  }
});
