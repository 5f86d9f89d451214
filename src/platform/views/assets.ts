import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectPath } from '../project-path.ts';

/** Where `npm run build:assets` writes the compiled CSS, JS and images, served at /assets/. */
export const publicDir = projectPath('public');

/** File names with a content hash, so browsers may cache them for a year. */
export interface AssetManifest {
  readonly stylesheet: string;
  readonly script: string;
}

export function loadAssetManifest(directory: string = publicDir): AssetManifest {
  const file = join(directory, 'assets', 'manifest.json');
  if (!existsSync(file)) {
    throw new Error(`The compiled assets are missing (${file}). Run "npm run build:assets" first.`);
  }
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as Partial<AssetManifest>;
  if (typeof manifest.stylesheet !== 'string' || typeof manifest.script !== 'string') {
    throw new Error(`The asset manifest ${file} is incomplete. Run "npm run build:assets" again.`);
  }
  return { stylesheet: manifest.stylesheet, script: manifest.script };
}
