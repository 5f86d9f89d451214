/**
 * Backs up the database in DATABASE_URL, or the embedded one in DATA_DIR, into one file:
 *
 *   npm run backup -- [file]
 *
 * A refusal or failure prints why and exits with code 1, leaving no file behind. See docs/backups.md.
 */
import { backupDatabase, defaultBackupFile, formatBytes } from '../src/platform/db/backup.ts';
import { readCommandLine, runOnAppDatabase } from './backup-command.ts';

const help = `Usage: npm run backup -- [file]

Backs up Tandem's database into one file.

With DATABASE_URL set, the PostgreSQL database is saved by pg_dump in its custom format
(default file backups/tandem-<UTC time>.dump). The app can keep running meanwhile.

Otherwise the embedded database in DATA_DIR (default ./data) is saved as a .tar.gz of its
data folder (default file backups/tandem-<UTC time>.tar.gz). Stop the app first: the embedded
database can be used by one program at a time, and the backup refuses a folder that is open.

Not in the file: uploaded files (FILES_DIR) and ENCRYPTION_KEY. Keep both as well;
see docs/backups.md.`;

const { file: named } = readCommandLine({ help, flags: [], oneFileAtMost: 'Name one backup file at most.' });
await runOnAppDatabase(async (database) => {
  const file = named ?? defaultBackupFile(database);
  const report = await backupDatabase({ target: database, file });
  console.log(
    `Backed up ${report.database} (${report.tables} tables) to ${file}: ` +
      `${formatBytes(report.bytes)} in ${report.seconds.toFixed(1)} s.`,
  );
  console.log('Uploaded files (FILES_DIR) and ENCRYPTION_KEY are not in it: keep them too (docs/backups.md).');
});
