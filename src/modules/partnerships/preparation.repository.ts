import { and, asc, count, eq, inArray, isNull, max, or } from 'drizzle-orm';
import type { AppDb } from '../../platform/db/database.ts';
import { organisations } from '../organisations/organisations.tables.ts';
import { people } from '../people/people.tables.ts';
import { partnershipTimeEntries } from './meetings.tables.ts';
import { documentRequests, partnershipDocuments, schoolVisits, type SchoolVisitStatus } from './preparation.tables.ts';

export interface RequestRow {
  id: string;
  title: string;
  detail: string;
  standard: boolean;
  addedByName: string | null;
}

export interface DocumentRow {
  id: string;
  requestId: string;
  link: string | null;
  fileName: string | null;
  size: number | null;
  note: string;
  addedByName: string | null;
  createdAt: Date;
}

export async function listRequests(db: AppDb, partnershipId: string): Promise<RequestRow[]> {
  return db
    .select({
      id: documentRequests.id,
      title: documentRequests.title,
      detail: documentRequests.detail,
      standard: documentRequests.standard,
      addedByName: people.displayName,
    })
    .from(documentRequests)
    .leftJoin(people, eq(people.id, documentRequests.addedByPersonId))
    .where(eq(documentRequests.partnershipId, partnershipId))
    .orderBy(asc(documentRequests.position), asc(documentRequests.createdAt));
}

export async function findRequest(db: AppDb, partnershipId: string, requestId: string): Promise<RequestRow | null> {
  const rows = await listRequests(db, partnershipId);
  return rows.find((row) => row.id === requestId) ?? null;
}

/** Adds an item after the others; the same form sent twice adds one. */
export async function insertRequest(
  db: AppDb,
  values: { partnershipId: string; title: string; detail: string; addedByPersonId: string; creationKey: string },
): Promise<void> {
  const [last] = await db
    .select({ position: max(documentRequests.position) })
    .from(documentRequests)
    .where(eq(documentRequests.partnershipId, values.partnershipId));
  await db
    .insert(documentRequests)
    .values({ ...values, position: (last?.position ?? -1) + 1 })
    .onConflictDoNothing({ target: documentRequests.creationKey });
}

/** What was given for each of the requests, oldest first. */
export async function listDocuments(db: AppDb, requestIds: string[]): Promise<DocumentRow[]> {
  if (requestIds.length === 0) return [];
  return db
    .select({
      id: partnershipDocuments.id,
      requestId: partnershipDocuments.requestId,
      link: partnershipDocuments.link,
      fileName: partnershipDocuments.fileName,
      size: partnershipDocuments.size,
      note: partnershipDocuments.note,
      addedByName: people.displayName,
      createdAt: partnershipDocuments.createdAt,
    })
    .from(partnershipDocuments)
    .leftJoin(people, eq(people.id, partnershipDocuments.addedByPersonId))
    .where(inArray(partnershipDocuments.requestId, requestIds))
    .orderBy(asc(partnershipDocuments.createdAt));
}

/** Inserts what was given; false when the creation key had already given it. */
export async function insertDocument(db: AppDb, values: typeof partnershipDocuments.$inferInsert): Promise<boolean> {
  const rows = await db
    .insert(partnershipDocuments)
    .values(values)
    .onConflictDoNothing({ target: partnershipDocuments.creationKey })
    .returning({ id: partnershipDocuments.id });
  return rows.length > 0;
}

export async function findDocumentFile(db: AppDb, partnershipId: string, documentId: string) {
  const [row] = await db
    .select({
      fileName: partnershipDocuments.fileName,
      storedName: partnershipDocuments.storedName,
      contentType: partnershipDocuments.contentType,
    })
    .from(partnershipDocuments)
    .where(and(eq(partnershipDocuments.partnershipId, partnershipId), eq(partnershipDocuments.id, documentId)));
  return row ?? null;
}

export interface SchoolRow {
  id: string;
  name: string;
  town: string | null;
  phase: string | null;
}

/** The trust's open schools in the register, by name. */
export async function listTrustSchools(db: AppDb, trustId: string | null): Promise<SchoolRow[]> {
  if (!trustId) return [];
  return db
    .select({ id: organisations.id, name: organisations.name, town: organisations.town, phase: organisations.phase })
    .from(organisations)
    .where(
      and(
        eq(organisations.kind, 'school'),
        eq(organisations.trustId, trustId),
        or(isNull(organisations.status), inArray(organisations.status, ['open', 'open_proposed_to_close'])),
      ),
    )
    .orderBy(asc(organisations.name));
}

export interface VisitRow {
  id: string;
  schoolId: string;
  schoolName: string;
  visitOn: string;
  meeting: string;
  status: SchoolVisitStatus;
}

export async function listVisits(db: AppDb, partnershipId: string): Promise<VisitRow[]> {
  return db
    .select({
      id: schoolVisits.id,
      schoolId: schoolVisits.schoolId,
      schoolName: organisations.name,
      visitOn: schoolVisits.visitOn,
      meeting: schoolVisits.meeting,
      status: schoolVisits.status,
    })
    .from(schoolVisits)
    .innerJoin(organisations, eq(organisations.id, schoolVisits.schoolId))
    .where(eq(schoolVisits.partnershipId, partnershipId))
    .orderBy(asc(schoolVisits.visitOn), asc(organisations.name));
}

/** Plans a visit; the same form sent twice (or the same school again) adds nothing. */
export async function insertVisit(db: AppDb, values: typeof schoolVisits.$inferInsert): Promise<void> {
  await db.insert(schoolVisits).values(values).onConflictDoNothing();
}

/** Marks the visit done; false when the partnership has no such visit. */
export async function markVisitDone(db: AppDb, partnershipId: string, visitId: string): Promise<boolean> {
  const rows = await db
    .update(schoolVisits)
    .set({ status: 'done' })
    .where(and(eq(schoolVisits.partnershipId, partnershipId), eq(schoolVisits.id, visitId)))
    .returning({ id: schoolVisits.id });
  return rows.length > 0;
}

export async function countDoneVisits(db: AppDb, partnershipId: string): Promise<number> {
  const [row] = await db
    .select({ done: count() })
    .from(schoolVisits)
    .where(and(eq(schoolVisits.partnershipId, partnershipId), eq(schoolVisits.status, 'done')));
  return Number(row?.done ?? 0);
}

/** Logs time once: an entry's creation key names what it is for (`reading:<partnershipId>`). */
export async function insertTimeEntry(db: AppDb, values: typeof partnershipTimeEntries.$inferInsert): Promise<void> {
  await db
    .insert(partnershipTimeEntries)
    .values(values)
    .onConflictDoNothing({ target: partnershipTimeEntries.creationKey });
}

/** When each of the given time entries was logged, by creation key. */
export async function timeEntriesByKey(db: AppDb, keys: string[]): Promise<Map<string, Date>> {
  const rows = await db
    .select({ key: partnershipTimeEntries.creationKey, at: partnershipTimeEntries.createdAt })
    .from(partnershipTimeEntries)
    .where(inArray(partnershipTimeEntries.creationKey, keys));
  return new Map(rows.map((row) => [row.key, row.at]));
}
