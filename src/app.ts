import { randomUUID } from 'node:crypto';
import formbody from '@fastify/formbody';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { Config } from './config.ts';
import { activityModule } from './modules/activity/index.ts';
import { frameworksModule } from './modules/frameworks/index.ts';
import { homeModule } from './modules/home/index.ts';
import { organisationsModule } from './modules/organisations/index.ts';
import { outboxModule } from './modules/outbox/index.ts';
import { partnershipsModule, registerMeetingJobs } from './modules/partnerships/index.ts';
import { plansModule, registerWeeklyDigest } from './modules/plans/index.ts';
import { mfaEnforcement, peopleModule, unsentFormKeeper, viewerResolver } from './modules/people/index.ts';
import { reviewsModule } from './modules/reviews/index.ts';
import { invitations, passwordResets, sessions } from './modules/people/people.tables.ts';
import { unsentForms } from './modules/people/unsent-forms.tables.ts';
import { rateLimitBuckets } from './platform/http/rate-limit.tables.ts';
import { sessionCookie, viewerPlugin } from './platform/auth/viewer.ts';
import type { Database } from './platform/db/database.ts';
import { createNoteCipher } from './platform/crypto/note-cipher.ts';
import { createFileStore, uploadsPlugin, type FileStore } from './platform/files/index.ts';
import { errorHandlingPlugin } from './platform/http/error-handling.ts';
import { gracefulClosePlugin } from './platform/http/graceful-close.ts';
import { healthRoutes } from './platform/http/health.ts';
import { routeCataloguePlugin } from './platform/http/route-catalogue.ts';
import { securityPlugin } from './platform/http/security.ts';
import { staticAssetsPlugin } from './platform/http/static-assets.ts';
import { jobsConnectionFor, type JobsConnection } from './platform/jobs/connection.ts';
import { registerExpiryCleanup } from './platform/jobs/housekeeping.ts';
import { jobsPlugin } from './platform/jobs/jobs-plugin.ts';
import { mailPlugin } from './platform/mail/mail-plugin.ts';
import { loadAssetManifest, type AssetManifest } from './platform/views/assets.ts';
import { NavigationRegistry } from './platform/views/navigation.ts';
import { pageRendererPlugin } from './platform/views/page-renderer.tsx';

export interface AppDependencies {
  config: Config;
  database: Database;
  logger?: FastifyServerOptions['logger'];
  assets?: AssetManifest;
  /** Where uploaded files are kept; by default a store in the configured FILES_DIR. */
  files?: FileStore;
  /** Where jobs are queued; by default the app's own database connection. */
  jobsConnection?: JobsConnection;
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
  await app.register(uploadsPlugin, {
    store: deps.files ?? createFileStore(config.filesDir),
    // A text field may hold as much as a whole form body may: a pasted file fits either way.
    limits: { maxFieldBytes: config.bodyLimitBytes },
  });
  await app.register(staticAssetsPlugin);
  // Private notes, and forms kept after a session ended, are sealed with the configured key.
  const cipher = createNoteCipher([config.encryptionKey]);
  const production = config.env === 'production';
  await app.register(viewerPlugin, {
    resolveViewer: viewerResolver(database.db),
    cookieName: sessionCookie(production).name,
    keepSignedOutForm: unsentFormKeeper({
      db: database.db,
      cipher,
      production,
      sessionCookieName: sessionCookie(production).name,
    }),
  });
  await app.register(pageRendererPlugin, {
    assets: deps.assets ?? loadAssetManifest(),
    navigation: new NavigationRegistry(),
  });
  await app.register(errorHandlingPlugin);
  await app.register(healthRoutes, { ping: () => database.ping() });
  await app.register(jobsPlugin, { connection: deps.jobsConnection ?? jobsConnectionFor(database) });
  await app.register(mailPlugin, { db: database.db, mail: config.mail });
  // Expired rows are of no use to anyone and some (tokens) are better gone.
  for (const [name, table, expiresAt] of [
    ['sessions-cleanup', sessions, sessions.expiresAt],
    ['invitations-cleanup', invitations, invitations.expiresAt],
    ['password-resets-cleanup', passwordResets, passwordResets.expiresAt],
    ['rate-limits-cleanup', rateLimitBuckets, rateLimitBuckets.resetAt],
    ['unsent-forms-cleanup', unsentForms, unsentForms.expiresAt],
  ] as const) {
    registerExpiryCleanup(app.jobs, database.db, { name, table, expiresAt, cron: '*/15 * * * *' });
  }
  // Each Monday, owners are emailed their plan actions overdue or due that week.
  registerWeeklyDigest(app.jobs, {
    db: database.db,
    mailer: app.mailer,
    publicUrl: config.publicUrl,
    logger: app.log.child({ component: 'plan-digest' }),
  });
  // Reminders before each mentoring meeting, and a nudge when a half-term has none booked.
  registerMeetingJobs(app.jobs, {
    db: database.db,
    mailer: app.mailer,
    publicUrl: config.publicUrl,
    logger: app.log.child({ component: 'meeting-jobs' }),
  });

  await app.register(mfaEnforcement);
  await app.register(homeModule, { db: database.db });
  await app.register(activityModule, { db: database.db });
  await app.register(peopleModule, {
    db: database.db,
    production,
    secret: config.sessionSecret,
    publicUrl: config.publicUrl,
    cipher,
  });
  await app.register(outboxModule, { db: database.db, mailConfigured: app.mailer.configured });
  await app.register(organisationsModule, { db: database.db });
  await app.register(frameworksModule, { db: database.db });
  await app.register(reviewsModule, { db: database.db });
  await app.register(plansModule, { db: database.db });
  await app.register(partnershipsModule, {
    db: database.db,
    cipher,
    publicUrl: config.publicUrl,
  });
  for (const plugin of deps.extraPlugins ?? []) await app.register(plugin);

  return app;
}
