import { and, eq, gt, isNull } from 'drizzle-orm';
import type { AppDb } from '../../platform/db/database.ts';
import { organisations } from '../organisations/organisations.tables.ts';
import { memberships, people, sessions } from './people.tables.ts';

export interface SessionPerson {
  personId: string;
  displayName: string;
  email: string;
  memberships: Array<{ organisationId: string; organisationName: string; role: string }>;
}

/** The person behind a live session, with every membership, in one query. */
export async function findPersonBySessionHash(db: AppDb, tokenHash: string, now: Date): Promise<SessionPerson | null> {
  const rows = await db
    .select({
      personId: people.id,
      displayName: people.displayName,
      email: people.email,
      organisationId: memberships.organisationId,
      organisationName: organisations.name,
      role: memberships.role,
    })
    .from(sessions)
    .innerJoin(people, eq(people.id, sessions.personId))
    .leftJoin(memberships, eq(memberships.personId, people.id))
    .leftJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now), isNull(people.deactivatedAt)))
    .orderBy(organisations.name, memberships.role);
  const first = rows[0];
  if (!first) return null;
  return {
    personId: first.personId,
    displayName: first.displayName,
    email: first.email,
    memberships: rows.flatMap((row) =>
      row.organisationId && row.organisationName && row.role
        ? [{ organisationId: row.organisationId, organisationName: row.organisationName, role: row.role }]
        : [],
    ),
  };
}

export async function insertSession(
  db: AppDb,
  values: { tokenHash: string; personId: string; expiresAt: Date },
): Promise<void> {
  await db.insert(sessions).values(values);
}
