import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { test, type TestContext } from 'node:test';
import { fileURLToPath } from 'node:url';
import { adminQuery, databaseUrlFor } from '../test/support/database.ts';

/** The command as `npm run import:gias --` runs it, against a database of its own. */
const root = fileURLToPath(new URL('..', import.meta.url));
const sample = (name: string) => join(root, 'fixtures', 'gias-sample', name);

async function run(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/import-gias.ts', ...args], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += String(chunk)));
  child.stderr.on('data', (chunk) => (output += String(chunk)));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  return { code, output };
}

/** DATABASE_URL for a new PostgreSQL database when the suite runs on one, else DATA_DIR for a new embedded one. */
async function databaseFor(context: TestContext): Promise<Record<string, string>> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    const name = `tandem_import_${randomBytes(4).toString('hex')}`;
    await adminQuery(serverUrl, `create database ${name}`);
    context.after(() => adminQuery(serverUrl, `drop database if exists ${name} with (force)`));
    return { DATABASE_URL: databaseUrlFor(serverUrl, name) };
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'tandem-import-'));
  context.after(() => rmSync(dataDir, { recursive: true, force: true }));
  return { DATA_DIR: dataDir, DATABASE_URL: '' };
}

test('without an establishments file it prints how to use it; a missing file is named', async () => {
  const usage = await run([]);
  assert.equal(usage.code, 2);
  assert.match(usage.output, /Usage: npm run import:gias -- <establishments\.csv> \[trusts\.csv\] \[ofsted\.csv\]/);
  const missing = await run([sample('establishments.csv'), 'no-such-trusts.csv']);
  assert.equal(missing.code, 1);
  assert.match(missing.output, /No such file: no-such-trusts\.csv/);
});

test('it migrates, imports the sample and prints the counts and the time taken', async (context) => {
  const env = await databaseFor(context);
  const { code, output } = await run(
    [sample('establishments.csv'), sample('trusts.csv'), sample('ofsted_from_gias_20250115.csv')],
    env,
  );
  assert.equal(code, 0, output);
  assert.match(
    output,
    /Trusts from .*trusts\.csv: 6 rows in [\d.]+ s\n {2}6 created, 0 updated, 0 unchanged, 0 rejected/,
  );
  assert.match(
    output,
    /Establishments from .*: 139 rows in [\d.]+ s\n {2}139 created, 0 updated, 0 unchanged, 0 rejected/,
  );
  assert.match(
    output,
    /Ofsted ratings from .*: 115 rows in [\d.]+ s\n {2}0 created, 115 updated, 0 unchanged, 0 rejected/,
  );
  assert.match(output, /Imported in [\d.]+ s\./);
});

test('a file that is not the kind expected stops before the database is opened, without a stack trace', async (context) => {
  const dataDir = join(mkdtempSync(join(tmpdir(), 'tandem-import-')), 'never-created');
  context.after(() => rmSync(dirname(dataDir), { recursive: true, force: true }));
  const { code, output } = await run([sample('trusts.csv')], { DATA_DIR: dataDir, DATABASE_URL: '' });
  assert.equal(code, 1);
  assert.match(output, /trusts\.csv has no "URN", "EstablishmentName", .* columns: expected npm run import:gias -- /);
  assert.doesNotMatch(output, /\n\s+at /);
  assert.equal(existsSync(dataDir), false);
});
