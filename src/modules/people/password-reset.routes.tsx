import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { auditContext } from '../../platform/audit/audit.ts';
import type { AppDb } from '../../platform/db/database.ts';
import { email } from '../../platform/forms/fields.ts';
import { FormErrors, parseForm } from '../../platform/forms/forms.ts';
import { completePasswordReset, isPasswordResetOpen, requestPasswordReset } from './password-reset.service.ts';
import {
  ChooseNewPasswordPage,
  RequestResetPage,
  ResetLinkGonePage,
  ResetRequestedPage,
} from './views/password-reset-pages.tsx';

const requestSchema = z.object({ email: email('Enter your email address') });
const newPasswordSchema = z.object({
  password: z.preprocess((v) => (typeof v === 'string' ? v : ''), z.string().min(1, 'Enter a new password')),
});

export async function passwordResetRoutes(app: FastifyInstance, { db, publicUrl }: { db: AppDb; publicUrl: string }) {
  app.get('/password-reset', async function requestResetGet(_request, reply) {
    return reply.renderPage({
      title: 'Reset your password',
      content: <RequestResetPage values={{}} errors={FormErrors.none()} />,
    });
  });

  app.post('/password-reset', async function requestResetPost(request, reply) {
    const form = parseForm(requestSchema, request.body);
    if (!form.ok) {
      return reply.renderPage({
        title: 'Reset your password',
        status: 400,
        hasErrors: true,
        content: <RequestResetPage values={form.values} errors={form.errors} />,
      });
    }
    await requestPasswordReset({ db, email: form.data.email, ip: request.ip, mailer: app.mailer, publicUrl });
    return reply.redirect('/password-reset/sent', 303);
  });

  app.get('/password-reset/sent', async function resetSentGet(_request, reply) {
    return reply.renderPage({ title: 'Check your email', content: <ResetRequestedPage /> });
  });

  app.get<{ Params: { token: string } }>('/password-reset/:token', async function chooseGet(request, reply) {
    if (!(await isPasswordResetOpen({ db, token: request.params.token }))) {
      return reply.renderPage({ title: 'Link expired', status: 404, content: <ResetLinkGonePage /> });
    }
    return reply.renderPage({
      title: 'Choose a new password',
      content: <ChooseNewPasswordPage token={request.params.token} errors={FormErrors.none()} />,
    });
  });

  app.post<{ Params: { token: string } }>('/password-reset/:token', async function choosePost(request, reply) {
    const token = request.params.token;
    if (!(await isPasswordResetOpen({ db, token }))) {
      return reply.renderPage({ title: 'Link expired', status: 404, content: <ResetLinkGonePage /> });
    }
    const form = parseForm(newPasswordSchema, request.body);
    const result = form.ok
      ? await completePasswordReset({ db, token, password: form.data.password, audit: auditContext(request) })
      : null;
    if (result?.outcome === 'gone') {
      return reply.renderPage({ title: 'Link expired', status: 404, content: <ResetLinkGonePage /> });
    }
    if (result?.outcome === 'changed') return reply.redirect('/sign-in?reset=1', 303);
    const errors = result
      ? new FormErrors([{ field: 'password', message: result.message }])
      : form.ok
        ? FormErrors.none()
        : form.errors;
    return reply.renderPage({
      title: 'Choose a new password',
      status: 400,
      hasErrors: true,
      content: <ChooseNewPasswordPage token={token} errors={errors} />,
    });
  });
}
