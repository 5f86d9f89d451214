/**
 * The server side of the page benchmarks, run as a process of its own so that its memory is the
 * app's alone and the load generator's work is not counted against it:
 *
 *   serve.js postgres <url>   the seeded England-scale database
 *   serve.js pglite           the embedded database with demo data
 *
 * load.ts compiles it first (to dist/bench/serve.js), as the server is compiled for deployment.
 *
 * It starts the whole app and, beside it in the same process, a bare Fastify server with one
 * route answering a fixed small HTML page: the reference the pages are compared with. Once both
 * listen it prints one line of JSON (the two addresses and the pages to load, each with a
 * signed-in cookie), then serves until SIGTERM.
 */
import Fastify from 'fastify';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { installBuiltinFrameworks } from '../../src/modules/frameworks/frameworks.service.ts';
import { secondFactorKey } from '../../src/modules/people/index.ts';
import { openDatabase, type Database } from '../../src/platform/db/database.ts';
import { loadAssetManifest } from '../../src/platform/views/assets.ts';
import { seedDemoData } from '../../src/seed/demo-data.ts';
import { demoPages, scalePages, type BenchPage } from './bench-pages.ts';

export interface Served {
  app: string;
  reference: string;
  pages: BenchPage[];
}

const [target, url] = process.argv.slice(2);
const environment = {
  NODE_ENV: 'development',
  LOG_LEVEL: 'silent',
  SEED_DEMO_DATA: 'false',
  ...(target === 'postgres' && url ? { DATABASE_URL: url } : {}),
};
const config = loadConfig(environment);
let database: Database;
if (target === 'postgres' && url) {
  database = await openDatabase({ kind: 'postgres', url });
} else if (target === 'pglite') {
  database = await openDatabase({ kind: 'pglite-memory' });
  await database.migrate();
  await installBuiltinFrameworks({ db: database.db });
  await seedDemoData(database.db, { mfaKey: secondFactorKey(config.sessionSecret) });
} else {
  throw new Error('Usage: serve.ts postgres <url> | serve.ts pglite');
}
const pages = target === 'postgres' ? await scalePages(database.db) : await demoPages(database.db);

const app = await buildApp({
  config,
  database,
  assets: loadAssetManifest(),
  ...(target === 'postgres' && url ? { jobsConnection: { kind: 'postgres' as const, connectionString: url } } : {}),
});
await app.jobs.start();
const reference = Fastify();
reference.get('/', async (_request, reply) =>
  reply.type('text/html; charset=utf-8').send('<!DOCTYPE html><title>Reference</title><p>A fixed small page.</p>'),
);
const served: Served = {
  app: await app.listen({ host: '127.0.0.1', port: 0 }),
  reference: await reference.listen({ host: '127.0.0.1', port: 0 }),
  pages,
};
process.stdout.write(`${JSON.stringify(served)}\n`);
process.on('SIGTERM', () => {
  Promise.all([app.close(), reference.close()]).then(
    () => process.exit(0),
    () => process.exit(1),
  );
});
