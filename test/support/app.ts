import type { FastifyInstance } from 'fastify';
import { after } from 'node:test';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import type { AppDb, Database } from '../../src/platform/db/database.ts';
import { loadAssetManifest, type AssetManifest } from '../../src/platform/views/assets.ts';
import { createTestDatabase } from './database.ts';

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  db: AppDb;
}

/** Route tests run without a build step: when assets were not compiled, pages name placeholders. */
function testAssets(): AssetManifest {
  try {
    return loadAssetManifest();
  } catch {
    return { stylesheet: 'tandem.test.css', script: 'application.test.mjs' };
  }
}

/**
 * The whole app on a fresh database, closed when the test (or, called at the top level of
 * a test file, the file) ends.
 * `extraPlugins` add routes that exist only for a test (e.g. a form to exercise the platform).
 */
export async function buildTestApp(
  options: { extraPlugins?: Array<(app: FastifyInstance) => Promise<void>>; env?: Record<string, string> } = {},
): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ...options.env });
  const app = await buildApp({ config, database, assets: testAssets(), extraPlugins: options.extraPlugins ?? [] });
  await app.ready();
  after(() => app.close());
  return { app, database, db: database.db };
}
