import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { AppDb } from '../../platform/db/database.ts';
import { organisations } from '../organisations/organisations.tables.ts';
import { memberships, people } from '../people/people.tables.ts';
import { enquiries, mentoringServices, type EnquiryStatus } from './partnerships.tables.ts';

export type EnquiryRow = Omit<typeof enquiries.$inferSelect, 'creationKey'> & {
  serviceName: string;
  providerOrganisationId: string;
  trustName: string | null;
  triagedByName: string | null;
};

const trust = alias(organisations, 'enquiry_trust');
const triager = alias(people, 'enquiry_triager');

function selectEnquiries(db: AppDb) {
  return db
    .select({
      id: enquiries.id,
      serviceId: enquiries.serviceId,
      name: enquiries.name,
      email: enquiries.email,
      jobTitle: enquiries.jobTitle,
      organisationName: enquiries.organisationName,
      trustId: enquiries.trustId,
      message: enquiries.message,
      personId: enquiries.personId,
      status: enquiries.status,
      triageNote: enquiries.triageNote,
      triagedByPersonId: enquiries.triagedByPersonId,
      triagedAt: enquiries.triagedAt,
      partnershipId: enquiries.partnershipId,
      version: enquiries.version,
      createdAt: enquiries.createdAt,
      updatedAt: enquiries.updatedAt,
      serviceName: mentoringServices.name,
      providerOrganisationId: mentoringServices.providerOrganisationId,
      trustName: trust.name,
      triagedByName: triager.displayName,
    })
    .from(enquiries)
    .innerJoin(mentoringServices, eq(mentoringServices.id, enquiries.serviceId))
    .leftJoin(trust, eq(trust.id, enquiries.trustId))
    .leftJoin(triager, eq(triager.id, enquiries.triagedByPersonId));
}

/** The providers' enquiries: new ones first, then the newest; of one status when given. */
export async function listEnquiriesOf(
  db: AppDb,
  providerIds: string[],
  status: EnquiryStatus | null,
): Promise<EnquiryRow[]> {
  if (providerIds.length === 0) return [];
  return selectEnquiries(db)
    .where(
      and(
        inArray(mentoringServices.providerOrganisationId, providerIds),
        status ? eq(enquiries.status, status) : undefined,
      ),
    )
    .orderBy(sql`case when ${enquiries.status} = 'new' then 0 else 1 end`, desc(enquiries.createdAt))
    .limit(500);
}

/** An enquiry to one of the providers' services; nothing for anyone else's. */
export async function findEnquiryOf(
  db: AppDb,
  id: string,
  providerIds: string[],
  { forUpdate = false } = {},
): Promise<EnquiryRow | null> {
  if (providerIds.length === 0) return null;
  const query = selectEnquiries(db).where(
    and(eq(enquiries.id, id), inArray(mentoringServices.providerOrganisationId, providerIds)),
  );
  const [row] = forUpdate ? await query.for('update', { of: enquiries }) : await query;
  return row ?? null;
}

/** The trust in the register with exactly this name (any case), when there is one and only one. */
export async function findTrustNamed(db: AppDb, name: string): Promise<string | null> {
  const rows = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(eq(organisations.kind, 'trust'), sql`lower(${organisations.name}) = lower(${name})`))
    .limit(2);
  return rows.length === 1 && rows[0] ? rows[0].id : null;
}

/** An active account, by its id or else its email address (any case). */
export async function findActiveAccount(
  db: AppDb,
  { personId, email }: { personId: string | null; email: string },
): Promise<{ id: string; displayName: string } | null> {
  const [row] = await db
    .select({ id: people.id, displayName: people.displayName })
    .from(people)
    .where(
      and(
        isNull(people.deactivatedAt),
        personId ? eq(people.id, personId) : sql`lower(${people.email}) = lower(${email})`,
      ),
    )
    .limit(1);
  return row ?? null;
}

/** The email addresses of the provider's programme managers with active accounts. */
export async function programmeManagerEmails(db: AppDb, providerId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ email: people.email })
    .from(memberships)
    .innerJoin(people, eq(people.id, memberships.personId))
    .where(
      and(
        eq(memberships.organisationId, providerId),
        eq(memberships.role, 'programme_manager'),
        isNull(people.deactivatedAt),
      ),
    )
    .orderBy(asc(people.email));
  return rows.map((row) => row.email);
}

/** Stores an enquiry; the same creation key again stores nothing. True when it was stored now. */
export async function insertEnquiry(db: AppDb, values: typeof enquiries.$inferInsert): Promise<boolean> {
  const rows = await db
    .insert(enquiries)
    .values(values)
    .onConflictDoNothing({ target: enquiries.creationKey })
    .returning({ id: enquiries.id });
  return rows.length > 0;
}

/** Records the triage of a new enquiry; false when it was no longer new. */
export async function recordTriage(
  db: AppDb,
  id: string,
  values: {
    status: Exclude<EnquiryStatus, 'new'>;
    triageNote: string;
    triagedByPersonId: string;
    triagedAt: Date;
    partnershipId?: string | null;
  },
): Promise<boolean> {
  const rows = await db
    .update(enquiries)
    .set({ ...values, updatedAt: new Date(), version: sql`${enquiries.version} + 1` })
    .where(and(eq(enquiries.id, id), eq(enquiries.status, 'new')))
    .returning({ id: enquiries.id });
  return rows.length > 0;
}
