import { readFileSync } from 'node:fs';
import { parseFrameworkDocument, type FrameworkDocument } from '../framework-document.ts';
import { projectPath } from '../../../platform/project-path.ts';

/**
 * The frameworks Tandem ships with, read once when the module loads. They are files rather than
 * code so that they are checked by exactly the importer people use, and so that they can be
 * exported and edited like any other framework.
 */
function loadBuiltin(fileName: string): FrameworkDocument {
  const text = readFileSync(projectPath('src', 'modules', 'frameworks', 'builtin', fileName), 'utf8');
  const result = parseFrameworkDocument(text, 'yaml');
  if (!result.ok) {
    // A built-in that does not parse is a programming error: fail at start-up, not in front of a user.
    throw new Error(`The built-in framework ${fileName} does not parse:\n${result.problems.join('\n')}`);
  }
  return result.document;
}

export const builtinFrameworks: FrameworkDocument[] = [
  loadBuiltin('trust-development.yaml'),
  loadBuiltin('trust-governance.yaml'),
];
