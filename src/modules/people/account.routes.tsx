import type { FastifyInstance } from 'fastify';
import { requireSignedIn } from '../../platform/access/guards.ts';
import { auditContext } from '../../platform/audit/audit.ts';
import { sessionCookie } from '../../platform/auth/viewer.ts';
import type { AppDb } from '../../platform/db/database.ts';
import { endAllSessions } from './people.service.ts';
import { paths } from './people.paths.ts';
import { AccountPage } from './views/account-page.tsx';

export async function accountRoutes(app: FastifyInstance, { db, production }: { db: AppDb; production: boolean }) {
  const cookie = sessionCookie(production);

  app.get(paths.account, { preHandler: requireSignedIn }, async function accountGet(request, reply) {
    if (!request.viewer) return; // requireSignedIn has answered
    return reply.renderPage({ title: 'Your account', content: <AccountPage viewer={request.viewer} /> });
  });

  // The idle-timeout warning's "Stay signed in": resolving the viewer already moved the deadline on.
  app.post('/account/keep-alive', { preHandler: requireSignedIn }, async function keepAlivePost(_request, reply) {
    return reply.status(204).send();
  });

  app.post(
    paths.signOutEverywhere,
    { preHandler: requireSignedIn },
    async function signOutEverywherePost(request, reply) {
      if (!request.viewer) return;
      await endAllSessions({ db, actor: request.viewer, audit: auditContext(request) });
      reply.clearCookie(cookie.name, cookie.options);
      return reply.redirect(paths.signIn, 303);
    },
  );
}
