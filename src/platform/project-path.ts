import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The project's folder (the one holding package.json), found from this file's place rather than
 * assumed from it: the app runs both from its sources (tsx) and from the compiled bundle in
 * dist/ (`npm run build`), which sit at different depths.
 */
function findProjectRoot(from: string): string {
  for (let folder = from; ; folder = dirname(folder)) {
    if (existsSync(join(folder, 'package.json'))) return folder;
    if (dirname(folder) === folder) throw new Error(`no package.json above ${from}`);
  }
}

const projectRoot = findProjectRoot(dirname(fileURLToPath(import.meta.url)));

/** A path inside the project: `projectPath('migrations')`. */
export function projectPath(...segments: string[]): string {
  return join(projectRoot, ...segments);
}
