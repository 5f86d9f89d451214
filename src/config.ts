import { z } from 'zod';

/**
 * The whole configuration, read once from the environment at start-up.
 * A bad value stops the process with a message naming the variable, so a
 * misconfigured deployment fails loudly instead of half-working.
 */
const booleanFromEnv = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { error: 'must be true or false' })
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const schema = z.object({
  NODE_ENV: z
    .enum(['development', 'test', 'production'], { error: 'must be development, test or production' })
    .default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number({ error: 'must be a port number' }).int().min(0).max(65535).default(3000),
  PUBLIC_URL: z.url({ error: 'must be a full URL such as https://tandem.example.org' }).optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, { error: 'must start with postgres:// or postgresql://' })
    .optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  FILES_DIR: z.string().min(1).default('./uploads'),
  SESSION_SECRET: z.string().min(32, { error: 'must be at least 32 characters' }).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  BODY_LIMIT_BYTES: z.coerce.number({ error: 'must be a number of bytes' }).int().min(1024).default(1_048_576),
  SEED_DEMO_DATA: booleanFromEnv.optional(),
  TRUST_PROXY: booleanFromEnv.default(false),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, { error: 'must start with smtp:// or smtps://' })
    .optional(),
  MAIL_FROM: z.string().min(3).default('Tandem <no-reply@tandem.invalid>'),
});

export type Env = z.input<typeof schema>;

export interface Config {
  readonly env: 'development' | 'test' | 'production';
  readonly host: string;
  readonly port: number;
  readonly publicUrl: string;
  readonly database:
    { readonly kind: 'pglite'; readonly dataDir: string } | { readonly kind: 'postgres'; readonly url: string };
  /** Uploaded files, outside the web root; created at start. */
  readonly filesDir: string;
  readonly sessionSecret: string;
  readonly logLevel: string;
  readonly bodyLimitBytes: number;
  readonly seedDemoData: boolean;
  readonly trustProxy: boolean;
  readonly mail: { readonly smtpUrl: string | undefined; readonly from: string };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Tandem cannot start: the configuration has problems.\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Development-only secret so that `npm start` works on a fresh clone; production must set its own. */
const DEVELOPMENT_SESSION_SECRET = 'development-only-secret-change-me-in-production';

export function loadConfig(environment: Record<string, string | undefined> = process.env): Config {
  // Empty strings (e.g. `PORT=` in a .env file) mean "not set", not "invalid".
  const present = Object.fromEntries(
    Object.entries(environment).filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  const env = parsed.data;
  if (env.NODE_ENV === 'production' && env.SESSION_SECRET === undefined) {
    throw new ConfigError(['SESSION_SECRET: must be set in production (at least 32 random characters)']);
  }
  return Object.freeze({
    env: env.NODE_ENV,
    host: env.HOST,
    port: env.PORT,
    publicUrl: env.PUBLIC_URL ?? `http://${env.HOST === '0.0.0.0' ? 'localhost' : env.HOST}:${env.PORT}`,
    database: env.DATABASE_URL
      ? Object.freeze({ kind: 'postgres' as const, url: env.DATABASE_URL })
      : Object.freeze({ kind: 'pglite' as const, dataDir: env.DATA_DIR }),
    filesDir: env.FILES_DIR,
    sessionSecret: env.SESSION_SECRET ?? DEVELOPMENT_SESSION_SECRET,
    logLevel: env.LOG_LEVEL,
    bodyLimitBytes: env.BODY_LIMIT_BYTES,
    seedDemoData: env.SEED_DEMO_DATA ?? env.NODE_ENV !== 'production',
    trustProxy: env.TRUST_PROXY,
    mail: Object.freeze({ smtpUrl: env.SMTP_URL, from: env.MAIL_FROM }),
  });
}
