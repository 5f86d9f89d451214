import type { FastifyServerOptions } from 'fastify';
import type { Config } from '../../config.ts';

/**
 * Paths that must never reach a log: cookies carry sessions, bodies carry passwords and
 * confidential notes. pino replaces them with "[Redacted]".
 */
export const redactedPaths = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  'headers.cookie',
  'headers.authorization',
  'body',
  'req.body',
  'password',
  '*.password',
  '*.newPassword',
  '*.token',
  '*.secret',
  '*._csrf',
];

export function loggerOptions(config: Config): FastifyServerOptions['logger'] {
  return {
    level: config.logLevel,
    redact: { paths: redactedPaths, censor: '[Redacted]' },
  };
}
