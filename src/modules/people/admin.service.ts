import { recordAuditEvent, type AuditRequestContext } from '../../platform/audit/audit.ts';
import { hasRole, type Viewer } from '../../platform/auth/viewer.ts';
import { isUniqueViolation, type AppDb } from '../../platform/db/database.ts';
import { fetchPageOrLast, type Paged } from '../../platform/db/paging.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { allowedIds, assertAllowed } from '../../platform/access/access.ts';
import * as repository from './admin.repository.ts';
import { managePeopleOf } from './people.policy.ts';
import { deleteSessionsOfPerson } from './people.repository.ts';
import { rolesByOrganisationKind, type Role } from './roles.ts';

export type { MemberRow as OrganisationMember } from './admin.repository.ts';

/**
 * What platform administrators do to other people's memberships and accounts. Every
 * function checks the actor first, and every change is written to the audit log in the
 * same transaction as the change, so neither can happen without the other.
 */
const ADMINISTRATOR: Role = 'platform_administrator';

function assertAdministrator(actor: Viewer | null): asserts actor is Viewer {
  if (!hasRole(actor, ADMINISTRATOR)) throw AppError.forbidden();
}

export const PEOPLE_PAGE_SIZE = 20;

export interface MembersPage extends Paged {
  members: repository.MemberRow[];
  /** How many people (not memberships) the organisation has. */
  total: number;
}

/** The organisation's people, a page at a time: for administrators and for those who manage its people. */
export async function listOrganisationMembers({
  db,
  actor,
  organisationId,
  page = 1,
}: {
  db: AppDb;
  actor: Viewer | null;
  organisationId: string;
  page?: number;
}): Promise<MembersPage> {
  await assertAllowed(db, { actor, permission: managePeopleOf, ids: [organisationId] });
  return fetchPageOrLast(page, PEOPLE_PAGE_SIZE, (limit, offset) =>
    repository.listMembersPage(db, organisationId, { limit, offset }),
  );
}

/** One membership of the organisation; a membership of another organisation is not found here. */
export async function getOrganisationMembership({
  db,
  actor,
  organisationId,
  membershipId,
}: {
  db: AppDb;
  actor: Viewer | null;
  organisationId: string;
  membershipId: string;
}): Promise<repository.MemberRow> {
  assertAdministrator(actor);
  const membership = await repository.findMembership(db, { organisationId, membershipId });
  if (!membership) throw AppError.notFound();
  return membership;
}

/** A person's memberships of the organisation; someone who is not one of its people is not found here. */
export async function getOrganisationMember({
  db,
  actor,
  organisationId,
  personId,
}: {
  db: AppDb;
  actor: Viewer | null;
  organisationId: string;
  personId: string;
}): Promise<repository.MemberRow[]> {
  assertAdministrator(actor);
  const rows = await repository.listMembershipsOfPerson(db, { organisationId, personId });
  if (rows.length === 0) throw AppError.notFound();
  return rows;
}

/**
 * An administrator who gave up their last administrator membership could not undo it:
 * another administrator has to make that change.
 */
export async function isOwnLastAdministratorMembership({
  db,
  actor,
  membership,
}: {
  db: AppDb;
  actor: Viewer;
  membership: Pick<repository.MemberRow, 'personId' | 'role'>;
}): Promise<boolean> {
  if (membership.personId !== actor.personId || membership.role !== ADMINISTRATOR) return false;
  return (await repository.countMembershipsWithRole(db, actor.personId, ADMINISTRATOR)) <= 1;
}

export type RoleChange =
  | { outcome: 'changed' | 'unchanged' }
  /** Someone changed the role since the form was shown: it is now `currentRole`. */
  | { outcome: 'stale'; currentRole: Role }
  /** The person already holds the chosen role in this organisation. */
  | { outcome: 'already-held' }
  /** Nobody holds that role in this kind of organisation (a mentor in a school, say). */
  | { outcome: 'not-for-this-organisation' }
  | { outcome: 'own-last-administrator' };

export async function changeMembershipRole({
  db,
  actor,
  organisationId,
  membershipId,
  role,
  expectedRole,
  audit = {},
  now = new Date(),
}: {
  db: AppDb;
  actor: Viewer | null;
  organisationId: string;
  membershipId: string;
  role: Role;
  /** The role the form showed: if it changed since, the person choosing is told rather than overruled. */
  expectedRole: string;
  audit?: AuditRequestContext;
  now?: Date;
}): Promise<RoleChange> {
  assertAdministrator(actor);
  try {
    return await db.transaction(async (tx) => {
      const membership = await repository.findMembership(tx, { organisationId, membershipId, forUpdate: true });
      if (!membership) throw AppError.notFound();
      // A second press of the button asks for what the first one did: done already.
      if (membership.role === role) return { outcome: 'unchanged' } as const;
      const kind = await repository.findOrganisationKind(tx, organisationId);
      if (!kind || !rolesByOrganisationKind[kind].includes(role))
        return { outcome: 'not-for-this-organisation' } as const;
      if (membership.role !== expectedRole) return { outcome: 'stale', currentRole: membership.role } as const;
      if (await isOwnLastAdministratorMembership({ db: tx, actor, membership })) {
        return { outcome: 'own-last-administrator' } as const;
      }
      if (await repository.holdsRole(tx, { organisationId, personId: membership.personId, role })) {
        return { outcome: 'already-held' } as const;
      }
      await repository.updateMembershipRole(tx, membershipId, role, now);
      await recordAuditEvent(
        tx,
        {
          action: 'role.changed',
          actorPersonId: actor.personId,
          subjectPersonId: membership.personId,
          organisationId,
          details: { role, previousRole: membership.role },
        },
        audit,
      );
      return { outcome: 'changed' } as const;
    });
  } catch (error) {
    // The same role given to the same person at the same moment by someone else: the index refused the second.
    if (isUniqueViolation(error)) return { outcome: 'already-held' };
    throw error;
  }
}

export type MembershipRemoval = { outcome: 'removed' | 'already-removed' | 'own-last-administrator' };

export async function removeMembership({
  db,
  actor,
  organisationId,
  membershipId,
  audit = {},
}: {
  db: AppDb;
  actor: Viewer | null;
  organisationId: string;
  membershipId: string;
  audit?: AuditRequestContext;
}): Promise<MembershipRemoval> {
  assertAdministrator(actor);
  return db.transaction(async (tx) => {
    const membership = await repository.findMembership(tx, { organisationId, membershipId, forUpdate: true });
    // Pressed twice: the first press removed it.
    if (!membership) return { outcome: 'already-removed' } as const;
    if (await isOwnLastAdministratorMembership({ db: tx, actor, membership })) {
      return { outcome: 'own-last-administrator' } as const;
    }
    await repository.deleteMembership(tx, membershipId);
    // A removal is a role change to no role: the audit log's convention leaves `role` out.
    await recordAuditEvent(
      tx,
      {
        action: 'role.changed',
        actorPersonId: actor.personId,
        subjectPersonId: membership.personId,
        organisationId,
        details: { previousRole: membership.role },
      },
      audit,
    );
    return { outcome: 'removed' } as const;
  });
}

interface AccountChange {
  db: AppDb;
  actor: Viewer | null;
  /** The organisation whose page the administrator came from: the person must be one of its people. */
  organisationId: string;
  personId: string;
  audit?: AuditRequestContext;
  now?: Date;
}

/**
 * Marks the account active or not, with its audit event, in one transaction. Returns false
 * when it already was: pressing the button twice does it once, and records it once.
 */
async function setAccountActive(
  { db, actor, organisationId, personId, audit = {}, now = new Date() }: AccountChange & { actor: Viewer },
  active: boolean,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const rows = await repository.listMembershipsOfPerson(tx, { organisationId, personId });
    if (rows.length === 0) throw AppError.notFound();
    if (!(await repository.setAccountActive(tx, personId, { active, now }))) return false;
    // A deactivated person's sessions end now, not when they next time out.
    if (!active) await deleteSessionsOfPerson(tx, personId);
    await recordAuditEvent(
      tx,
      {
        action: active ? 'account.reactivated' : 'account.deactivated',
        actorPersonId: actor.personId,
        subjectPersonId: personId,
        organisationId,
      },
      audit,
    );
    return true;
  });
}

export type Deactivation = { outcome: 'deactivated' | 'already-deactivated' | 'own-account' };

/**
 * Stops a person signing in: the account is marked deactivated (sign-in and session
 * lookups ignore such accounts) and every session they hold ends now.
 */
export async function deactivateAccount(change: AccountChange): Promise<Deactivation> {
  const { actor } = change;
  assertAdministrator(actor);
  // Nobody else could reactivate an administrator who locked themselves out by mistake.
  if (change.personId === actor.personId) return { outcome: 'own-account' };
  return { outcome: (await setAccountActive({ ...change, actor }, false)) ? 'deactivated' : 'already-deactivated' };
}

export type Reactivation = { outcome: 'reactivated' | 'already-active' };

/** Lets a deactivated person sign in again with their password; their roles were kept all along. */
export async function reactivateAccount(change: AccountChange): Promise<Reactivation> {
  const { actor } = change;
  assertAdministrator(actor);
  return { outcome: (await setAccountActive({ ...change, actor }, true)) ? 'reactivated' : 'already-active' };
}

/** Of the actor's own organisations, those whose people they may see and invite into (for links to them). */
export async function organisationsWhosePeopleTheyManage({
  db,
  actor,
}: {
  db: AppDb;
  actor: Viewer | null;
}): Promise<Set<string>> {
  const own = actor?.memberships.map((membership) => membership.organisationId) ?? [];
  return allowedIds(db, { actor, permission: managePeopleOf, ids: own });
}
