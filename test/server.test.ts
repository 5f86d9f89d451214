import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { buildServer } from '../scripts/build-server.ts';

/** The real process, as `npm start` runs it: assets, configuration, migration, seeding, serving, shutdown. */
const root = fileURLToPath(new URL('..', import.meta.url));

function startServer(env: Record<string, string>, args = ['--import', 'tsx', 'scripts/start.ts']): ChildProcess {
  return spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'warn', HOST: '127.0.0.1', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

function collect(child: ChildProcess): { output: () => string; exited: Promise<number | null> } {
  let output = '';
  child.stdout?.on('data', (chunk) => (output += String(chunk)));
  child.stderr?.on('data', (chunk) => (output += String(chunk)));
  return { output: () => output, exited: new Promise((resolve) => child.on('exit', (code) => resolve(code))) };
}

async function waitFor<T>(check: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The home page and /readyz answer, then SIGTERM stops the process cleanly. */
async function expectServesThenStops({
  url,
  child,
  exited,
  output,
}: {
  url: string;
  child: ChildProcess;
  exited: Promise<number | null>;
  output: () => string;
}): Promise<void> {
  const page = await fetch(url);
  assert.equal(page.status, 200);
  assert.match(await page.text(), /<title>Home – Tandem<\/title>/);
  assert.equal((await fetch(`${url}/readyz`)).status, 200);
  child.kill('SIGTERM');
  assert.equal(await exited, 0, output());
}

test('a fresh start migrates, seeds, prints the URL and demo people, serves pages and stops cleanly on SIGTERM', async (context) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'tandem-server-'));
  context.after(() => rmSync(dataDir, { recursive: true, force: true }));
  const started = Date.now();
  const child = startServer({ DATA_DIR: dataDir });
  context.after(() => child.kill('SIGKILL'));
  const { output, exited } = collect(child);

  const url = await waitFor(() => /Tandem is running at (http:\/\/\S+)/.exec(output())?.[1], 60_000, 'the URL');
  context.diagnostic(`ready in ${Date.now() - started} ms`);
  assert.match(output(), /embedded database/);
  assert.match(output(), /ceo@demo\.tandem\.test\s+Chris Chief, Chief executive/);
  assert.match(output(), /password for all: "tandem demo passphrase"/);

  await expectServesThenStops({ url, child, exited, output });
});

test('a bad setting stops start-up with a message naming the variable', async () => {
  const child = startServer({ PORT: 'eighty', DATABASE_URL: 'mysql://nowhere' });
  const { output, exited } = collect(child);
  assert.equal(await exited, 78);
  assert.match(output(), /PORT: must be a port number/);
  assert.match(output(), /DATABASE_URL: must start with postgres:\/\//);
});

// After the first test, which built the assets: the compiled server, as `npm run start:built` runs it,
// finds the files it reads at start (migrations, frameworks, demo register) from dist/ as well.
test('the compiled server starts, serves a page and stops cleanly', async (context) => {
  const outdir = join(root, 'dist', 'server-test');
  await buildServer({ outdir });
  const dataDir = mkdtempSync(join(tmpdir(), 'tandem-built-'));
  context.after(() => {
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(outdir, { recursive: true, force: true });
  });
  const child = startServer({ DATA_DIR: dataDir }, [join(outdir, 'server.js')]);
  context.after(() => child.kill('SIGKILL'));
  const { output, exited } = collect(child);

  const url = await waitFor(() => /Tandem is running at (http:\/\/\S+)/.exec(output())?.[1], 60_000, 'the URL');
  await expectServesThenStops({ url, child, exited, output });
});
