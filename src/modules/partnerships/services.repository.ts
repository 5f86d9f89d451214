import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { AppDb } from '../../platform/db/database.ts';
import { organisations } from '../organisations/organisations.tables.ts';
import { mentoringServices } from './partnerships.tables.ts';

export type ServiceRow = Omit<typeof mentoringServices.$inferSelect, 'creationKey'> & { providerName: string };

const serviceColumns = {
  id: mentoringServices.id,
  providerOrganisationId: mentoringServices.providerOrganisationId,
  name: mentoringServices.name,
  kind: mentoringServices.kind,
  description: mentoringServices.description,
  termMonths: mentoringServices.termMonths,
  readingMinutes: mentoringServices.readingMinutes,
  schoolVisitsMinutes: mentoringServices.schoolVisitsMinutes,
  establishingMinutes: mentoringServices.establishingMinutes,
  meetingsMinutes: mentoringServices.meetingsMinutes,
  meetingPattern: mentoringServices.meetingPattern,
  feePence: mentoringServices.feePence,
  agreementTemplate: mentoringServices.agreementTemplate,
  open: mentoringServices.open,
  version: mentoringServices.version,
  createdAt: mentoringServices.createdAt,
  updatedAt: mentoringServices.updatedAt,
  providerName: organisations.name,
};

function selectServices(db: AppDb) {
  return db
    .select(serviceColumns)
    .from(mentoringServices)
    .innerJoin(organisations, eq(organisations.id, mentoringServices.providerOrganisationId));
}

/** The providers' services, by name. */
export async function listServicesOf(db: AppDb, providerIds: string[]): Promise<ServiceRow[]> {
  if (providerIds.length === 0) return [];
  return selectServices(db)
    .where(inArray(mentoringServices.providerOrganisationId, providerIds))
    .orderBy(asc(organisations.name), asc(mentoringServices.name));
}

/** A service of one of the providers; nothing for anyone else's. */
export async function findServiceOf(
  db: AppDb,
  id: string,
  providerIds: string[],
  { forUpdate = false } = {},
): Promise<ServiceRow | null> {
  if (providerIds.length === 0) return null;
  const query = selectServices(db).where(
    and(eq(mentoringServices.id, id), inArray(mentoringServices.providerOrganisationId, providerIds)),
  );
  const [row] = forUpdate ? await query.for('update', { of: mentoringServices }) : await query;
  return row ?? null;
}

/** A service open to enquiries, for the public form. */
export async function findOpenService(db: AppDb, id: string): Promise<ServiceRow | null> {
  const [row] = await selectServices(db).where(and(eq(mentoringServices.id, id), eq(mentoringServices.open, true)));
  return row ?? null;
}

export async function findServiceById(db: AppDb, id: string): Promise<ServiceRow | null> {
  const [row] = await selectServices(db).where(eq(mentoringServices.id, id));
  return row ?? null;
}

/** Organisation names by id, for the providers an actor runs. */
export async function providerNames(db: AppDb, ids: string[]): Promise<Array<{ id: string; name: string }>> {
  if (ids.length === 0) return [];
  return db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(inArray(organisations.id, ids))
    .orderBy(asc(organisations.name));
}

export type ServiceValues = Omit<
  typeof mentoringServices.$inferInsert,
  'id' | 'providerOrganisationId' | 'creationKey' | 'version' | 'createdAt' | 'updatedAt'
>;

/** Inserts a service, or finds the one its creation key already made. */
export async function insertService(
  db: AppDb,
  values: ServiceValues & { providerOrganisationId: string; creationKey: string },
): Promise<string> {
  const [inserted] = await db
    .insert(mentoringServices)
    .values(values)
    .onConflictDoNothing({ target: mentoringServices.creationKey })
    .returning({ id: mentoringServices.id });
  if (inserted) return inserted.id;
  const [existing] = await db
    .select({ id: mentoringServices.id })
    .from(mentoringServices)
    .where(eq(mentoringServices.creationKey, values.creationKey));
  if (!existing) throw new Error('service neither inserted nor found');
  return existing.id;
}

/** Changes the service over `version`; false when someone saved in between. */
export async function updateService(
  db: AppDb,
  { id, version, values }: { id: string; version: number; values: ServiceValues },
): Promise<boolean> {
  const rows = await db
    .update(mentoringServices)
    .set({ ...values, updatedAt: new Date(), version: sql`${mentoringServices.version} + 1` })
    .where(and(eq(mentoringServices.id, id), eq(mentoringServices.version, version)))
    .returning({ id: mentoringServices.id });
  return rows.length > 0;
}
