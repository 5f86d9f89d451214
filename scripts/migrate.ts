/**
 * Applies the committed migrations to the database in DATABASE_URL (or to the embedded
 * database in DATA_DIR when it is not set). The app also migrates on start; this is for
 * deployments that migrate as a separate step.
 */
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/platform/db/database.ts';

const config = loadConfig();
const database = await openDatabase(config.database);
const started = performance.now();
await database.migrate();
await database.close();
console.log(
  `Migrated the ${config.database.kind === 'postgres' ? 'PostgreSQL' : 'embedded'} database in ${Math.round(performance.now() - started)} ms.`,
);
