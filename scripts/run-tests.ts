/**
 * Runs a test suite with node:test. Node 20's `node --test` does not expand globs, so this
 * lists the files, builds the assets, migrates one template database and hands it to every
 * test file through the environment (each file then gets its own copy), and cleans up after.
 *
 *   tsx scripts/run-tests.ts [unit|e2e|all|cluster] [files...]
 *
 * With TEST_DATABASE_URL set, database tests run on that PostgreSQL server instead of PGlite.
 * `cluster` (two instances behind nginx, scripts/cluster) needs it, and is in no other suite.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../src/platform/db/database.ts';
import { adminQuery, databaseUrlFor } from '../test/support/database.ts';
import { buildAssets } from './build-assets.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const [suiteArgument = 'unit', ...explicitFiles] = process.argv.slice(2);
const suite = suiteArgument as 'unit' | 'e2e' | 'all' | 'cluster';

function testFiles(directory: string): string[] {
  return readdirSync(join(root, directory), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.test\.tsx?$/.test(entry.name))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)))
    .sort();
}

// The cluster test starts processes, nginx and a database of its own; it runs only when asked for.
const clusterFiles = testFiles('scripts/cluster');
const scriptFiles = testFiles('scripts').filter((file) => !clusterFiles.includes(file));
const files =
  explicitFiles.length > 0
    ? explicitFiles
    : suite === 'cluster'
      ? clusterFiles
      : [
          ...(suite === 'e2e' ? [] : [...testFiles('src'), ...testFiles('test'), ...scriptFiles]),
          ...(suite === 'unit' ? [] : testFiles('e2e')),
        ];
if (files.length === 0) {
  console.error(`No test files found for suite "${suite}".`);
  process.exit(1);
}

console.log(`# ${await buildAssets()}`);

const env: Record<string, string | undefined> = { ...process.env, NODE_ENV: 'test' };
const cleanups: Array<() => Promise<void>> = [];
const serverUrl = process.env.TEST_DATABASE_URL;

if (suite === 'cluster') {
  console.log('# database: the cluster test makes its own on TEST_DATABASE_URL, and its instances migrate it');
} else if (serverUrl) {
  const template = `tandem_template_${process.pid}_${randomBytes(3).toString('hex')}`;
  await adminQuery(serverUrl, `create database ${template}`);
  const database = await openDatabase({ kind: 'postgres', url: databaseUrlFor(serverUrl, template) });
  await database.migrate();
  await database.close();
  env.TANDEM_PG_TEMPLATE = template;
  cleanups.push(async () => {
    await adminQuery(serverUrl, `drop database if exists ${template} with (force)`);
  });
  console.log(`# database: PostgreSQL (${new URL(serverUrl).host}), template ${template}`);
} else {
  const database = await openDatabase({ kind: 'pglite-memory' });
  await database.migrate();
  if (!database.pglite) throw new Error('expected an embedded database');
  const dump = await database.pglite.dumpDataDir('gzip');
  await database.close();
  const templateFile = join(tmpdir(), `tandem-template-${process.pid}.tar.gz`);
  writeFileSync(templateFile, Buffer.from(await dump.arrayBuffer()));
  env.TANDEM_PGLITE_TEMPLATE = templateFile;
  cleanups.push(async () => rmSync(templateFile, { force: true }));
  console.log('# database: PGlite (embedded), migrated template loaded per test file');
}

const concurrency = process.env.TEST_CONCURRENCY ?? '2';
const child = spawn(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-reporter=tap', `--test-concurrency=${concurrency}`, ...files],
  { cwd: root, env, stdio: 'inherit' },
);
const code: number = await new Promise((resolve) => child.on('close', (status) => resolve(status ?? 1)));
for (const cleanup of cleanups) await cleanup();
process.exit(code);
