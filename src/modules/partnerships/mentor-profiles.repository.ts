import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { AppDb } from '../../platform/db/database.ts';
import { organisations } from '../organisations/organisations.tables.ts';
import { memberships, people } from '../people/people.tables.ts';
import { mentorProfiles } from './matching.tables.ts';
import { partnershipParticipants, partnerships } from './partnerships.tables.ts';

export type MentorProfileRow = typeof mentorProfiles.$inferSelect;
export type MentorProfileValues = Omit<
  typeof mentorProfiles.$inferInsert,
  'id' | 'personId' | 'providerOrganisationId' | 'version' | 'createdAt' | 'updatedAt'
>;

/** The providers in whose pool the person is a mentor, by name. */
export async function listMentorProvidersOf(db: AppDb, personId: string): Promise<Array<{ id: string; name: string }>> {
  return db
    .select({ id: organisations.id, name: organisations.name })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(and(eq(memberships.personId, personId), eq(memberships.role, 'mentor'), eq(organisations.kind, 'provider')))
    .orderBy(asc(organisations.name));
}

export async function findProfile(
  db: AppDb,
  { personId, providerId }: { personId: string; providerId: string },
  { forUpdate = false } = {},
): Promise<MentorProfileRow | null> {
  const query = db
    .select()
    .from(mentorProfiles)
    .where(and(eq(mentorProfiles.personId, personId), eq(mentorProfiles.providerOrganisationId, providerId)));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

/** Inserts the person's first profile with this provider; false when one exists already (a second press). */
export async function insertProfile(
  db: AppDb,
  values: MentorProfileValues & { personId: string; providerOrganisationId: string },
): Promise<boolean> {
  const rows = await db
    .insert(mentorProfiles)
    .values(values)
    .onConflictDoNothing()
    .returning({ id: mentorProfiles.id });
  return rows.length > 0;
}

/** Changes the profile over `version`; false when it was saved in between. */
export async function updateProfile(
  db: AppDb,
  { id, version, values }: { id: string; version: number; values: MentorProfileValues },
): Promise<boolean> {
  const rows = await db
    .update(mentorProfiles)
    .set({ ...values, updatedAt: new Date(), version: sql`${mentorProfiles.version} + 1` })
    .where(and(eq(mentorProfiles.id, id), eq(mentorProfiles.version, version)))
    .returning({ id: mentorProfiles.id });
  return rows.length > 0;
}

/** Marks the profile checked as it was at `version`; false when it changed since. */
export async function markChecked(
  db: AppDb,
  { id, version, byPersonId }: { id: string; version: number; byPersonId: string },
): Promise<boolean> {
  const rows = await db
    .update(mentorProfiles)
    .set({
      checkedAt: new Date(),
      checkedByPersonId: byPersonId,
      updatedAt: new Date(),
      version: sql`${mentorProfiles.version} + 1`,
    })
    .where(and(eq(mentorProfiles.id, id), eq(mentorProfiles.version, version)))
    .returning({ id: mentorProfiles.id });
  return rows.length > 0;
}

/** Trusts of the register whose name is exactly one of `names` (ignoring case). */
export async function findTrustsByName(
  db: AppDb,
  names: readonly string[],
): Promise<Array<{ id: string; name: string }>> {
  if (names.length === 0) return [];
  return db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(
      and(
        eq(organisations.kind, 'trust'),
        inArray(
          sql`lower(${organisations.name})`,
          names.map((name) => name.toLowerCase()),
        ),
      ),
    )
    .orderBy(asc(organisations.name));
}

export async function organisationNames(db: AppDb, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(inArray(organisations.id, [...ids]));
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** Partnerships of the profile's provider, not closed, in which its mentor takes part on the mentor side. */
const placesUsed = sql<number>`(
  select count(*)::int from ${partnershipParticipants}
  inner join ${partnerships} on ${partnerships.id} = ${partnershipParticipants.partnershipId}
  where ${partnershipParticipants.personId} = ${mentorProfiles.personId}
    and ${partnershipParticipants.side} = 'mentor'
    and ${partnerships.providerOrganisationId} = ${mentorProfiles.providerOrganisationId}
    and ${partnerships.state} <> 'closed')`.mapWith(Number);

export type PoolRow = MentorProfileRow & { name: string; email: string; providerName: string; placesUsed: number };

function selectPool(db: AppDb) {
  return db
    .select({
      profile: mentorProfiles,
      name: people.displayName,
      email: people.email,
      providerName: organisations.name,
      placesUsed,
    })
    .from(mentorProfiles)
    .innerJoin(people, eq(people.id, mentorProfiles.personId))
    .innerJoin(organisations, eq(organisations.id, mentorProfiles.providerOrganisationId));
}

const flatten = (row: {
  profile: MentorProfileRow;
  name: string;
  email: string;
  providerName: string;
  placesUsed: number;
}) => ({
  ...row.profile,
  name: row.name,
  email: row.email,
  providerName: row.providerName,
  placesUsed: row.placesUsed,
});

/** The providers' mentor profiles, by provider and name. */
export async function listPool(db: AppDb, providerIds: readonly string[]): Promise<PoolRow[]> {
  if (providerIds.length === 0) return [];
  const rows = await selectPool(db)
    .where(inArray(mentorProfiles.providerOrganisationId, [...providerIds]))
    .orderBy(asc(organisations.name), asc(people.displayName));
  return rows.map(flatten);
}

export async function findPoolRow(db: AppDb, profileId: string): Promise<PoolRow | null> {
  const [row] = await selectPool(db).where(eq(mentorProfiles.id, profileId));
  return row ? flatten(row) : null;
}

/**
 * The provider's mentors who may be matched at all: still a mentor of the provider, account not
 * deactivated. Unchecked, full and unavailable ones are included, for matching to say why they are left out.
 */
export async function listMatchableMentors(db: AppDb, providerId: string): Promise<PoolRow[]> {
  const rows = await selectPool(db)
    .where(
      and(
        eq(mentorProfiles.providerOrganisationId, providerId),
        isNull(people.deactivatedAt),
        sql`exists (select 1 from ${memberships} where ${memberships.personId} = ${mentorProfiles.personId}
          and ${memberships.organisationId} = ${mentorProfiles.providerOrganisationId} and ${memberships.role} = 'mentor')`,
      ),
    )
    .orderBy(asc(people.displayName));
  return rows.map(flatten);
}
