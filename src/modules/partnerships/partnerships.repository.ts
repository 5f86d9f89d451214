import { and, asc, count, desc, eq, inArray, isNull, or, sql, sum } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { auditEvents } from '../../platform/audit/audit.tables.ts';
import type { AppDb } from '../../platform/db/database.ts';
import { organisations } from '../organisations/organisations.tables.ts';
import { people } from '../people/people.tables.ts';
import { partnershipTimeEntries } from './meetings.tables.ts';
import { termAndBudgetColumns } from './partnership-columns.ts';
import {
  mentoringServices,
  partnershipParticipants,
  partnerships,
  type PartnershipSide,
  type PartnershipState,
} from './partnerships.tables.ts';
import type { BudgetComponent, TimeBudget } from './time-budget.ts';

export type PartnershipRow = Omit<typeof partnerships.$inferSelect, 'creationKey'> & {
  serviceName: string;
  providerName: string;
  menteeTrustName: string | null;
  /** Who closed it, while their account exists. */
  closedByName: string | null;
};

const menteeTrust = alias(organisations, 'mentee_trust');
const provider = alias(organisations, 'provider');
const closedBy = alias(people, 'closed_by_person');

/** Every column but the creation key, which only the insert needs. */
const partnershipColumns = {
  id: partnerships.id,
  serviceId: partnerships.serviceId,
  providerOrganisationId: partnerships.providerOrganisationId,
  kind: partnerships.kind,
  state: partnerships.state,
  title: partnerships.title,
  menteeTrustId: partnerships.menteeTrustId,
  mentorTrustId: partnerships.mentorTrustId,
  diagnosticReviewId: partnerships.diagnosticReviewId,
  planId: partnerships.planId,
  preferences: partnerships.preferences,
  ...termAndBudgetColumns,
  feePence: partnerships.feePence,
  meetingPattern: partnerships.meetingPattern,
  matchConfirmedAt: partnerships.matchConfirmedAt,
  matchConfirmedByPersonId: partnerships.matchConfirmedByPersonId,
  previousPartnershipId: partnerships.previousPartnershipId,
  sustainNote: partnerships.sustainNote,
  closedAt: partnerships.closedAt,
  closedByPersonId: partnerships.closedByPersonId,
  version: partnerships.version,
  createdAt: partnerships.createdAt,
  updatedAt: partnerships.updatedAt,
};

function selectPartnerships(db: AppDb) {
  return db
    .select({
      ...partnershipColumns,
      serviceName: mentoringServices.name,
      providerName: provider.name,
      menteeTrustName: menteeTrust.name,
      closedByName: closedBy.displayName,
    })
    .from(partnerships)
    .innerJoin(mentoringServices, eq(mentoringServices.id, partnerships.serviceId))
    .innerJoin(provider, eq(provider.id, partnerships.providerOrganisationId))
    .leftJoin(menteeTrust, eq(menteeTrust.id, partnerships.menteeTrustId))
    .leftJoin(closedBy, eq(closedBy.id, partnerships.closedByPersonId));
}

export async function findPartnership(
  db: AppDb,
  id: string,
  { forUpdate = false } = {},
): Promise<PartnershipRow | null> {
  const query = selectPartnerships(db).where(eq(partnerships.id, id));
  const [row] = forUpdate ? await query.for('update', { of: partnerships }) : await query;
  return row ?? null;
}

/** The partnerships a person takes part in, newest first. */
export async function listPartnershipsOf(db: AppDb, personId: string): Promise<PartnershipRow[]> {
  return selectPartnerships(db)
    .where(
      sql`exists (select 1 from ${partnershipParticipants} where ${partnershipParticipants.partnershipId} = ${partnerships.id} and ${partnershipParticipants.personId} = ${personId})`,
    )
    .orderBy(desc(partnerships.createdAt));
}

/** A provider's partnerships, for its staff: what they may see of each (no content is selected by callers). */
export async function listPartnershipsOfProviders(db: AppDb, providerIds: string[]): Promise<PartnershipRow[]> {
  if (providerIds.length === 0) return [];
  return selectPartnerships(db)
    .where(inArray(partnerships.providerOrganisationId, providerIds))
    .orderBy(desc(partnerships.createdAt));
}

export interface ParticipantRow {
  personId: string;
  displayName: string;
  email: string;
  side: PartnershipSide;
  lead: boolean;
  organisationId: string | null;
  organisationName: string | null;
}

export async function listParticipants(
  db: AppDb,
  partnershipIds: string[],
): Promise<Array<ParticipantRow & { partnershipId: string }>> {
  if (partnershipIds.length === 0) return [];
  return db
    .select({
      partnershipId: partnershipParticipants.partnershipId,
      personId: people.id,
      displayName: people.displayName,
      email: people.email,
      side: partnershipParticipants.side,
      lead: partnershipParticipants.lead,
      organisationId: partnershipParticipants.organisationId,
      organisationName: organisations.name,
    })
    .from(partnershipParticipants)
    .innerJoin(people, eq(people.id, partnershipParticipants.personId))
    .leftJoin(organisations, eq(organisations.id, partnershipParticipants.organisationId))
    .where(inArray(partnershipParticipants.partnershipId, partnershipIds))
    .orderBy(asc(partnershipParticipants.side), desc(partnershipParticipants.lead), asc(people.displayName));
}

/** Inserts a partnership, or finds the one its creation key already made. */
export async function insertPartnership(db: AppDb, values: typeof partnerships.$inferInsert): Promise<string> {
  const [inserted] = await db
    .insert(partnerships)
    .values(values)
    .onConflictDoNothing({ target: partnerships.creationKey })
    .returning({ id: partnerships.id });
  if (inserted) return inserted.id;
  const [existing] = await db
    .select({ id: partnerships.id })
    .from(partnerships)
    .where(eq(partnerships.creationKey, values.creationKey));
  if (!existing) throw new Error('partnership neither inserted nor found');
  return existing.id;
}

/** Adds a participant; someone already taking part keeps their place (and side). */
export async function insertParticipant(db: AppDb, values: typeof partnershipParticipants.$inferInsert): Promise<void> {
  await db.insert(partnershipParticipants).values(values).onConflictDoNothing();
}

/** Changes the partnership's columns over `version`; false when someone saved in between. */
export async function updatePartnership(
  db: AppDb,
  { id, version, values }: { id: string; version: number; values: Partial<typeof partnerships.$inferInsert> },
): Promise<boolean> {
  const rows = await db
    .update(partnerships)
    .set({ ...values, updatedAt: new Date(), version: sql`${partnerships.version} + 1` })
    .where(and(eq(partnerships.id, id), eq(partnerships.version, version)))
    .returning({ id: partnerships.id });
  return rows.length > 0;
}

/** Moves the partnership to `state`, whatever its version: the caller holds the row (forUpdate). */
export async function setState(
  db: AppDb,
  id: string,
  state: PartnershipState,
  values: Partial<typeof partnerships.$inferInsert> = {},
) {
  await db
    .update(partnerships)
    .set({ ...values, state, updatedAt: new Date(), version: sql`${partnerships.version} + 1` })
    .where(eq(partnerships.id, id));
}

/** Records the partnership's mentor or mentee trust, or its diagnostic review or plan (trust-to-trust). */
export async function setLinks(
  db: AppDb,
  id: string,
  values: Partial<
    Pick<typeof partnerships.$inferInsert, 'mentorTrustId' | 'menteeTrustId' | 'diagnosticReviewId' | 'planId'>
  >,
) {
  await db
    .update(partnerships)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(partnerships.id, id));
}

/** Minutes used so far, per budget component, for each partnership. */
export async function timeUsedBy(
  db: AppDb,
  partnershipIds: string[],
): Promise<Map<string, Array<{ component: BudgetComponent; minutes: number }>>> {
  const used = new Map<string, Array<{ component: BudgetComponent; minutes: number }>>();
  if (partnershipIds.length === 0) return used;
  const rows = await db
    .select({
      partnershipId: partnershipTimeEntries.partnershipId,
      component: partnershipTimeEntries.component,
      minutes: sum(partnershipTimeEntries.minutes).mapWith(Number),
    })
    .from(partnershipTimeEntries)
    .where(
      and(
        inArray(partnershipTimeEntries.partnershipId, partnershipIds),
        eq(partnershipTimeEntries.countsAgainstBudget, true),
      ),
    )
    .groupBy(partnershipTimeEntries.partnershipId, partnershipTimeEntries.component);
  for (const row of rows) {
    const list = used.get(row.partnershipId) ?? [];
    list.push({ component: row.component, minutes: row.minutes });
    used.set(row.partnershipId, list);
  }
  return used;
}

/** The partnership's own time budget. */
export function budgetOf(
  row: Pick<PartnershipRow, 'readingMinutes' | 'schoolVisitsMinutes' | 'establishingMinutes' | 'meetingsMinutes'>,
): TimeBudget {
  const minutes = {
    reading: row.readingMinutes,
    'school-visits': row.schoolVisitsMinutes,
    establishing: row.establishingMinutes,
    meetings: row.meetingsMinutes,
  };
  return { totalMinutes: Object.values(minutes).reduce((total, each) => total + each, 0), minutes };
}

export interface PartnershipReadRow {
  occurredAt: Date;
  readerName: string | null;
  kind: string;
}

/** The reads of a partnership's content, newest first (the audit log's index of reads by subject). */
export async function listReads(
  db: AppDb,
  partnershipId: string,
  { limit, offset }: { limit: number; offset: number },
) {
  const where = and(
    eq(auditEvents.action, 'confidential.read'),
    sql`${auditEvents.details} ->> 'id' = ${partnershipId}`,
  );
  const [rows, [total]] = await Promise.all([
    db
      .select({
        occurredAt: auditEvents.occurredAt,
        readerName: people.displayName,
        kind: sql<string>`${auditEvents.details} ->> 'kind'`,
      })
      .from(auditEvents)
      .leftJoin(people, eq(people.id, auditEvents.actorPersonId))
      .where(where)
      .orderBy(desc(auditEvents.occurredAt), desc(auditEvents.seq))
      .limit(limit)
      .offset(offset),
    db.select({ count: count() }).from(auditEvents).where(where),
  ]);
  return { rows: rows as PartnershipReadRow[], total: total?.count ?? 0 };
}

/** An account in use, by its email address (ignoring case). */
export async function findActivePersonByEmail(db: AppDb, email: string) {
  const [row] = await db
    .select({ id: people.id, displayName: people.displayName })
    .from(people)
    .where(and(sql`lower(${people.email}) = lower(${email})`, isNull(people.deactivatedAt)));
  return row ?? null;
}

/** A trust by its exact name (ignoring case) or Companies House number. */
export async function findTrustByName(db: AppDb, typed: string) {
  return db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(
      and(
        eq(organisations.kind, 'trust'),
        or(sql`lower(${organisations.name}) = lower(${typed})`, eq(organisations.companiesHouseNumber, typed)),
      ),
    )
    .limit(2);
}
