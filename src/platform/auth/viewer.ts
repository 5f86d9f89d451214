import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';

/** The signed-in person as every page sees them: who they are and what roles they hold where. */
export interface Viewer {
  readonly personId: string;
  readonly displayName: string;
  readonly email: string;
  /** Signs in with a second factor (TOTP). */
  readonly mfaEnabled: boolean;
  readonly memberships: ReadonlyArray<{
    readonly organisationId: string;
    readonly organisationName: string;
    readonly role: string;
  }>;
}

export type ViewerResolver = (sessionToken: string) => Promise<Viewer | null>;

/**
 * Given a form sent to a signed-in page by someone whose session has ended: keeps it and answers
 * (true), or leaves the refusal to the guard (false). Provided by the module that owns sessions.
 */
export type SignedOutFormKeeper = (request: FastifyRequest, reply: FastifyReply) => Promise<boolean>;

export const SESSION_COOKIE = 'tandem_session';

/** A session ends after 30 minutes without a request; pages warn 5 minutes before (assets/js). */
export const SESSION_IDLE_MS = 30 * 60 * 1000;

/** The few account URLs the platform itself links to (header, sign-in redirects). */
export const authPaths = { signIn: '/sign-in', signOut: '/sign-out', account: '/account' } as const;

/**
 * In production the cookie is `__Host-` prefixed: the browser then insists on Secure, Path=/
 * and no Domain, so no other site or subdomain can set or read it. (Plain http on a
 * developer's machine cannot carry a Secure cookie, hence the plain name there.)
 */
export function sessionCookie(production: boolean): {
  name: string;
  options: { path: '/'; httpOnly: true; sameSite: 'lax'; secure: boolean };
} {
  return {
    name: production ? `__Host-${SESSION_COOKIE}` : SESSION_COOKIE,
    options: { path: '/', httpOnly: true, sameSite: 'lax', secure: production },
  };
}

declare module 'fastify' {
  interface FastifyRequest {
    viewer: Viewer | null;
  }
  interface FastifyInstance {
    keepSignedOutForm: SignedOutFormKeeper | null;
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
  async (
    app: FastifyInstance,
    options: { resolveViewer: ViewerResolver; cookieName: string; keepSignedOutForm?: SignedOutFormKeeper },
  ) => {
    app.decorateRequest('viewer', null);
    app.decorate('keepSignedOutForm', options.keepSignedOutForm ?? null);
    app.addHook('onRequest', async (request: FastifyRequest) => {
      const token = request.cookies[options.cookieName];
      request.viewer = token ? await options.resolveViewer(token) : null;
    });
  },
  { name: 'tandem-viewer', dependencies: ['@fastify/cookie'] },
);
