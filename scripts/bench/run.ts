/**
 * `npm run bench`: the benchmarks one after another (each starts its own server or database, so
 * they must not overlap), with the same arguments (e.g. `-- --seconds 20`):
 *
 * - register-import.ts: the register import against a plain COPY of the same files;
 * - pages-postgres.ts: the pages under load at England scale (after `npm run seed:scale`);
 * - pages-pglite.ts: the same pages on the embedded database with the demo data.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const folder = fileURLToPath(new URL('.', import.meta.url));
const scripts = ['register-import.ts', 'pages-postgres.ts', 'pages-pglite.ts'];
const run = (script: string, args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', script, ...args], { stdio: 'inherit' }).status;

// The pages are served with the compiled stylesheet and script, as in use (a no-op when built).
if (run(`${folder}../build-assets.ts`, []) !== 0) process.exit(1);
let failed = 0;
for (const script of scripts) {
  console.log(`\n# ${script}`);
  if (run(`${folder}${script}`, process.argv.slice(2)) !== 0) failed += 1;
}
process.exitCode = failed > 0 ? 1 : 0;
