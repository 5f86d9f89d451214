import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';

/** The signed-in person as every page sees them: who they are and what roles they hold where. */
export interface Viewer {
  readonly personId: string;
  readonly displayName: string;
  readonly email: string;
  readonly memberships: ReadonlyArray<{
    readonly organisationId: string;
    readonly organisationName: string;
    readonly role: string;
  }>;
}

export type ViewerResolver = (sessionToken: string) => Promise<Viewer | null>;

export const SESSION_COOKIE = 'tandem_session';

declare module 'fastify' {
  interface FastifyRequest {
    viewer: Viewer | null;
  }
}

export function hasRole(viewer: Viewer | null, ...roles: string[]): boolean {
  return viewer !== null && viewer.memberships.some((membership) => roles.includes(membership.role));
}

/**
 * Resolves the session cookie to a viewer before anything else runs. The platform knows
 * no domain, so the lookup itself is given by the module that owns people and sessions.
 */
export const viewerPlugin = fp(
  async (app: FastifyInstance, options: { resolveViewer: ViewerResolver }) => {
    app.decorateRequest('viewer', null);
    app.addHook('onRequest', async (request: FastifyRequest) => {
      const token = request.cookies[SESSION_COOKIE];
      request.viewer = token ? await options.resolveViewer(token) : null;
    });
  },
  { name: 'tandem-viewer', dependencies: ['@fastify/cookie'] },
);
