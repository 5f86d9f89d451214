/**
 * `npm run bench`: every benchmark script in this folder, one after another (each starts its own
 * server and database, so they must not overlap), with the same arguments (e.g. `-- --keep`).
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const folder = fileURLToPath(new URL('.', import.meta.url));
/** A bench script is a .ts file here that runs on its own: not this one, the shared support, or a seed. */
const scripts = readdirSync(folder)
  .filter((name) => name.endsWith('.ts') && !['run.ts', 'support.ts'].includes(name) && !name.endsWith('-seed.ts'))
  .sort();

let failed = 0;
for (const script of scripts) {
  console.log(`\n# ${script}`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', `${folder}${script}`, ...process.argv.slice(2)], {
    stdio: 'inherit',
  });
  if (result.status !== 0) failed += 1;
}
process.exitCode = failed > 0 ? 1 : 0;
