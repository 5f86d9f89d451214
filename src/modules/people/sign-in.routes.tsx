import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { auditContext } from '../../platform/audit/audit.ts';
import { sessionCookie } from '../../platform/auth/viewer.ts';
import type { AppDb } from '../../platform/db/database.ts';
import { FormErrors, parseForm } from '../../platform/forms/forms.ts';
import { requireSignedIn } from '../../platform/access/guards.ts';
import { signInWithPassword } from './accounts.service.ts';
import { endSession } from './people.service.ts';
import { paths, safeReturnTo } from './people.paths.ts';
import { rememberPendingSignIn } from './second-factor-cookies.ts';
import { SignInPage } from './views/sign-in-page.tsx';

const signInSchema = z.object({
  email: z.preprocess((v) => (typeof v === 'string' ? v.trim() : ''), z.string().min(1, 'Enter your email address')),
  // Passwords are taken exactly as typed: spaces may be part of them.
  password: z.preprocess((v) => (typeof v === 'string' ? v : ''), z.string().min(1, 'Enter your password')),
});

/** The same words whether the email is unknown, the password wrong or the account locked. */
const REFUSED =
  'Enter a correct email address and password. After several wrong tries, wait 15 minutes before trying again';

export async function signInRoutes(app: FastifyInstance, { db, production }: { db: AppDb; production: boolean }) {
  const cookie = sessionCookie(production);

  app.get<{ Querystring: { returnTo?: string } }>(paths.signIn, async function signInGet(request, reply) {
    if (request.viewer) return reply.redirect(safeReturnTo(request.query.returnTo), 303);
    return reply.renderPage({
      title: 'Sign in',
      content: <SignInPage values={{}} errors={FormErrors.none()} returnTo={safeReturnTo(request.query.returnTo)} />,
    });
  });

  app.post(paths.signIn, async function signInPost(request, reply) {
    const returnTo = safeReturnTo((request.body as Record<string, unknown> | undefined)?.returnTo);
    const form = parseForm(signInSchema, request.body);
    const again = (errors: FormErrors, status: number) =>
      reply.renderPage({
        title: 'Sign in',
        status,
        hasErrors: true,
        content: <SignInPage values={{ email: form.values.email ?? '' }} errors={errors} returnTo={returnTo} />,
      });
    if (!form.ok) return again(form.errors, 400);

    const result = await signInWithPassword({
      db,
      email: form.data.email,
      password: form.data.password,
      ip: request.ip,
      ...(request.headers['user-agent'] ? { userAgent: request.headers['user-agent'] } : {}),
      audit: auditContext(request),
    });
    if (result.outcome === 'throttled') {
      const minutes = Math.max(1, Math.ceil(result.retryAfterMs / 60_000));
      return again(
        new FormErrors([
          { field: 'email', message: `Too many sign-in attempts from your network. Try again in ${minutes} minutes` },
        ]),
        429,
      );
    }
    if (result.outcome === 'refused') return again(new FormErrors([{ field: 'email', message: REFUSED }]), 400);
    if (result.outcome === 'second-factor-needed') {
      rememberPendingSignIn(reply, result.personId, production);
      const query = returnTo === '/' ? '' : `?returnTo=${encodeURIComponent(returnTo)}`;
      return reply.redirect(`${paths.verifySecondFactor}${query}`, 303);
    }

    // A new session id on every sign-in: a token planted before sign-in is worth nothing after it.
    const previous = request.cookies[cookie.name];
    if (previous) await endSession({ db, token: previous });
    reply.setCookie(cookie.name, result.token, cookie.options);
    return reply.redirect(returnTo, 303);
  });

  app.post(paths.signOut, { preHandler: requireSignedIn }, async function signOutPost(request, reply) {
    const token = request.cookies[cookie.name];
    if (token) await endSession({ db, token, actor: request.viewer ?? undefined, audit: auditContext(request) });
    reply.clearCookie(cookie.name, cookie.options);
    return reply.redirect(paths.signIn, 303);
  });
}
