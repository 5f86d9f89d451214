import { randomUUID } from 'node:crypto';
import formbody from '@fastify/formbody';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { Config } from './config.ts';
import { activityModule } from './modules/activity/index.ts';
import { homeModule } from './modules/home/index.ts';
import { viewerResolver } from './modules/people/index.ts';
import { viewerPlugin } from './platform/auth/viewer.ts';
import type { Database } from './platform/db/database.ts';
import { errorHandlingPlugin } from './platform/http/error-handling.ts';
import { gracefulClosePlugin } from './platform/http/graceful-close.ts';
import { healthRoutes } from './platform/http/health.ts';
import { routeCataloguePlugin } from './platform/http/route-catalogue.ts';
import { securityPlugin } from './platform/http/security.ts';
import { staticAssetsPlugin } from './platform/http/static-assets.ts';
import { loadAssetManifest, type AssetManifest } from './platform/views/assets.ts';
import { NavigationRegistry } from './platform/views/navigation.ts';
import { pageRendererPlugin } from './platform/views/page-renderer.tsx';

export interface AppDependencies {
  config: Config;
  database: Database;
  logger?: FastifyServerOptions['logger'];
  assets?: AssetManifest;
  /** Extra routes registered after the platform (tests use this for fixtures). */
  extraPlugins?: Array<(app: FastifyInstance) => Promise<void>>;
}

/** The platform first (order matters: security before anything renders), then each module. */
export async function buildApp(deps: AppDependencies): Promise<FastifyInstance> {
  const { config, database } = deps;
  const app = Fastify({
    logger: deps.logger ?? false,
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    genReqId: () => randomUUID(),
    routerOptions: { ignoreTrailingSlash: true },
  });

  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  app.addHook('onClose', async () => database.close());

  await app.register(routeCataloguePlugin);
  await app.register(gracefulClosePlugin);
  await app.register(securityPlugin, { config });
  await app.register(formbody);
  await app.register(staticAssetsPlugin);
  await app.register(viewerPlugin, { resolveViewer: viewerResolver(database.db) });
  await app.register(pageRendererPlugin, {
    assets: deps.assets ?? loadAssetManifest(),
    navigation: new NavigationRegistry(),
  });
  await app.register(errorHandlingPlugin);
  await app.register(healthRoutes, { ping: () => database.ping() });

  await app.register(homeModule);
  await app.register(activityModule, { db: database.db });
  for (const plugin of deps.extraPlugins ?? []) await app.register(plugin);

  return app;
}
