import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { requireRole } from '../../platform/access/guards.ts';
import { auditContext } from '../../platform/audit/audit.ts';
import { sessionCookie } from '../../platform/auth/viewer.ts';
import type { AppDb } from '../../platform/db/database.ts';
import { choice, email, requiredText } from '../../platform/forms/fields.ts';
import { FormErrors, parseForm, type FormValues } from '../../platform/forms/forms.ts';
import { parseId } from '../../platform/http/app-error.ts';
import { acceptInvitation, findInvitation, invitePerson, organisationToInviteTo } from './invitations.service.ts';
import { roles } from './roles.ts';
import { AcceptInvitationPage, InvitationGonePage, InvitePage } from './views/invitation-pages.tsx';

const inviteSchema = z.object({
  displayName: requiredText('Enter the person’s full name', { maxLength: 200 }),
  email: email('Enter the person’s email address'),
  role: choice(roles, 'Select the role they will have'),
});

const acceptSchema = z.object({
  displayName: requiredText('Enter your full name', { maxLength: 200 }),
  password: z.preprocess((v) => (typeof v === 'string' ? v : ''), z.string().min(1, 'Choose a password')),
});

interface Options {
  db: AppDb;
  production: boolean;
  publicUrl: string;
}

export async function invitationRoutes(app: FastifyInstance, { db, production, publicUrl }: Options) {
  const admin = { preHandler: requireRole('platform_administrator') };
  const invitePath = '/admin/organisations/:id/invitations/new';

  app.get<{ Params: { id: string } }>(invitePath, admin, async function inviteGet(request, reply) {
    if (!request.viewer) return;
    const organisation = await organisationToInviteTo({
      db,
      actor: request.viewer,
      organisationId: parseId(request.params.id),
    });
    return reply.renderPage({
      title: 'Invite someone',
      content: <InvitePage organisation={organisation} values={{}} errors={FormErrors.none()} />,
    });
  });

  app.post<{ Params: { id: string } }>(invitePath, admin, async function invitePost(request, reply) {
    if (!request.viewer) return;
    const organisationId = parseId(request.params.id);
    const organisation = await organisationToInviteTo({ db, actor: request.viewer, organisationId });
    const form = parseForm(inviteSchema, request.body, { role: 'role' });
    if (!form.ok) {
      return reply.renderPage({
        title: 'Invite someone',
        status: 400,
        hasErrors: true,
        content: <InvitePage organisation={organisation} values={form.values} errors={form.errors} />,
      });
    }
    await invitePerson({
      db,
      actor: request.viewer,
      organisationId,
      ...form.data,
      mailer: app.mailer,
      publicUrl,
      audit: auditContext(request),
    });
    return reply.redirect(`/admin/organisations/${organisationId}?invited=1`, 303);
  });

  const cookie = sessionCookie(production);

  app.get<{ Params: { token: string } }>('/invitations/:token', async function acceptGet(request, reply) {
    const invitation = await findInvitation({ db, token: request.params.token });
    if (!invitation)
      return reply.renderPage({ title: 'Invitation expired', status: 404, content: <InvitationGonePage /> });
    return renderAccept(
      reply,
      request.params.token,
      invitation,
      request.viewer?.email ?? null,
      {},
      FormErrors.none(),
      200,
    );
  });

  app.post<{ Params: { token: string } }>('/invitations/:token', async function acceptPost(request, reply) {
    const token = request.params.token;
    const invitation = await findInvitation({ db, token });
    if (!invitation)
      return reply.renderPage({ title: 'Invitation expired', status: 404, content: <InvitationGonePage /> });
    const signedInAsInvitee = request.viewer?.email.toLowerCase() === invitation.email.toLowerCase();
    const form = parseForm(acceptSchema, request.body);
    if (!signedInAsInvitee && !form.ok) {
      return renderAccept(reply, token, invitation, request.viewer?.email ?? null, form.values, form.errors, 400);
    }
    const result = await acceptInvitation({
      db,
      token,
      viewer: request.viewer,
      displayName: form.ok ? form.data.displayName : invitation.displayName,
      password: form.ok ? form.data.password : '',
      audit: auditContext(request),
    });
    if (result.outcome === 'gone') {
      return reply.renderPage({ title: 'Invitation expired', status: 404, content: <InvitationGonePage /> });
    }
    if (result.outcome === 'password-problem') {
      const errors = new FormErrors([{ field: 'password', message: result.message }]);
      return renderAccept(reply, token, invitation, request.viewer?.email ?? null, form.values, errors, 400);
    }
    if (result.outcome === 'sign-in-first') {
      return renderAccept(reply, token, invitation, null, form.values, FormErrors.none(), 400);
    }
    if (result.sessionToken) reply.setCookie(cookie.name, result.sessionToken, cookie.options);
    return reply.redirect('/', 303);
  });
}

function renderAccept(
  reply: FastifyReply,
  token: string,
  invitation: NonNullable<Awaited<ReturnType<typeof findInvitation>>>,
  viewerEmail: string | null,
  values: FormValues,
  errors: FormErrors,
  status: number,
) {
  const signedInAsInvitee = viewerEmail?.toLowerCase() === invitation.email.toLowerCase();
  return reply.renderPage({
    title: `Join ${invitation.organisationName}`,
    status,
    hasErrors: errors.any,
    content: (
      <AcceptInvitationPage
        token={token}
        invitation={invitation}
        signedInAsInvitee={signedInAsInvitee}
        needsSignIn={!signedInAsInvitee && invitation.existingHasPassword}
        values={values}
        errors={errors}
      />
    ),
  });
}
