import { asc, desc, eq, inArray, max } from 'drizzle-orm';
import type { AppDb } from '../../platform/db/database.ts';
import { people } from '../people/people.tables.ts';
import { agreementAcceptances, partnershipAgreements } from './agreements.tables.ts';
import { mentoringServices, type PartnershipSide } from './partnerships.tables.ts';
import { documentRequests } from './preparation.tables.ts';

export interface AgreementVersionRow {
  id: string;
  number: number;
  text: string;
  createdAt: Date;
  createdByName: string | null;
}

export interface AcceptanceRow {
  agreementId: string;
  personId: string;
  side: PartnershipSide;
  typedName: string;
  acceptedAt: Date;
}

/** The service's agreement template, which each version is generated from. */
export async function getAgreementTemplate(db: AppDb, serviceId: string): Promise<string> {
  const [row] = await db
    .select({ template: mentoringServices.agreementTemplate })
    .from(mentoringServices)
    .where(eq(mentoringServices.id, serviceId));
  if (!row) throw new Error(`service ${serviceId} not found`);
  return row.template;
}

/** Every version of the partnership's agreement, newest first. */
export async function listVersions(db: AppDb, partnershipId: string): Promise<AgreementVersionRow[]> {
  return db
    .select({
      id: partnershipAgreements.id,
      number: partnershipAgreements.number,
      text: partnershipAgreements.text,
      createdAt: partnershipAgreements.createdAt,
      createdByName: people.displayName,
    })
    .from(partnershipAgreements)
    .leftJoin(people, eq(people.id, partnershipAgreements.createdByPersonId))
    .where(eq(partnershipAgreements.partnershipId, partnershipId))
    .orderBy(desc(partnershipAgreements.number));
}

/** The highest version number so far (0 when there is none). */
export async function latestNumber(db: AppDb, partnershipId: string): Promise<number> {
  const [row] = await db
    .select({ number: max(partnershipAgreements.number) })
    .from(partnershipAgreements)
    .where(eq(partnershipAgreements.partnershipId, partnershipId));
  return row?.number ?? 0;
}

/** Adds version `number`; false when that number exists already (the same form sent twice). */
export async function insertVersion(
  db: AppDb,
  values: { partnershipId: string; number: number; text: string; createdByPersonId: string },
): Promise<boolean> {
  const rows = await db
    .insert(partnershipAgreements)
    .values(values)
    .onConflictDoNothing({ target: [partnershipAgreements.partnershipId, partnershipAgreements.number] })
    .returning({ id: partnershipAgreements.id });
  return rows.length > 0;
}

export async function listAcceptances(db: AppDb, agreementIds: string[]): Promise<AcceptanceRow[]> {
  if (agreementIds.length === 0) return [];
  return db
    .select({
      agreementId: agreementAcceptances.agreementId,
      personId: agreementAcceptances.personId,
      side: agreementAcceptances.side,
      typedName: agreementAcceptances.typedName,
      acceptedAt: agreementAcceptances.acceptedAt,
    })
    .from(agreementAcceptances)
    .where(inArray(agreementAcceptances.agreementId, agreementIds))
    .orderBy(asc(agreementAcceptances.acceptedAt));
}

/** Records one party's acceptance; a second press keeps the first (its name and time). */
export async function insertAcceptance(db: AppDb, values: typeof agreementAcceptances.$inferInsert): Promise<void> {
  await db.insert(agreementAcceptances).values(values).onConflictDoNothing();
}

/** Adds the standard checklist, once: each item's creation key names the partnership and its place. */
export async function insertStandardRequests(
  db: AppDb,
  partnershipId: string,
  requests: ReadonlyArray<{ title: string; detail: string }>,
): Promise<void> {
  const existing = await db
    .select({ id: documentRequests.id })
    .from(documentRequests)
    .where(eq(documentRequests.partnershipId, partnershipId))
    .limit(1);
  if (existing.length > 0 || requests.length === 0) return;
  await db
    .insert(documentRequests)
    .values(
      requests.map((request, position) => ({
        partnershipId,
        title: request.title,
        detail: request.detail,
        standard: true,
        position,
        creationKey: `standard:${partnershipId}:${position}`,
      })),
    )
    .onConflictDoNothing();
}
