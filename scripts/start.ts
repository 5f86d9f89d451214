/**
 * `npm start`: compiles the assets (when they changed) in a second process while the server
 * opens and migrates its database in this one, then serves.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { exitOnStartFailure, startServer } from '../src/server.ts';

const assetsReady = new Promise<void>((resolve, reject) => {
  const build = spawn(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(new URL('build-assets.ts', import.meta.url))],
    {
      stdio: 'inherit',
    },
  );
  build.on('error', reject);
  build.on('exit', (code) =>
    code === 0 ? resolve() : reject(new Error(`the asset build failed (exit code ${code})`)),
  );
});

// Handled when awaited; until then a failed build must not count as an unhandled rejection.
assetsReady.catch(() => undefined);
await startServer({ assetsReady }).catch(exitOnStartFailure);
