import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../../platform/http/app-error.ts';
import { mfaRequiredFor } from './mfa.service.ts';
import { paths } from './people.paths.ts';

/** What a person who must set up a second factor may still reach before they have. */
const ALLOWED_BEFORE_ENROLMENT = [
  paths.setUpSecondFactor,
  paths.recoveryCodes,
  paths.signOut,
  '/assets/',
  '/healthz',
  '/readyz',
];

/**
 * Administrators and provider staff cannot use Tandem until they turn on two-factor
 * authentication: every other page sends them to set it up.
 */
export const mfaEnforcement = fp(
  async (app: FastifyInstance) => {
    app.addHook('preHandler', async (request, reply) => {
      const viewer = request.viewer;
      if (!viewer || viewer.mfaEnabled || !mfaRequiredFor(viewer)) return;
      const path = request.url.split('?')[0] ?? '';
      if (
        ALLOWED_BEFORE_ENROLMENT.some(
          (allowed) => path === allowed || (allowed.endsWith('/') && path.startsWith(allowed)),
        )
      )
        return;
      if (request.method === 'GET') return reply.redirect(paths.setUpSecondFactor, 303);
      throw AppError.forbidden('Set up two-factor authentication first');
    });
  },
  { name: 'tandem-mfa-enforcement' },
);
