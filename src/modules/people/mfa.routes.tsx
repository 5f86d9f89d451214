import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { requireSignedIn } from '../../platform/access/guards.ts';
import { auditContext } from '../../platform/audit/audit.ts';
import { sessionCookie } from '../../platform/auth/viewer.ts';
import type { AppDb } from '../../platform/db/database.ts';
import { FormErrors, parseForm } from '../../platform/forms/forms.ts';
import { requiredText } from '../../platform/forms/fields.ts';
import { beginEnrolment, confirmEnrolment, mfaRequiredFor, verifySecondFactor } from './mfa.service.ts';
import { startSession } from './people.service.ts';
import { paths, safeReturnTo } from './people.paths.ts';
import * as cookies from './second-factor-cookies.ts';
import { RecoveryCodesPage, SetUpSecondFactorPage, VerifySecondFactorPage } from './views/mfa-pages.tsx';

const codeSchema = z.object({ code: requiredText('Enter the code from your authenticator app', { maxLength: 40 }) });

interface Options {
  db: AppDb;
  production: boolean;
  secretKey: Buffer;
}

export async function mfaRoutes(app: FastifyInstance, { db, production, secretKey }: Options) {
  const session = sessionCookie(production);

  app.get<{ Querystring: { returnTo?: string } }>(paths.verifySecondFactor, async function verifyGet(request, reply) {
    if (!cookies.pendingSignIn(request)) return reply.redirect(paths.signIn, 303);
    const returnTo = safeReturnTo(request.query.returnTo);
    return reply.renderPage({
      title: 'Enter your code',
      content: <VerifySecondFactorPage errors={FormErrors.none()} returnTo={returnTo} />,
    });
  });

  app.post(paths.verifySecondFactor, async function verifyPost(request, reply) {
    const personId = cookies.pendingSignIn(request);
    if (!personId) return reply.redirect(paths.signIn, 303);
    const returnTo = safeReturnTo((request.body as Record<string, unknown> | undefined)?.returnTo);
    const form = parseForm(codeSchema, request.body);
    const again = (errors: FormErrors) =>
      reply.renderPage({
        title: 'Enter your code',
        status: 400,
        hasErrors: true,
        content: <VerifySecondFactorPage errors={errors} returnTo={returnTo} />,
      });
    if (!form.ok) return again(form.errors);

    const result = await verifySecondFactor({
      db,
      personId,
      code: form.data.code,
      key: secretKey,
      audit: auditContext(request),
    });
    if (result !== 'accepted') {
      const message =
        result === 'locked'
          ? 'Too many wrong codes. Wait 15 minutes, then sign in again'
          : 'Enter the current code from your authenticator app, or an unused recovery code';
      if (result === 'locked') cookies.clear(reply, 'sign-in');
      return again(new FormErrors([{ field: 'code', message }]));
    }
    const token = await startSession({
      db,
      personId,
      ip: request.ip,
      ...(request.headers['user-agent'] ? { userAgent: request.headers['user-agent'] } : {}),
    });
    cookies.clear(reply, 'sign-in');
    reply.setCookie(session.name, token, session.options);
    return reply.redirect(returnTo, 303);
  });

  app.get(paths.setUpSecondFactor, { preHandler: requireSignedIn }, async function setUpGet(request, reply) {
    const viewer = request.viewer;
    if (!viewer) return;
    if (viewer.mfaEnabled) return reply.redirect(paths.account, 303);
    const enrolment = await beginEnrolment({ actor: viewer });
    cookies.rememberEnrolment(reply, viewer.personId, enrolment.secret, production);
    return reply.renderPage({
      title: 'Set up two-factor authentication',
      content: <SetUpSecondFactorPage errors={FormErrors.none()} required={mfaRequiredFor(viewer)} {...enrolment} />,
    });
  });

  app.post(paths.setUpSecondFactor, { preHandler: requireSignedIn }, async function setUpPost(request, reply) {
    const viewer = request.viewer;
    if (!viewer) return;
    const secret = cookies.pendingEnrolment(request, viewer.personId);
    if (!secret) return reply.redirect(paths.setUpSecondFactor, 303);
    const form = parseForm(codeSchema, request.body);
    const codes = form.ok
      ? await confirmEnrolment({
          db,
          actor: viewer,
          secret,
          code: form.data.code,
          key: secretKey,
          audit: auditContext(request),
        })
      : null;
    if (!codes) {
      // Show the same secret again: the person has already added it to their app.
      const enrolment = await beginEnrolment({ actor: viewer, secret });
      const errors = form.ok
        ? new FormErrors([{ field: 'code', message: 'Enter the current 6-digit code from your authenticator app' }])
        : form.errors;
      return reply.renderPage({
        title: 'Set up two-factor authentication',
        status: 400,
        hasErrors: true,
        content: <SetUpSecondFactorPage errors={errors} required={mfaRequiredFor(viewer)} {...enrolment} />,
      });
    }
    cookies.clear(reply, 'enrolment');
    cookies.rememberRecoveryCodes(reply, codes, production);
    return reply.redirect(paths.recoveryCodes, 303);
  });

  app.get(paths.recoveryCodes, { preHandler: requireSignedIn }, async function recoveryCodesGet(request, reply) {
    const codes = cookies.recoveryCodesToShow(request);
    if (!codes) return reply.redirect(paths.account, 303);
    cookies.clear(reply, 'recovery-codes');
    return reply.renderPage({ title: 'Two-factor authentication is on', content: <RecoveryCodesPage codes={codes} /> });
  });
}
