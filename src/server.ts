/**
 * The process: configuration → database (migrated) → demo data on first run → app → listen.
 * SIGTERM/SIGINT close the server gracefully: in-flight requests and jobs finish, then the database closes.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildApp } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { openDatabase } from './platform/db/database.ts';
import { loggerOptions } from './platform/http/logging.ts';
import { roleLabels, secondFactorKey } from './modules/people/index.ts';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET, demoPeople, seedDemoData } from './seed/demo-data.ts';

/**
 * `assetsReady`: `npm start` compiles the CSS in another process while the database opens
 * (on a first run, creating the embedded database is the slow part); pages wait for both.
 */
export async function startServer({ assetsReady }: { assetsReady?: Promise<void> } = {}): Promise<void> {
  // Variables already in the environment win over the file, as is usual.
  if (existsSync('.env')) process.loadEnvFile('.env');
  const config = loadConfig();
  const database = await openDatabase(config.database);
  await database.migrate();
  const seeded = config.seedDemoData
    ? await seedDemoData(database.db, { mfaKey: secondFactorKey(config.sessionSecret) })
    : false;
  await assetsReady;

  const app = await buildApp({
    config,
    database,
    logger: loggerOptions(config),
    // On PostgreSQL the job queue polls over a pool of its own, not the one that serves pages.
    ...(config.database.kind === 'postgres'
      ? { jobsConnection: { kind: 'postgres' as const, connectionString: config.database.url } }
      : {}),
  });
  // After the migrations (above), before listening; app.close() stops it before the database closes.
  await app.jobs.start();
  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down: finishing requests in flight');
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        app.log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));

  const address = await app.listen({ host: config.host, port: config.port });
  const where = config.database.kind === 'pglite' ? `embedded database in ${config.database.dataDir}` : 'PostgreSQL';
  process.stdout.write(
    [
      '',
      `Tandem is running at ${process.env.PUBLIC_URL ? config.publicUrl : address} (${where}).`,
      ...(seeded || config.seedDemoData
        ? [
            `Demo sign-ins (password for all: "${DEMO_PASSWORD}"):`,
            ...demoPeople.map(
              (person) => `  ${person.email.padEnd(28)} ${person.displayName}, ${roleLabels[person.role]}`,
            ),
            `Administrator, programme manager and mentor also need a code: add the key ${DEMO_TOTP_SECRET}`,
            'to an authenticator app, or run "npm run demo:code" for the current one.',
          ]
        : []),
      '',
    ].join('\n'),
  );
}

export function exitOnStartFailure(error: unknown): never {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(78); // EX_CONFIG: the environment, not the code, is at fault
  }
  process.stderr.write(
    `Tandem failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) startServer().catch(exitOnStartFailure);
