// @ts-check
/**
 * The house rules of ARCHITECTURE.md, as a lint rule:
 *  - src/platform never imports src/modules (the platform knows no domain);
 *  - a module imports another module only through that module's index.ts, or its
 *    *.tables.ts (the schema is shared for foreign keys and read-only joins);
 *  - a repository is imported only by its own module's service (and tests).
 */
import { dirname, relative, resolve, sep } from 'node:path';

/** @param {string} file */
function locate(file) {
  const parts = file.split(sep);
  const src = parts.lastIndexOf('src');
  if (src === -1) return { area: 'outside', module: undefined, rest: '' };
  const area = parts[src + 1];
  if (area === 'platform') return { area: 'platform', module: undefined, rest: parts.slice(src + 2).join('/') };
  if (area === 'modules') return { area: 'modules', module: parts[src + 2], rest: parts.slice(src + 3).join('/') };
  return { area: 'other', module: undefined, rest: '' };
}

/** @type {import('eslint').Rule.RuleModule} */
export const moduleBoundaries = {
  meta: {
    type: 'problem',
    docs: { description: 'Keep platform, modules and repositories apart as ARCHITECTURE.md describes' },
    messages: {
      platformImportsModule:
        'src/platform must not import from src/modules ({{target}}): the platform knows no domain.',
      moduleInternals:
        'Import another module only through its index.ts ({{target}}); its other files are private to it.',
      repositoryOutsideService: "A repository is imported only by its own module's service ({{target}}).",
    },
    schema: [],
  },
  create(context) {
    const filename = context.filename;
    const from = locate(filename);
    const isTest = /\.test\.tsx?$/.test(filename);
    return {
      ImportDeclaration(node) {
        const specifier = String(node.source.value);
        if (!specifier.startsWith('.')) return;
        const targetFile = resolve(dirname(filename), specifier);
        const target = locate(targetFile);
        const shown = relative(process.cwd(), targetFile);
        if (from.area === 'platform' && target.area === 'modules') {
          context.report({ node, messageId: 'platformImportsModule', data: { target: shown } });
          return;
        }
        if (target.area !== 'modules' || isTest) return;
        const isPublic = target.rest === 'index.ts' || /^[^/]+\.tables\.ts$/.test(target.rest);
        if (from.area === 'modules' && from.module !== target.module && !isPublic) {
          context.report({ node, messageId: 'moduleInternals', data: { target: shown } });
          return;
        }
        const ownService = from.area === 'modules' && from.module === target.module && /\.service\.ts$/.test(from.rest);
        if (/\.repository\.ts$/.test(target.rest) && !ownService) {
          context.report({ node, messageId: 'repositoryOutsideService', data: { target: shown } });
        }
      },
    };
  },
};
