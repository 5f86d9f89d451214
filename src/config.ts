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
  ENCRYPTION_KEY: z
    .string()
    .transform((text, context) => {
      const key = decodeEncryptionKey(text);
      if (key === null) context.addIssue({ code: 'custom', message: ENCRYPTION_KEY_SHAPE });
      return key ?? z.NEVER;
    })
    .optional(),
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
  /** 32 bytes for AES-256-GCM encryption of confidential content at rest (see platform/crypto/note-cipher). */
  readonly encryptionKey: Buffer;
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

/**
 * Development and test key, published here so that `npm start` works on a fresh clone and tests
 * are repeatable. Production must set its own and may not use this one: anything sealed with it
 * is readable by anyone who has read this file.
 */
export const DEVELOPMENT_ENCRYPTION_KEY = Buffer.from('tandem-development-key-32-bytes!', 'utf8');

const ENCRYPTION_KEY_SHAPE =
  'must be 32 random bytes written as 64 hexadecimal characters or in base64 (e.g. `openssl rand -base64 32`)';

/** 32 bytes from 64 hex characters or from base64 (standard or URL-safe, padding optional); null otherwise. */
function decodeEncryptionKey(text: string): Buffer | null {
  const trimmed = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(trimmed)) return Buffer.from(trimmed, 'hex');
  // Node's base64 decoder skips characters it does not know, so check the alphabet first.
  if (!/^[A-Za-z0-9+/_-]{43}=?$/.test(trimmed)) return null;
  const key = Buffer.from(trimmed, 'base64');
  return key.length === 32 ? key : null;
}

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
  if (
    env.NODE_ENV === 'production' &&
    (env.ENCRYPTION_KEY ?? DEVELOPMENT_ENCRYPTION_KEY).equals(DEVELOPMENT_ENCRYPTION_KEY)
  ) {
    throw new ConfigError([`ENCRYPTION_KEY: must be set in production to its own key; it ${ENCRYPTION_KEY_SHAPE}`]);
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
    encryptionKey: env.ENCRYPTION_KEY ?? Buffer.from(DEVELOPMENT_ENCRYPTION_KEY),
    logLevel: env.LOG_LEVEL,
    bodyLimitBytes: env.BODY_LIMIT_BYTES,
    seedDemoData: env.SEED_DEMO_DATA ?? env.NODE_ENV !== 'production',
    trustProxy: env.TRUST_PROXY,
    mail: Object.freeze({ smtpUrl: env.SMTP_URL, from: env.MAIL_FROM }),
  });
}
