import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { AppDb } from '../../platform/db/database.ts';
import { organisations, type OrganisationKind } from '../organisations/organisations.tables.ts';
import type { Role } from './roles.ts';
import { invitations, memberships, passwordResets, people, sessions } from './people.tables.ts';

export async function findOrganisation(
  db: AppDb,
  organisationId: string,
): Promise<{ name: string; kind: OrganisationKind } | null> {
  const [row] = await db
    .select({ name: organisations.name, kind: organisations.kind })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  return row ?? null;
}

export async function insertInvitation(db: AppDb, values: typeof invitations.$inferInsert): Promise<string> {
  const [row] = await db.insert(invitations).values(values).returning({ id: invitations.id });
  if (!row) throw new Error('invitation not created');
  return row.id;
}

export interface OpenInvitation {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  organisationId: string;
  organisationName: string;
  /** The account that already has this address, if any, and whether it has a password. */
  existingPersonId: string | null;
  existingHasPassword: boolean;
}

/** An invitation that can still be accepted; `forUpdate` locks it so it is accepted once. */
export async function findOpenInvitation(
  db: AppDb,
  tokenHash: string,
  now: Date,
  { forUpdate = false } = {},
): Promise<OpenInvitation | null> {
  const query = db
    .select({
      id: invitations.id,
      email: invitations.email,
      displayName: invitations.displayName,
      role: invitations.role,
      organisationId: invitations.organisationId,
      organisationName: organisations.name,
    })
    .from(invitations)
    .innerJoin(organisations, eq(organisations.id, invitations.organisationId))
    .where(and(eq(invitations.tokenHash, tokenHash), isNull(invitations.acceptedAt), gt(invitations.expiresAt, now)));
  const [row] = forUpdate ? await query.for('update', { of: invitations }) : await query;
  if (!row) return null;
  const [person] = await db
    .select({ id: people.id, passwordHash: people.passwordHash })
    .from(people)
    .where(eq(sql`lower(${people.email})`, row.email.toLowerCase()));
  return { ...row, existingPersonId: person?.id ?? null, existingHasPassword: Boolean(person?.passwordHash) };
}

export async function markInvitationAccepted(db: AppDb, invitationId: string, now: Date): Promise<void> {
  await db.update(invitations).set({ acceptedAt: now, updatedAt: now }).where(eq(invitations.id, invitationId));
}

export async function insertPerson(
  db: AppDb,
  values: { email: string; displayName: string; passwordHash: string; now: Date },
): Promise<string> {
  const [row] = await db
    .insert(people)
    .values({
      email: values.email,
      displayName: values.displayName,
      passwordHash: values.passwordHash,
      passwordChangedAt: values.now,
    })
    .returning({ id: people.id });
  if (!row) throw new Error('person not created');
  return row.id;
}

export async function setPassword(
  db: AppDb,
  personId: string,
  values: { passwordHash: string; now: Date; displayName?: string },
): Promise<void> {
  await db
    .update(people)
    .set({
      passwordHash: values.passwordHash,
      passwordChangedAt: values.now,
      failedSignIns: 0,
      lockedUntil: null,
      updatedAt: values.now,
      ...(values.displayName ? { displayName: values.displayName } : {}),
    })
    .where(eq(people.id, personId));
}

/** Adds the membership unless the person already holds that role there. */
export async function addMembership(db: AppDb, personId: string, organisationId: string, role: Role): Promise<void> {
  await db.insert(memberships).values({ personId, organisationId, role }).onConflictDoNothing();
}

export async function findActivePersonByEmail(db: AppDb, email: string): Promise<{ id: string; email: string } | null> {
  const [row] = await db
    .select({ id: people.id, email: people.email })
    .from(people)
    .where(and(eq(sql`lower(${people.email})`, email.toLowerCase()), isNull(people.deactivatedAt)));
  return row ?? null;
}

export async function insertPasswordReset(db: AppDb, values: typeof passwordResets.$inferInsert): Promise<void> {
  await db.insert(passwordResets).values(values);
}

export async function findOpenPasswordReset(
  db: AppDb,
  tokenHash: string,
  now: Date,
  { forUpdate = false } = {},
): Promise<{ id: string; personId: string; email: string } | null> {
  const query = db
    .select({ id: passwordResets.id, personId: passwordResets.personId, email: people.email })
    .from(passwordResets)
    .innerJoin(people, eq(people.id, passwordResets.personId))
    .where(
      and(
        eq(passwordResets.tokenHash, tokenHash),
        isNull(passwordResets.usedAt),
        gt(passwordResets.expiresAt, now),
        isNull(people.deactivatedAt),
      ),
    );
  const [row] = forUpdate ? await query.for('update', { of: passwordResets }) : await query;
  return row ?? null;
}

export async function markPasswordResetUsed(db: AppDb, resetId: string, now: Date): Promise<void> {
  await db.update(passwordResets).set({ usedAt: now }).where(eq(passwordResets.id, resetId));
}

export async function deleteSessionsOf(db: AppDb, personId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.personId, personId));
}
