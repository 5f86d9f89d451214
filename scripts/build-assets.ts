/**
 * Compiles Tandem's CSS from govuk-frontend's Sass and copies its JavaScript, giving the
 * entry files content-hashed names (so they can be cached for a year) listed in
 * public/assets/manifest.json. Skips the work when nothing changed since the last build.
 */
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const source = join(root, 'assets');
const output = join(root, 'public', 'assets');
const require = createRequire(import.meta.url);
const govukDist = join(dirname(require.resolve('govuk-frontend/package.json')), 'dist', 'govuk');

function hash(content: string | Buffer): string {
  return createHash('sha256').update(content).digest('hex').slice(0, 16);
}

function newestChange(directory: string): number {
  return readdirSync(directory, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .reduce((newest, entry) => Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs), 0);
}

export async function buildAssets({ force = false }: { force?: boolean } = {}): Promise<string> {
  const manifestFile = join(output, 'manifest.json');
  const inputsChanged = Math.max(newestChange(source), statSync(join(govukDist, '..', '..', 'package.json')).mtimeMs);
  if (existsSync(manifestFile) && statSync(manifestFile).mtimeMs > inputsChanged && !force) {
    return 'Assets are up to date.';
  }

  const started = performance.now();
  // Loaded only when there is work: the Sass compiler takes a moment to load.
  const sass = await import('sass');
  rmSync(output, { recursive: true, force: true });
  mkdirSync(join(output, 'images'), { recursive: true });

  const css = sass.compile(join(source, 'scss', 'application.scss'), {
    style: 'compressed',
    loadPaths: [join(root, 'node_modules')],
    quietDeps: true,
    silenceDeprecations: ['import', 'global-builtin'],
  }).css;
  const stylesheet = `tandem.${hash(css)}.css`;
  writeFileSync(join(output, stylesheet), css);

  // The entry module imports govuk-frontend by its hashed name, so both can be cached for good.
  const govukJs = readFileSync(join(govukDist, 'govuk-frontend.min.js'));
  const govukName = `govuk-frontend.${hash(govukJs)}.min.js`;
  writeFileSync(join(output, govukName), govukJs);
  let entry = readFileSync(join(source, 'js', 'application.mjs'), 'utf8').replace(
    './govuk-frontend.min.js',
    `./${govukName}`,
  );
  // Our own modules get hashed names too, and the entry imports them by those names.
  for (const name of readdirSync(join(source, 'js')).filter((file) => file !== 'application.mjs')) {
    const content = readFileSync(join(source, 'js', name));
    const hashedName = name.replace(/\.mjs$/, `.${hash(content)}.mjs`);
    writeFileSync(join(output, hashedName), content);
    entry = entry.replace(`./${name}`, `./${hashedName}`);
  }
  const script = `application.${hash(entry)}.mjs`;
  writeFileSync(join(output, script), entry);

  for (const image of readdirSync(join(source, 'images'))) {
    copyFileSync(join(source, 'images', image), join(output, 'images', image));
  }
  writeFileSync(manifestFile, `${JSON.stringify({ stylesheet, script }, null, 2)}\n`);
  return `Built assets in ${Math.round(performance.now() - started)} ms: ${stylesheet}, ${script}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(await buildAssets({ force: process.argv.includes('--force') }));
}
