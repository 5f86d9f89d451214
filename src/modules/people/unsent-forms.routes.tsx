import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { requireSignedIn, signedInViewer, signInPath } from '../../platform/access/guards.ts';
import type { SignedOutFormKeeper } from '../../platform/auth/viewer.ts';
import type { NoteCipher } from '../../platform/crypto/note-cipher.ts';
import type { AppDb } from '../../platform/db/database.ts';
import { paths } from './people.paths.ts';
import { discardUnsentForm, findUnsentForm, keepUnsentForm, UNSENT_FORM_LIFETIME_MS } from './unsent-forms.service.ts';
import { NothingUnsentPage, SignedOutPage, UnsentFormPage } from './views/unsent-form-pages.tsx';

interface UnsentFormsOptions {
  db: AppDb;
  cipher: NoteCipher;
  production: boolean;
  sessionCookieName: string;
}

/** The browser holds the kept form's token; `__Host-` in production, as the session cookie is. */
const cookieName = (production: boolean) => (production ? '__Host-tandem_unsent_form' : 'tandem_unsent_form');

/**
 * For the guard on signed-in pages: a form (url-encoded: files cannot be kept) sent with a session
 * that has ended is kept, and answered with a page saying so and offering to sign in again.
 */
export function unsentFormKeeper({
  db,
  cipher,
  production,
  sessionCookieName,
}: UnsentFormsOptions): SignedOutFormKeeper {
  return async function keepSignedOutForm(request: FastifyRequest, reply: FastifyReply): Promise<boolean> {
    const type = request.headers['content-type'] ?? '';
    if (request.method !== 'POST' || !type.startsWith('application/x-www-form-urlencoded')) return false;
    const now = new Date();
    const token = await keepUnsentForm({
      db,
      cipher,
      sessionToken: request.cookies[sessionCookieName],
      path: request.url,
      body: request.body,
      now,
    });
    if (!token) return false;
    reply.setCookie(cookieName(production), token, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: production,
      maxAge: UNSENT_FORM_LIFETIME_MS / 1000,
    });
    reply.renderPage({
      title: 'You were signed out',
      status: 401,
      content: (
        <SignedOutPage
          signInHref={signInPath(paths.unsentForm)}
          until={new Date(now.getTime() + UNSENT_FORM_LIFETIME_MS)}
        />
      ),
    });
    return true;
  };
}

/** The page that sends a kept form again, or throws it away. */
export async function unsentFormRoutes(
  app: FastifyInstance,
  { db, cipher, production }: Omit<UnsentFormsOptions, 'sessionCookieName'>,
) {
  const signedIn = { preHandler: requireSignedIn };
  const tokenOf = (request: FastifyRequest) => request.cookies[cookieName(production)];

  app.get(paths.unsentForm, signedIn, async function unsentFormGet(request, reply) {
    const form = await findUnsentForm({ db, cipher, token: tokenOf(request), viewer: signedInViewer(request) });
    // Never stored by a shared computer's browser: the page holds what was typed.
    reply.header('cache-control', 'no-store');
    return form
      ? reply.renderPage({ title: 'Send what you typed', content: <UnsentFormPage form={form} /> })
      : reply.renderPage({ title: 'Nothing is waiting to be sent', content: <NothingUnsentPage /> });
  });

  app.post(paths.unsentForm, signedIn, async function unsentFormDiscard(request, reply) {
    await discardUnsentForm({ db, cipher, token: tokenOf(request), viewer: signedInViewer(request) });
    reply.clearCookie(cookieName(production), { path: '/' });
    return reply.redirect(paths.unsentForm, 303);
  });
}
