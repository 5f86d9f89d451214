import helmet from '@fastify/helmet';
import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import type { FastifyInstance, FastifyRequest, preHandlerHookHandler } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../../config.ts';
import { CSRF_FIELD } from '../views/form.tsx';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Set false only for routes authenticated otherwise than by cookie (none yet). */
    csrf?: boolean;
  }
}

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Security headers (a nonce-based CSP that forbids framing), signed cookies, and CSRF
 * protection attached to every state-changing route as it is declared, so a new form
 * cannot forget it.
 */
export const securityPlugin = fp(
  async (app: FastifyInstance, { config }: { config: Config }) => {
    const production = config.env === 'production';
    await app.register(helmet, {
      enableCSPNonces: true,
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'"],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
          ...(production ? { upgradeInsecureRequests: [] } : {}),
        },
      },
      strictTransportSecurity: production ? { maxAge: 31_536_000, includeSubDomains: true } : false,
      referrerPolicy: { policy: 'same-origin' },
      frameguard: { action: 'deny' },
    });
    await app.register(cookie, { secret: config.sessionSecret });
    await app.register(csrf, {
      sessionPlugin: '@fastify/cookie',
      cookieKey: production ? '__Host-tandem_csrf' : 'tandem_csrf',
      cookieOpts: { signed: true, httpOnly: true, sameSite: 'lax', path: '/', secure: production },
      // Only from the form body or a header: a token in a URL leaks into logs and referrers.
      getToken: (request: FastifyRequest) => {
        const body = request.body as Record<string, unknown> | undefined;
        const fromBody = body?.[CSRF_FIELD];
        if (typeof fromBody === 'string') return fromBody;
        const fromHeader = request.headers['x-csrf-token'];
        return typeof fromHeader === 'string' ? fromHeader : undefined;
      },
    });

    app.addHook('onRoute', (route) => {
      const methods = Array.isArray(route.method) ? route.method : [route.method];
      if (!methods.some((method) => UNSAFE_METHODS.has(method)) || route.config?.csrf === false) return;
      const existing = route.preHandler ? [route.preHandler].flat() : [];
      route.preHandler = [app.csrfProtection as preHandlerHookHandler, ...existing];
    });

    // Pages can hold confidential content: no shared or browser cache may keep them.
    app.addHook('onSend', async (_request, reply, payload) => {
      const type = String(reply.getHeader('content-type') ?? '');
      if (type.startsWith('text/html') && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
      return payload;
    });
  },
  { name: 'tandem-security' },
);
