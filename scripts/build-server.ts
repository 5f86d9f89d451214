/**
 * `npm run build`: the assets, then the server compiled to plain JavaScript in dist/, to be run
 * with `npm run start:built` (`node dist/server.js`). Running from the sources (`npm start`)
 * keeps tsx's compiler in the process: a thread of its own and every module's transpiled text,
 * about 50 MB of the server's memory (195 MiB idle against 150). The compiled bundle holds
 * Tandem's own code only; the packages it uses are loaded from node_modules as usual.
 *
 * Also used by the page benchmarks, which measure the app as it is deployed.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Compiles `entries` (paths from the project's folder) into `outdir`, one file per entry. */
export async function buildServer({
  entries = { server: 'src/server.ts' },
  outdir = join(root, 'dist'),
}: { entries?: Record<string, string>; outdir?: string } = {}): Promise<void> {
  rmSync(outdir, { recursive: true, force: true });
  await build({
    absWorkingDir: root,
    entryPoints: Object.fromEntries(Object.entries(entries).map(([name, path]) => [name, join(root, path)])),
    outdir,
    bundle: true,
    // Lazily imported modules (the PDF export) stay in chunks of their own, loaded on first use.
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    sourcemap: true,
    logLevel: 'warning',
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const started = performance.now();
  await buildServer();
  console.log(`Built the server in ${Math.round(performance.now() - started)} ms: dist/server.js`);
}
