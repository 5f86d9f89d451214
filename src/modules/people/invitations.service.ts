import { randomBytes } from 'node:crypto';
import { recordAuditEvent, type AuditRequestContext } from '../../platform/audit/audit.ts';
import { hasRole, type Viewer } from '../../platform/auth/viewer.ts';
import type { AppDb } from '../../platform/db/database.ts';
import { assertAllowed } from '../../platform/access/access.ts';
import type { OrganisationKind } from '../organisations/organisations.tables.ts';
import { AppError } from '../../platform/http/app-error.ts';
import type { Mailer } from '../../platform/mail/mailer.ts';
import * as repository from './invitations.repository.ts';
import { hashPassword, passwordProblem } from './passwords.ts';
import { hashToken, isTokenShaped, startSession } from './people.service.ts';
import { managePeopleOf } from './people.policy.ts';
import { grantableRoles, roleLabels, type Role } from './roles.ts';

export const INVITATION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

export interface OrganisationToInviteTo {
  id: string;
  name: string;
  kind: OrganisationKind;
  /** The roles this actor may give here, in the order forms offer them. */
  roles: Role[];
}

/**
 * Where the actor may invite people, and with which roles: administrators anywhere, a
 * programme manager into their provider and a chief executive into their trust.
 */
export async function organisationToInviteTo({
  db,
  actor,
  organisationId,
}: {
  db: AppDb;
  actor: Viewer;
  organisationId: string;
}): Promise<OrganisationToInviteTo> {
  const organisation = await repository.findOrganisation(db, organisationId);
  if (!organisation) throw AppError.notFound();
  await assertAllowed(db, { actor, permission: managePeopleOf, ids: [organisationId] });
  const byAdministrator = hasRole(actor, 'platform_administrator');
  return { ...organisation, id: organisationId, roles: grantableRoles(organisation.kind, { byAdministrator }) };
}

/** Creates the invitation and emails its single-use link; the link is the only copy of the token. */
export async function invitePerson({
  db,
  actor,
  organisationId,
  email,
  displayName,
  role,
  mailer,
  publicUrl,
  audit = {},
  now = new Date(),
}: {
  db: AppDb;
  actor: Viewer;
  organisationId: string;
  email: string;
  displayName: string;
  role: Role;
  mailer: Mailer;
  publicUrl: string;
  audit?: AuditRequestContext;
  now?: Date;
}): Promise<void> {
  const organisation = await organisationToInviteTo({ db, actor, organisationId });
  // The form offers only these; anything else was not sent by it.
  if (!organisation.roles.includes(role)) throw AppError.forbidden();
  const token = randomBytes(32).toString('base64url');
  await db.transaction(async (tx) => {
    await repository.insertInvitation(tx, {
      email,
      displayName,
      organisationId,
      role,
      invitedByPersonId: actor.personId,
      tokenHash: hashToken(token),
      expiresAt: new Date(now.getTime() + INVITATION_LIFETIME_MS),
    });
    await recordAuditEvent(
      tx,
      { action: 'invitation.sent', actorPersonId: actor.personId, organisationId, details: { role } },
      audit,
    );
  });
  await mailer.send({
    to: email,
    subject: `You are invited to join ${organisation.name} on Tandem`,
    text: [
      `Dear ${displayName},`,
      '',
      `${actor.displayName} has invited you to join ${organisation.name} on Tandem as ${roleLabels[role].toLowerCase()}.`,
      '',
      'Accept the invitation and choose your password here (the link works once, for 7 days):',
      `${publicUrl}/invitations/${token}`,
      '',
      'If you did not expect this, you can ignore this email.',
    ].join('\n'),
  });
}

export async function findInvitation({
  db,
  token,
  now = new Date(),
}: {
  db: AppDb;
  token: string;
  now?: Date;
}): Promise<repository.OpenInvitation | null> {
  return isTokenShaped(token) ? repository.findOpenInvitation(db, hashToken(token), now) : null;
}

export type AcceptResult =
  | { outcome: 'accepted'; sessionToken: string | null }
  | { outcome: 'password-problem'; message: string }
  | { outcome: 'sign-in-first' }
  | { outcome: 'gone' };

/**
 * Accepts once: the invitation row is locked, so two clicks of the link (or two tabs) do
 * not both succeed. Someone new chooses a password and is signed in; someone who already
 * has an account accepts while signed in as that address.
 */
export async function acceptInvitation({
  db,
  token,
  viewer,
  displayName,
  password,
  audit = {},
  now = new Date(),
}: {
  db: AppDb;
  token: string;
  viewer: Viewer | null;
  displayName: string;
  password: string;
  audit?: AuditRequestContext;
  now?: Date;
}): Promise<AcceptResult> {
  return db.transaction(async (tx) => {
    const invitation = await repository.findOpenInvitation(tx, hashToken(token), now, { forUpdate: true });
    if (!invitation) return { outcome: 'gone' as const };
    const signedInAsInvitee = viewer !== null && viewer.email.toLowerCase() === invitation.email.toLowerCase();
    let personId = signedInAsInvitee ? viewer.personId : invitation.existingPersonId;
    let startsSession = false;
    if (!signedInAsInvitee) {
      if (invitation.existingHasPassword) return { outcome: 'sign-in-first' as const };
      const problem = passwordProblem(password, { email: invitation.email });
      if (problem) return { outcome: 'password-problem' as const, message: problem };
      const passwordHash = await hashPassword(password);
      if (personId) await repository.setPassword(tx, personId, { passwordHash, now, displayName });
      else personId = await repository.insertPerson(tx, { email: invitation.email, displayName, passwordHash, now });
      startsSession = true;
    }
    if (!personId) return { outcome: 'gone' as const };
    await repository.addMembership(tx, personId, invitation.organisationId, invitation.role);
    await repository.markInvitationAccepted(tx, invitation.id, now);
    await recordAuditEvent(
      tx,
      {
        action: 'invitation.accepted',
        actorPersonId: personId,
        subjectPersonId: personId,
        organisationId: invitation.organisationId,
        details: { role: invitation.role },
      },
      audit,
    );
    const sessionToken = startsSession ? await startSession({ db: tx, personId, now }) : null;
    return { outcome: 'accepted' as const, sessionToken };
  });
}
