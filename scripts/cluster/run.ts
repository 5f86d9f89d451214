/**
 * `npm run cluster`: two Tandem instances on the PostgreSQL database in DATABASE_URL, behind a
 * local nginx on PORT (default 3000) that shares requests between them in turn. Ctrl+C stops all
 * three. The instances share SESSION_SECRET, ENCRYPTION_KEY and FILES_DIR from the environment
 * (or .env); unset, both use the same development defaults. See docs/deployment.md.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildAssets } from '../build-assets.ts';
import { findNginx, startCluster } from './cluster.ts';

if (existsSync('.env')) process.loadEnvFile('.env');
const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  process.stderr.write('DATABASE_URL must name a PostgreSQL database: two instances cannot share an embedded one.\n');
  process.exit(78);
}
const nginxBinary = findNginx();
if (!nginxBinary) {
  process.stderr.write('nginx is not installed (on Debian: apt-get install nginx).\n');
  process.exit(1);
}

console.log(await buildAssets());
const dir = mkdtempSync(join(tmpdir(), 'tandem-cluster-'));
const port = Number(process.env.PORT ?? 3000);
const cluster = await startCluster({
  nginxBinary,
  dir,
  port,
  env: { ...process.env, FILES_DIR: resolve(process.env.FILES_DIR ?? 'uploads') },
  onOutput: (name, line) => process.stdout.write(`[${name}] ${line}\n`),
}).catch((error: unknown) => {
  process.stderr.write(`The cluster did not start: ${error instanceof Error ? error.message : String(error)}\n`);
  rmSync(dir, { recursive: true, force: true });
  process.exit(1);
});

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log('\nStopping nginx, then both instances (requests in flight finish first)…');
  await cluster.stop();
  rmSync(dir, { recursive: true, force: true });
  process.exit(0);
}
// Ctrl+C reaches the instances and nginx as well (one process group): each stops gracefully on
// its own, and stop() waits for all three. A signal to this process alone stops them in order.
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());

const [a, b] = cluster.instances;
console.log(
  [
    '',
    `Tandem (two instances behind nginx) is running at ${cluster.url}`,
    `  instance a: ${a.url} (pid ${a.process.pid})`,
    `  instance b: ${b.url} (pid ${b.process.pid})`,
    `  nginx config and logs: ${dir}`,
    'Press Ctrl+C to stop all three.',
    '',
  ].join('\n'),
);

// One instance ending on its own (a crash, or a kill to try failover) is reported; the other
// keeps serving through nginx until Ctrl+C.
for (const instance of cluster.instances) {
  void instance.exited.then((code) => {
    if (!stopping)
      console.log(`\nInstance ${instance.name} ended (exit code ${code}); nginx sends everything to the other.`);
  });
}
