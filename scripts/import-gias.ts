/**
 * Imports the DfE register (Get Information about Schools) into the database in DATABASE_URL,
 * or the embedded one in DATA_DIR, migrating it first:
 *
 *   npm run import:gias -- <establishments.csv> [trusts.csv] [ofsted.csv]
 *
 * Trusts are imported before establishments so that each school can be linked to its trust.
 * Running it again with the same files changes nothing. Exits 1 when a file cannot be read.
 */
import { existsSync } from 'node:fs';
import { loadConfig } from '../src/config.ts';
import { CsvFileError, importGiasRegister } from '../src/modules/organisations/gias/gias-import.service.ts';
import { formatImportReport } from '../src/modules/organisations/gias/gias-report.ts';
import { openDatabase } from '../src/platform/db/database.ts';

const [establishments, trusts, ofsted, ...extra] = process.argv.slice(2);
if (!establishments || extra.length > 0) {
  console.error('Usage: npm run import:gias -- <establishments.csv> [trusts.csv] [ofsted.csv]');
  process.exit(2);
}
const missing = [establishments, trusts, ofsted].filter((path) => path !== undefined && !existsSync(path));
if (missing.length > 0) {
  console.error(`No such file: ${missing.join(', ')}`);
  process.exit(1);
}

const config = loadConfig();
const database = await openDatabase(config.database);
let exitCode = 0;
try {
  await database.migrate();
  console.log(`Importing into the ${database.kind === 'postgres' ? 'PostgreSQL' : 'embedded'} database…`);
  const started = performance.now();
  const shownAt = new Map<string, number>();
  const reports = await importGiasRegister({
    db: database.db,
    files: {
      establishments: { path: establishments },
      ...(trusts ? { trusts: { path: trusts } } : {}),
      ...(ofsted ? { ofsted: { path: ofsted } } : {}),
    },
    onProgress: (report) => {
      // A line every 10,000 rows, so a long import is visibly alive.
      if (report.rows - (shownAt.get(report.kind) ?? 0) < 10_000) return;
      shownAt.set(report.kind, report.rows);
      console.log(`  ${report.kind}: ${report.rows.toLocaleString('en-GB')} rows…`);
    },
  });
  console.log(formatImportReport(reports));
  console.log(`Imported in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
} catch (error) {
  if (!(error instanceof CsvFileError)) throw error;
  console.error(error.message);
  exitCode = 1;
} finally {
  await database.close();
}
process.exit(exitCode);
