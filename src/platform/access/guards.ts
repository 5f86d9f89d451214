import type { FastifyReply, FastifyRequest } from 'fastify';
import { authPaths, hasRole, type Viewer } from '../auth/viewer.ts';
import { AppError } from '../http/app-error.ts';

/** Where a signed-out person is sent, with the page to come back to after signing in. */
export function signInPath(returnTo: string): string {
  return returnTo === '/' ? authPaths.signIn : `${authPaths.signIn}?returnTo=${encodeURIComponent(returnTo)}`;
}

/**
 * preHandler: a page for signed-in people. Signed out, a GET goes to sign-in; a form sent after its
 * session ended is kept for sending after signing in again (runs after the CSRF check); anything
 * else is refused.
 */
export async function requireSignedIn(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  if (request.viewer) return;
  if (request.method === 'GET') return reply.redirect(signInPath(request.url), 303);
  if (await request.server.keepSignedOutForm?.(request, reply)) return reply;
  throw AppError.forbidden('Sign in first');
}

/** preHandler factory: signed in and holding one of `roles` in some organisation; otherwise 403. */
export function requireRole(...roles: string[]) {
  return async function requireRoleHandler(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    await requireSignedIn(request, reply);
    if (reply.sent || !request.viewer) return;
    if (!hasRole(request.viewer, ...roles)) throw AppError.forbidden();
  };
}

/** In a handler behind requireSignedIn or requireRole: the viewer, who is there (the type does not know that). */
export function signedInViewer(request: FastifyRequest): Viewer {
  if (!request.viewer) throw AppError.forbidden('Sign in first');
  return request.viewer;
}
