import type { FastifyInstance } from 'fastify';
import type { AppDb } from '../../platform/db/database.ts';
import { frameworkPaths } from './frameworks.paths.ts';
import { frameworkRoutes } from './frameworks.routes.tsx';
import { installBuiltinFrameworks } from './frameworks.service.ts';

export type { FrameworkDocument, FrameworkElement, FrameworkHeading, FrameworkLevel } from './framework-document.ts';
export { frameworkPaths } from './frameworks.paths.ts';
export {
  getFrameworkVersion,
  listPublishedFrameworks,
  type PublishedFrameworkChoice,
  type VersionRecord,
} from './frameworks.service.ts';
export { LevelLabel } from './views/framework-content.tsx';

/**
 * Frameworks: versioned rating frameworks that reviews use. The built-in ones are installed
 * (once each) as the module starts, after the migrations have run.
 */
export async function frameworksModule(app: FastifyInstance, { db }: { db: AppDb }): Promise<void> {
  await installBuiltinFrameworks({ db });
  app.navigation.add({
    label: 'Frameworks',
    href: frameworkPaths.list,
    order: 30,
    visibleTo: (viewer) => viewer !== null,
  });
  await app.register(frameworkRoutes, { db });
}
