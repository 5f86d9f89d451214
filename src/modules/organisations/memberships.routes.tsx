import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { requireRole, signedInViewer } from '../../platform/access/guards.ts';
import { auditContext } from '../../platform/audit/audit.ts';
import type { AppDb } from '../../platform/db/database.ts';
import { FormErrors, parseForm } from '../../platform/forms/forms.ts';
import { AppError, parseId } from '../../platform/http/app-error.ts';
import {
  changeMembershipRole,
  deactivateAccount,
  getOrganisationMember,
  getOrganisationMembership,
  isOwnLastAdministratorMembership,
  reactivateAccount,
  removeMembership,
  roleLabels,
  rolesByOrganisationKind,
  type OrganisationMember,
  type Role,
} from '../people/index.ts';
import { organisationPaths } from './organisations.paths.ts';
import { ORGANISATIONS_ROLE } from './organisations.policy.ts';
import { roleFormSchema } from './organisations.schemas.ts';
import type { OrganisationKind } from './organisations.tables.ts';
import { getOrganisation } from './organisations.service.ts';
import {
  ChangeRolePage,
  DeactivateAccountPage,
  ReactivateAccountPage,
  RemoveMembershipPage,
} from './views/membership-pages.tsx';

const { routes } = organisationPaths;

/** The organisation in the URL, then the membership in it: each a 404 when it is not there. */
async function membershipFrom(db: AppDb, request: FastifyRequest) {
  const params = request.params as { id?: unknown; membershipId?: unknown };
  const id = parseId(params.id);
  const membershipId = parseId(params.membershipId);
  const actor = signedInViewer(request);
  const organisation = await getOrganisation({ db, actor, id });
  const membership = await getOrganisationMembership({ db, actor, organisationId: id, membershipId });
  const refused = await isOwnLastAdministratorMembership({ db, actor, membership });
  return { actor, organisation, membership, refused };
}

/**
 * The roles people hold in this kind of organisation, and the one the person holds now if it
 * is not among them (given before the rule, say), so that the form always shows where they stand.
 */
function offeredRoles(kind: OrganisationKind, current: Role): Role[] {
  const offered = rolesByOrganisationKind[kind];
  return offered.includes(current) ? [...offered] : [current, ...offered];
}

export async function membershipRoutes(app: FastifyInstance, { db }: { db: AppDb }): Promise<void> {
  const preHandler = requireRole(ORGANISATIONS_ROLE);

  const rolePage = (
    reply: FastifyReply,
    props: {
      organisation: { id: string; name: string; kind: OrganisationKind };
      membership: OrganisationMember;
      chosen: string;
      shownRole: string;
      errors: FormErrors;
      refused: boolean;
      status?: number;
    },
  ) =>
    reply.renderPage({
      title: `Change ${props.membership.displayName}'s role`,
      ...(props.errors.any ? { status: props.status ?? 400, hasErrors: true } : {}),
      content: <ChangeRolePage {...props} offered={offeredRoles(props.organisation.kind, props.membership.role)} />,
    });

  app.get(routes.role, { preHandler }, async function membershipRoleGet(request, reply) {
    const { organisation, membership, refused } = await membershipFrom(db, request);
    const role = membership.role;
    return rolePage(reply, {
      organisation,
      membership,
      chosen: role,
      shownRole: role,
      errors: FormErrors.none(),
      refused,
    });
  });

  app.post(routes.role, { preHandler }, async function membershipRolePost(request, reply) {
    const { actor, organisation, membership, refused } = await membershipFrom(db, request);
    const form = parseForm(roleFormSchema, request.body);
    const shownRole = typeof form.values.currentRole === 'string' ? form.values.currentRole : membership.role;
    const again = (errors: FormErrors, chosen: string, status = 400) =>
      rolePage(reply, { organisation, membership, chosen, shownRole, errors, refused, status });
    if (!form.ok) return again(form.errors, '');

    const result = await changeMembershipRole({
      db,
      actor,
      organisationId: organisation.id,
      membershipId: membership.membershipId,
      role: form.data.role,
      expectedRole: form.data.currentRole,
      audit: auditContext(request),
    });
    const name = membership.displayName;
    switch (result.outcome) {
      case 'changed':
      case 'unchanged':
        return reply.redirect(organisationPaths.organisation(organisation.id, 'role-changed'), 303);
      case 'already-held':
        return again(
          new FormErrors([
            { field: 'role', message: `${name} is already ${roleLabels[form.data.role].toLowerCase()} here` },
          ]),
          form.data.role,
        );
      case 'stale':
        // Told what it is now, with their choice kept; sending the form again changes it from the new role.
        return rolePage(reply, {
          organisation,
          membership: { ...membership, role: result.currentRole },
          chosen: form.data.role,
          shownRole: result.currentRole,
          errors: new FormErrors([
            {
              field: 'role',
              message: `Someone else changed ${name}'s role while you were choosing: it is now ${roleLabels[result.currentRole].toLowerCase()}`,
            },
          ]),
          refused,
          status: 409,
        });
      case 'not-for-this-organisation':
        return again(new FormErrors([{ field: 'role', message: 'Select one of the roles shown' }]), '');
      case 'own-last-administrator':
        throw AppError.forbidden();
    }
  });

  const removePage = (reply: FastifyReply, found: Awaited<ReturnType<typeof membershipFrom>>) =>
    reply.renderPage({
      title: `Remove ${found.membership.displayName} as ${roleLabels[found.membership.role].toLowerCase()}`,
      content: <RemoveMembershipPage {...found} />,
    });

  app.get(routes.remove, { preHandler }, async function membershipRemoveGet(request, reply) {
    return removePage(reply, await membershipFrom(db, request));
  });

  app.post(routes.remove, { preHandler }, async function membershipRemovePost(request, reply) {
    const params = request.params as { id?: unknown; membershipId?: unknown };
    const id = parseId(params.id);
    const membershipId = parseId(params.membershipId);
    const actor = signedInViewer(request);
    await getOrganisation({ db, actor, id });
    // Pressed twice, the second finds it gone: still "removed", as the person meant.
    const result = await removeMembership({
      db,
      actor,
      organisationId: id,
      membershipId,
      audit: auditContext(request),
    });
    if (result.outcome === 'own-last-administrator') throw AppError.forbidden();
    return reply.redirect(organisationPaths.organisation(id, 'removed'), 303);
  });

  async function personFrom(request: FastifyRequest) {
    const params = request.params as { id?: unknown; personId?: unknown };
    const id = parseId(params.id);
    const personId = parseId(params.personId);
    const actor = signedInViewer(request);
    const organisation = await getOrganisation({ db, actor, id });
    const [person] = await getOrganisationMember({ db, actor, organisationId: id, personId });
    if (!person) throw AppError.notFound();
    return { actor, organisation, person };
  }

  app.get(routes.deactivate, { preHandler }, async function accountDeactivateGet(request, reply) {
    const { actor, organisation, person } = await personFrom(request);
    return reply.renderPage({
      title: `Deactivate ${person.displayName}'s account`,
      content: (
        <DeactivateAccountPage
          organisation={organisation}
          person={person}
          ownAccount={person.personId === actor.personId}
        />
      ),
    });
  });

  app.post(routes.deactivate, { preHandler }, async function accountDeactivatePost(request, reply) {
    const { actor, organisation, person } = await personFrom(request);
    const result = await deactivateAccount({
      db,
      actor,
      organisationId: organisation.id,
      personId: person.personId,
      audit: auditContext(request),
    });
    if (result.outcome === 'own-account') throw AppError.forbidden();
    return reply.redirect(organisationPaths.organisation(organisation.id, 'deactivated'), 303);
  });

  app.get(routes.reactivate, { preHandler }, async function accountReactivateGet(request, reply) {
    const { organisation, person } = await personFrom(request);
    return reply.renderPage({
      title: `Reactivate ${person.displayName}'s account`,
      content: <ReactivateAccountPage organisation={organisation} person={person} />,
    });
  });

  app.post(routes.reactivate, { preHandler }, async function accountReactivatePost(request, reply) {
    const { actor, organisation, person } = await personFrom(request);
    await reactivateAccount({
      db,
      actor,
      organisationId: organisation.id,
      personId: person.personId,
      audit: auditContext(request),
    });
    return reply.redirect(organisationPaths.organisation(organisation.id, 'reactivated'), 303);
  });
}
