import { and, eq, gt, isNull, lt, sql } from 'drizzle-orm';
import type { AppDb } from '../../platform/db/database.ts';
import { organisations } from '../organisations/organisations.tables.ts';
import { memberships, people, sessions } from './people.tables.ts';

export interface SessionPerson {
  personId: string;
  displayName: string;
  email: string;
  mfaEnabled: boolean;
  memberships: Array<{ organisationId: string; organisationName: string; role: string }>;
}

/** The person behind a live session, with every membership, and when the session was last used, in one query. */
export async function findPersonBySessionHash(
  db: AppDb,
  tokenHash: string,
  { now, idleSince }: { now: Date; idleSince: Date },
): Promise<{ person: SessionPerson; lastSeenAt: Date } | null> {
  const rows = await db
    .select({
      personId: people.id,
      displayName: people.displayName,
      email: people.email,
      mfaEnabledAt: people.mfaEnabledAt,
      organisationId: memberships.organisationId,
      organisationName: organisations.name,
      role: memberships.role,
      lastSeenAt: sessions.lastSeenAt,
    })
    .from(sessions)
    .innerJoin(people, eq(people.id, sessions.personId))
    .leftJoin(memberships, eq(memberships.personId, people.id))
    .leftJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(
      and(
        eq(sessions.tokenHash, tokenHash),
        gt(sessions.expiresAt, now),
        gt(sessions.lastSeenAt, idleSince),
        isNull(people.deactivatedAt),
      ),
    )
    .orderBy(organisations.name, memberships.role);
  const first = rows[0];
  if (!first) return null;
  const person = {
    personId: first.personId,
    displayName: first.displayName,
    email: first.email,
    mfaEnabled: first.mfaEnabledAt !== null,
    memberships: rows.flatMap((row) =>
      row.organisationId && row.organisationName && row.role
        ? [{ organisationId: row.organisationId, organisationName: row.organisationName, role: row.role }]
        : [],
    ),
  };
  return { person, lastSeenAt: first.lastSeenAt };
}

export async function insertSession(db: AppDb, values: typeof sessions.$inferInsert): Promise<void> {
  await db.insert(sessions).values(values);
}

export interface Credentials {
  id: string;
  email: string;
  passwordHash: string | null;
  failedSignIns: number;
  lockedUntil: Date | null;
  mfaEnabled: boolean;
}

/** Case-insensitive, as the unique index is; deactivated people cannot sign in and are not found. */
export async function findCredentialsByEmail(db: AppDb, email: string): Promise<Credentials | null> {
  const [row] = await db
    .select({
      id: people.id,
      email: people.email,
      passwordHash: people.passwordHash,
      failedSignIns: people.failedSignIns,
      lockedUntil: people.lockedUntil,
      mfaEnabledAt: people.mfaEnabledAt,
    })
    .from(people)
    .where(and(eq(sql`lower(${people.email})`, email.toLowerCase()), isNull(people.deactivatedAt)));
  return row ? { ...row, mfaEnabled: row.mfaEnabledAt !== null } : null;
}

export async function recordFailedSignIn(
  db: AppDb,
  personId: string,
  { lockAfter, lockForMs, now }: { lockAfter: number; lockForMs: number; now: Date },
): Promise<void> {
  await db
    .update(people)
    .set({
      failedSignIns: sql`${people.failedSignIns} + 1`,
      lockedUntil: sql`case when ${people.failedSignIns} + 1 >= ${lockAfter} then ${new Date(now.getTime() + lockForMs).toISOString()}::timestamptz else ${people.lockedUntil} end`,
    })
    .where(eq(people.id, personId));
}

export async function clearFailedSignIns(db: AppDb, personId: string): Promise<void> {
  await db.update(people).set({ failedSignIns: 0, lockedUntil: null }).where(eq(people.id, personId));
}

export async function deleteSession(db: AppDb, tokenHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

export async function deleteSessionsOfPerson(db: AppDb, personId: string): Promise<number> {
  const deleted = await db
    .delete(sessions)
    .where(eq(sessions.personId, personId))
    .returning({ id: sessions.tokenHash });
  return deleted.length;
}

/** Moves the idle deadline on; the condition keeps two requests in the same minute from both writing. */
export async function touchSession(db: AppDb, tokenHash: string, now: Date, staleBefore: Date): Promise<void> {
  await db
    .update(sessions)
    .set({ lastSeenAt: now })
    .where(and(eq(sessions.tokenHash, tokenHash), lt(sessions.lastSeenAt, staleBefore)));
}

export interface SecondFactor {
  sealedSecret: string | null;
  recoveryCodeHashes: string[];
  failedSignIns: number;
  lockedUntil: Date | null;
}

export async function findSecondFactor(db: AppDb, personId: string): Promise<SecondFactor | null> {
  const [row] = await db
    .select({
      sealedSecret: people.mfaSecret,
      recoveryCodeHashes: people.mfaRecoveryCodeHashes,
      failedSignIns: people.failedSignIns,
      lockedUntil: people.lockedUntil,
    })
    .from(people)
    .where(and(eq(people.id, personId), isNull(people.deactivatedAt)));
  return row ?? null;
}

export async function saveSecondFactor(
  db: AppDb,
  personId: string,
  values: { sealedSecret: string; recoveryCodeHashes: string[]; codeStep: number; now: Date },
): Promise<void> {
  await db
    .update(people)
    .set({
      mfaSecret: values.sealedSecret,
      mfaRecoveryCodeHashes: values.recoveryCodeHashes,
      mfaLastStep: values.codeStep,
      mfaEnabledAt: values.now,
      updatedAt: values.now,
    })
    .where(eq(people.id, personId));
}

/**
 * Records that the authenticator code of `step` was used, only if no code of that step or a later
 * one was: a code seen over someone's shoulder, or sent twice at once, signs in once.
 */
export async function claimCodeStep(db: AppDb, personId: string, step: number): Promise<boolean> {
  const updated = await db
    .update(people)
    .set({ mfaLastStep: step })
    .where(and(eq(people.id, personId), sql`coalesce(${people.mfaLastStep}, -1) < ${step}`))
    .returning({ id: people.id });
  return updated.length === 1;
}

/** Removes one used recovery code, only if it is still there: a code works once even if sent twice at once. */
export async function consumeRecoveryCode(db: AppDb, personId: string, codeHash: string): Promise<boolean> {
  const updated = await db
    .update(people)
    .set({ mfaRecoveryCodeHashes: sql`${people.mfaRecoveryCodeHashes} - ${codeHash}::text` })
    .where(and(eq(people.id, personId), sql`${people.mfaRecoveryCodeHashes} ? ${codeHash}::text`))
    .returning({ id: people.id });
  return updated.length === 1;
}
