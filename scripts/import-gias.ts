/**
 * Imports the DfE register (Get Information about Schools) into the database in DATABASE_URL,
 * or the embedded one in DATA_DIR, migrating it first:
 *
 *   npm run import:gias -- <establishments.csv> [trusts.csv] [ofsted.csv]
 *
 * Trusts are imported before establishments so that each school can be linked to its trust.
 * Running it again with the same files changes nothing. A file that is missing, or lacks a column
 * the import needs, stops it with exit code 1 before the database is opened.
 */
import { existsSync } from 'node:fs';
import { loadConfig } from '../src/config.ts';
import {
  checkGiasFiles,
  CsvFileError,
  importGiasRegister,
  type GiasFiles,
} from '../src/modules/organisations/gias/gias-import.service.ts';
import { formatImportReport } from '../src/modules/organisations/gias/gias-report.ts';
import { openDatabase } from '../src/platform/db/database.ts';

const [establishments, trusts, ofsted, ...extra] = process.argv.slice(2);
const usage = 'npm run import:gias -- <establishments.csv> [trusts.csv] [ofsted.csv]';
if (!establishments || extra.length > 0) {
  console.error(`Usage: ${usage}`);
  process.exit(2);
}
const missing = [establishments, trusts, ofsted].filter((path) => path !== undefined && !existsSync(path));
if (missing.length > 0) {
  console.error(`No such file: ${missing.join(', ')}`);
  process.exit(1);
}

const files: GiasFiles = {
  establishments: { path: establishments },
  ...(trusts ? { trusts: { path: trusts } } : {}),
  ...(ofsted ? { ofsted: { path: ofsted } } : {}),
};
try {
  await checkGiasFiles(files);
} catch (error) {
  if (!(error instanceof CsvFileError)) throw error;
  console.error(`${error.message}: expected ${usage}`);
  process.exit(1);
}

const config = loadConfig();
const database = await openDatabase(config.database);
try {
  await database.migrate();
  console.log(`Importing into the ${database.kind === 'postgres' ? 'PostgreSQL' : 'embedded'} database…`);
  const started = performance.now();
  const shownAt = new Map<string, number>();
  const reports = await importGiasRegister({
    db: database.db,
    files,
    onProgress: (report) => {
      // A line every 10,000 rows, so a long import is visibly alive.
      if (report.rows - (shownAt.get(report.kind) ?? 0) < 10_000) return;
      shownAt.set(report.kind, report.rows);
      console.log(`  ${report.kind}: ${report.rows.toLocaleString('en-GB')} rows…`);
    },
  });
  console.log(formatImportReport(reports));
  console.log(`Imported in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
} finally {
  await database.close();
}
