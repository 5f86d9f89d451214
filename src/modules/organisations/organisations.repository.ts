import { and, asc, count, eq, getTableColumns, ilike, ne, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { AppDb } from '../../platform/db/database.ts';
import { organisations, type OrganisationKind } from './organisations.tables.ts';

export type OrganisationRow = typeof organisations.$inferSelect;
export type OrganisationRecord = OrganisationRow & { trustName: string | null };

/** What the list is narrowed to; every part optional, all applied in SQL. */
export interface SearchFilter {
  kind: OrganisationKind | null;
  trustId: string | null;
  /** Part of a name, matched without regard to case. */
  nameContains: string | null;
  /** A URN or group UID, when what was typed is a number. */
  identifier: number | null;
  companiesHouseNumber: string | null;
}

export interface OrganisationSummary {
  id: string;
  kind: OrganisationKind;
  name: string;
  urn: number | null;
  groupUid: number | null;
  town: string | null;
  localAuthority: string | null;
}

/** LIKE treats % and _ as wildcards: a person searching for "a_b" means those three characters. */
function containing(text: string): string {
  return `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

function searchConditions(filter: SearchFilter): SQL | undefined {
  const matches: Array<SQL | undefined> = [];
  if (filter.nameContains) matches.push(ilike(organisations.name, containing(filter.nameContains)));
  if (filter.identifier !== null) {
    matches.push(eq(organisations.urn, filter.identifier), eq(organisations.groupUid, filter.identifier));
  }
  if (filter.companiesHouseNumber) matches.push(eq(organisations.companiesHouseNumber, filter.companiesHouseNumber));
  return and(
    filter.kind ? eq(organisations.kind, filter.kind) : undefined,
    filter.trustId ? eq(organisations.trustId, filter.trustId) : undefined,
    matches.length > 0 ? or(...matches) : undefined,
  );
}

/** One page of organisations in name order (the id breaks ties so pages never overlap), and the total. */
export async function searchOrganisations(
  db: AppDb,
  { filter, limit, offset }: { filter: SearchFilter; limit: number; offset: number },
): Promise<{ rows: OrganisationSummary[]; total: number }> {
  const where = searchConditions(filter);
  const [rows, totals] = await Promise.all([
    db
      .select({
        id: organisations.id,
        kind: organisations.kind,
        name: organisations.name,
        urn: organisations.urn,
        groupUid: organisations.groupUid,
        town: organisations.town,
        localAuthority: organisations.localAuthority,
      })
      .from(organisations)
      .where(where)
      .orderBy(asc(organisations.name), asc(organisations.id))
      .limit(limit)
      .offset(offset),
    db.select({ total: count() }).from(organisations).where(where),
  ]);
  return { rows, total: totals[0]?.total ?? 0 };
}

const trust = alias(organisations, 'trust');

/** `forUpdate` holds the row until the transaction ends, so two saves of one organisation take turns. */
export async function findOrganisation(
  db: AppDb,
  id: string,
  { forUpdate = false }: { forUpdate?: boolean } = {},
): Promise<OrganisationRecord | null> {
  const query = db
    .select({ ...getTableColumns(organisations), trustName: trust.name })
    .from(organisations)
    .leftJoin(trust, eq(trust.id, organisations.trustId))
    .where(eq(organisations.id, id));
  const [row] = forUpdate ? await query.for('update', { of: organisations }) : await query;
  return row ?? null;
}

export async function countSchoolsOfTrust(db: AppDb, trustId: string): Promise<number> {
  const [row] = await db
    .select({ total: count() })
    .from(organisations)
    .where(and(eq(organisations.trustId, trustId), eq(organisations.kind, 'school')));
  return row?.total ?? 0;
}

/**
 * Organisations are added one at a time: a second "Add" of the same details (a double
 * submit, or two administrators at once) waits here until the first has committed, and
 * then finds it. Held until the transaction ends.
 */
export async function lockOrganisationCreation(db: AppDb): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext('tandem:organisations:create'))`);
}

/** Kinds with no identifier of their own: their name is what tells them apart. */
const identifiedByName: OrganisationKind[] = ['provider', 'group'];

export interface Candidate {
  kind: OrganisationKind;
  name: string;
  urn: number | null;
  groupUid: number | null;
  companiesHouseNumber: string | null;
}

/** Organisations that already hold one of the candidate's identifiers (or, for providers and groups, its name). */
export async function findClashes(
  db: AppDb,
  candidate: Candidate,
  { exceptId }: { exceptId?: string } = {},
): Promise<OrganisationRow[]> {
  const clashes: SQL[] = [];
  if (candidate.urn !== null) clashes.push(eq(organisations.urn, candidate.urn));
  if (candidate.groupUid !== null) clashes.push(eq(organisations.groupUid, candidate.groupUid));
  if (candidate.companiesHouseNumber !== null) {
    clashes.push(eq(organisations.companiesHouseNumber, candidate.companiesHouseNumber));
  }
  if (identifiedByName.includes(candidate.kind)) {
    clashes.push(
      and(
        eq(organisations.kind, candidate.kind),
        eq(sql`lower(${organisations.name})`, candidate.name.toLowerCase()),
      ) as SQL,
    );
  }
  // No condition would mean "every organisation": nothing can clash.
  if (clashes.length === 0) return [];
  return db
    .select()
    .from(organisations)
    .where(and(or(...clashes), exceptId ? ne(organisations.id, exceptId) : undefined))
    .orderBy(asc(organisations.name))
    .limit(5);
}

export async function insertOrganisation(db: AppDb, values: Candidate): Promise<{ id: string }> {
  const [row] = await db.insert(organisations).values(values).returning({ id: organisations.id });
  if (!row) throw new Error('organisation not inserted');
  return row;
}

/** Saves only over the version the editor read; returns false when someone saved in between. */
export async function updateOrganisationDetails(
  db: AppDb,
  id: string,
  { version, details, now }: { version: number; details: Omit<Candidate, 'kind'>; now: Date },
): Promise<boolean> {
  const updated = await db
    .update(organisations)
    .set({ ...details, updatedAt: now, version: sql`${organisations.version} + 1` })
    .where(and(eq(organisations.id, id), eq(organisations.version, version)))
    .returning({ id: organisations.id });
  return updated.length === 1;
}
