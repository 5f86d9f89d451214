import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { requireSignedIn, signedInViewer } from '../../platform/access/guards.ts';
import { auditContext } from '../../platform/audit/audit.ts';
import { hasRole, sessionCookie } from '../../platform/auth/viewer.ts';
import type { AppDb } from '../../platform/db/database.ts';
import { choice, email, pageQuerySchema, requiredText } from '../../platform/forms/fields.ts';
import { FormErrors, parseForm, type FormValues } from '../../platform/forms/forms.ts';
import { parseId } from '../../platform/http/app-error.ts';
import { listOrganisationMembers } from './admin.service.ts';
import {
  acceptInvitation,
  findInvitation,
  invitePerson,
  organisationToInviteTo,
  type OrganisationToInviteTo,
} from './invitations.service.ts';
import { organisationPeoplePaths } from './people.paths.ts';
import { roles } from './roles.ts';
import { AcceptInvitationPage, InvitationGonePage, InvitePage } from './views/invitation-pages.tsx';
import { OrganisationPeoplePage } from './views/organisation-people-page.tsx';

const CHOOSE_OFFERED_ROLE = 'Select one of the roles shown';

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
  const { routes } = organisationPeoplePaths;
  const signedIn = { preHandler: requireSignedIn };

  app.get(routes.people, signedIn, async function organisationPeopleGet(request, reply) {
    const actor = signedInViewer(request);
    const organisationId = parseId((request.params as { id?: unknown }).id);
    const organisation = await organisationToInviteTo({ db, actor, organisationId });
    const { page } = pageQuerySchema.parse(request.query);
    const result = await listOrganisationMembers({ db, actor, organisationId, page });
    const invited = (request.query as { done?: unknown } | undefined)?.done === 'invited';
    return reply.renderPage({
      title: `People in ${organisation.name}`,
      content: <OrganisationPeoplePage organisation={organisation} result={result} invited={invited} />,
    });
  });

  const invitePage = (
    reply: FastifyReply,
    organisation: OrganisationToInviteTo,
    values: FormValues,
    errors: FormErrors,
  ) =>
    reply.renderPage({
      title: 'Invite someone',
      ...(errors.any ? { status: 400, hasErrors: true } : {}),
      content: <InvitePage organisation={organisation} values={values} errors={errors} />,
    });

  app.get(routes.invite, signedIn, async function inviteGet(request, reply) {
    const actor = signedInViewer(request);
    const organisationId = parseId((request.params as { id?: unknown }).id);
    const organisation = await organisationToInviteTo({ db, actor, organisationId });
    return invitePage(reply, organisation, {}, FormErrors.none());
  });

  app.post(routes.invite, signedIn, async function invitePost(request, reply) {
    const actor = signedInViewer(request);
    const organisationId = parseId((request.params as { id?: unknown }).id);
    const organisation = await organisationToInviteTo({ db, actor, organisationId });
    const form = parseForm(inviteSchema, request.body, { role: 'role' });
    if (!form.ok) return invitePage(reply, organisation, form.values, form.errors);
    if (!organisation.roles.includes(form.data.role)) {
      return invitePage(
        reply,
        organisation,
        form.values,
        new FormErrors([{ field: 'role', message: CHOOSE_OFFERED_ROLE }]),
      );
    }
    await invitePerson({
      db,
      actor,
      organisationId,
      ...form.data,
      mailer: app.mailer,
      publicUrl,
      audit: auditContext(request),
    });
    // Administrators came from the organisation's admin page; others from its people page.
    const back = hasRole(actor, 'platform_administrator')
      ? `/admin/organisations/${organisationId}?done=invited`
      : organisationPeoplePaths.people(organisationId, { invited: true });
    return reply.redirect(back, 303);
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
