import { and, asc, count, eq, exists, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { AppDb } from '../../platform/db/database.ts';
import { organisations, type OrganisationKind } from '../organisations/organisations.tables.ts';
import { memberships, people } from './people.tables.ts';
import type { Role } from './roles.ts';

/** One membership of an organisation, with the account it belongs to. */
export interface MemberRow {
  membershipId: string;
  personId: string;
  displayName: string;
  email: string;
  role: Role;
  deactivatedAt: Date | null;
  /** False until the person has set a password (an invitation not yet accepted). */
  hasPassword: boolean;
}

const memberColumns = {
  membershipId: memberships.id,
  personId: people.id,
  displayName: people.displayName,
  email: people.email,
  role: memberships.role,
  deactivatedAt: people.deactivatedAt,
  hasPassword: sql<boolean>`${people.passwordHash} is not null`,
};

/**
 * One page of the organisation's people, each with every role they hold there. A page
 * counts people, not memberships, so that nobody's roles are split across two pages.
 */
export async function listMembersPage(
  db: AppDb,
  organisationId: string,
  { limit, offset }: { limit: number; offset: number },
): Promise<{ members: MemberRow[]; total: number }> {
  const belongsHere = exists(
    db
      .select({ one: sql`1` })
      .from(memberships)
      .where(and(eq(memberships.personId, people.id), eq(memberships.organisationId, organisationId))),
  );
  const nameOrder = [asc(people.displayName), asc(people.email), asc(people.id)];
  const [pagePeople, [counted]] = await Promise.all([
    db
      .select({ id: people.id })
      .from(people)
      .where(belongsHere)
      .orderBy(...nameOrder)
      .limit(limit)
      .offset(offset),
    db.select({ total: count() }).from(people).where(belongsHere),
  ]);
  const total = counted?.total ?? 0;
  if (pagePeople.length === 0) return { members: [], total };
  const members = await db
    .select(memberColumns)
    .from(memberships)
    .innerJoin(people, eq(people.id, memberships.personId))
    .where(
      and(
        eq(memberships.organisationId, organisationId),
        inArray(
          memberships.personId,
          pagePeople.map((person) => person.id),
        ),
      ),
    )
    .orderBy(...nameOrder, asc(memberships.role));
  return { members, total };
}

export async function findOrganisationKind(db: AppDb, organisationId: string): Promise<OrganisationKind | null> {
  const [row] = await db
    .select({ kind: organisations.kind })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  return row?.kind ?? null;
}

/** `forUpdate` holds the row until the transaction ends, so two changes to one membership take turns. */
export async function findMembership(
  db: AppDb,
  {
    organisationId,
    membershipId,
    forUpdate = false,
  }: { organisationId: string; membershipId: string; forUpdate?: boolean },
): Promise<MemberRow | null> {
  const query = db
    .select(memberColumns)
    .from(memberships)
    .innerJoin(people, eq(people.id, memberships.personId))
    .where(and(eq(memberships.id, membershipId), eq(memberships.organisationId, organisationId)));
  const [row] = forUpdate ? await query.for('update', { of: memberships }) : await query;
  return row ?? null;
}

/** The person's memberships of this organisation: none means the person is not one of its people. */
export async function listMembershipsOfPerson(
  db: AppDb,
  { organisationId, personId }: { organisationId: string; personId: string },
): Promise<MemberRow[]> {
  return db
    .select(memberColumns)
    .from(memberships)
    .innerJoin(people, eq(people.id, memberships.personId))
    .where(and(eq(memberships.personId, personId), eq(memberships.organisationId, organisationId)))
    .orderBy(asc(memberships.role));
}

export async function holdsRole(
  db: AppDb,
  { organisationId, personId, role }: { organisationId: string; personId: string; role: Role },
): Promise<boolean> {
  const [row] = await db
    .select({ id: memberships.id })
    .from(memberships)
    .where(
      and(
        eq(memberships.personId, personId),
        eq(memberships.organisationId, organisationId),
        eq(memberships.role, role),
      ),
    );
  return row !== undefined;
}

export async function countMembershipsWithRole(db: AppDb, personId: string, role: Role): Promise<number> {
  const [row] = await db
    .select({ total: count() })
    .from(memberships)
    .where(and(eq(memberships.personId, personId), eq(memberships.role, role)));
  return row?.total ?? 0;
}

export async function updateMembershipRole(db: AppDb, membershipId: string, role: Role, now: Date): Promise<void> {
  await db.update(memberships).set({ role, updatedAt: now }).where(eq(memberships.id, membershipId));
}

export async function deleteMembership(db: AppDb, membershipId: string): Promise<void> {
  await db.delete(memberships).where(eq(memberships.id, membershipId));
}

/**
 * Deactivates an active account or reactivates a deactivated one. Only a change counts, so
 * pressing the button twice does it once; the answer says whether this call changed it.
 */
export async function setAccountActive(
  db: AppDb,
  personId: string,
  { active, now }: { active: boolean; now: Date },
): Promise<boolean> {
  const updated = await db
    .update(people)
    .set({ deactivatedAt: active ? null : now, updatedAt: now, version: sql`${people.version} + 1` })
    .where(and(eq(people.id, personId), active ? isNotNull(people.deactivatedAt) : isNull(people.deactivatedAt)))
    .returning({ id: people.id });
  return updated.length === 1;
}
