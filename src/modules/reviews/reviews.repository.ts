import { and, asc, count, desc, eq, isNotNull, lt, ne, sql } from 'drizzle-orm';
import type { AppDb } from '../../platform/db/database.ts';
import { frameworkVersions } from '../frameworks/frameworks.tables.ts';
import { organisations } from '../organisations/organisations.tables.ts';
import { memberships, people } from '../people/people.tables.ts';
import { reviewGroups, reviewParticipants, reviewRatings, reviews, type ReviewStatus } from './reviews.tables.ts';

export interface ReviewRow {
  id: string;
  organisationId: string;
  organisationName: string;
  frameworkId: string;
  frameworkVersionId: string;
  title: string;
  status: ReviewStatus;
  headingKeys: string[];
  anonymous: boolean;
  minimumResponses: number;
  partnerOrganisationId: string | null;
  partnerOrganisationName: string | null;
  createdAt: Date;
  closedAt: Date | null;
  version: number;
}

const partnerOrganisations = sql`partner_organisation`;

const reviewColumns = {
  id: reviews.id,
  organisationId: reviews.organisationId,
  organisationName: organisations.name,
  frameworkId: frameworkVersions.frameworkId,
  frameworkVersionId: reviews.frameworkVersionId,
  title: reviews.title,
  status: reviews.status,
  headingKeys: reviews.headingKeys,
  anonymous: reviews.anonymous,
  minimumResponses: reviews.minimumResponses,
  partnerOrganisationId: reviews.partnerOrganisationId,
  partnerOrganisationName: sql<
    string | null
  >`(select name from ${organisations} ${partnerOrganisations} where ${partnerOrganisations}.id = ${reviews.partnerOrganisationId})`,
  createdAt: reviews.createdAt,
  closedAt: reviews.closedAt,
  version: reviews.version,
};

function selectReviews(db: AppDb) {
  return db
    .select(reviewColumns)
    .from(reviews)
    .innerJoin(organisations, eq(organisations.id, reviews.organisationId))
    .innerJoin(frameworkVersions, eq(frameworkVersions.id, reviews.frameworkVersionId));
}

export async function findReview(db: AppDb, id: string, { forUpdate = false } = {}): Promise<ReviewRow | null> {
  const query = selectReviews(db).where(eq(reviews.id, id));
  const [row] = forUpdate ? await query.for('update', { of: reviews }) : await query;
  return row ?? null;
}

/** The reviews a person takes part in, newest first, with their part in each. */
export async function listReviewsOfPerson(
  db: AppDb,
  personId: string,
): Promise<Array<ReviewRow & { lead: boolean; groupId: string | null }>> {
  return db
    .select({ ...reviewColumns, lead: reviewParticipants.lead, groupId: reviewParticipants.groupId })
    .from(reviews)
    .innerJoin(organisations, eq(organisations.id, reviews.organisationId))
    .innerJoin(frameworkVersions, eq(frameworkVersions.id, reviews.frameworkVersionId))
    .innerJoin(reviewParticipants, eq(reviewParticipants.reviewId, reviews.id))
    .where(eq(reviewParticipants.personId, personId))
    .orderBy(desc(reviews.createdAt));
}

/** Every review, for provider staff: what and whose, and its state; never content. */
export async function listAllReviews(db: AppDb, { limit, offset }: { limit: number; offset: number }) {
  const [rows, [total]] = await Promise.all([
    selectReviews(db).orderBy(desc(reviews.createdAt)).limit(limit).offset(offset),
    db.select({ value: count() }).from(reviews),
  ]);
  return { rows, total: Number(total?.value ?? 0) };
}

export async function insertReview(
  db: AppDb,
  values: typeof reviews.$inferInsert,
): Promise<{ id: string; created: boolean }> {
  const [inserted] = await db
    .insert(reviews)
    .values(values)
    .onConflictDoNothing({ target: reviews.creationKey })
    .returning({ id: reviews.id });
  if (inserted) return { id: inserted.id, created: true };
  const [existing] = await db
    .select({ id: reviews.id })
    .from(reviews)
    .where(eq(reviews.creationKey, values.creationKey));
  if (!existing) throw new Error('review neither inserted nor found');
  return { id: existing.id, created: false };
}

export async function updateReview(db: AppDb, id: string, values: Partial<typeof reviews.$inferInsert>) {
  await db
    .update(reviews)
    .set({ ...values, updatedAt: new Date(), version: sql`${reviews.version} + 1` })
    .where(eq(reviews.id, id));
}

export interface GroupRow {
  id: string;
  name: string;
  position: number;
  partner: boolean;
}

export async function listGroups(db: AppDb, reviewId: string): Promise<GroupRow[]> {
  return db
    .select({
      id: reviewGroups.id,
      name: reviewGroups.name,
      position: reviewGroups.position,
      partner: reviewGroups.partner,
    })
    .from(reviewGroups)
    .where(eq(reviewGroups.reviewId, reviewId))
    .orderBy(asc(reviewGroups.position));
}

/** Adds groups in the order given, placed after `startAt - 1`. */
export async function insertGroups(
  db: AppDb,
  reviewId: string,
  groups: Array<{ name: string; partner: boolean }>,
  startAt = 0,
) {
  if (groups.length === 0) return [];
  return db
    .insert(reviewGroups)
    .values(
      groups.map((group, index) => ({ reviewId, name: group.name, partner: group.partner, position: startAt + index })),
    )
    .returning({ id: reviewGroups.id, name: reviewGroups.name });
}

export async function updateGroupName(
  db: AppDb,
  { reviewId, groupId, name }: { reviewId: string; groupId: string; name: string },
) {
  const rows = await db
    .update(reviewGroups)
    .set({ name, updatedAt: new Date() })
    .where(and(eq(reviewGroups.id, groupId), eq(reviewGroups.reviewId, reviewId)))
    .returning({ id: reviewGroups.id });
  return rows.length > 0;
}

export async function deleteGroup(db: AppDb, { reviewId, groupId }: { reviewId: string; groupId: string }) {
  const rows = await db
    .delete(reviewGroups)
    .where(and(eq(reviewGroups.id, groupId), eq(reviewGroups.reviewId, reviewId)))
    .returning({ id: reviewGroups.id });
  return rows.length > 0;
}

export interface ParticipantRow {
  id: string;
  personId: string;
  displayName: string;
  email: string;
  groupId: string | null;
  lead: boolean;
  /** Elements this participant has chosen a level for. */
  rated: number;
}

export async function listParticipants(db: AppDb, reviewId: string): Promise<ParticipantRow[]> {
  return db
    .select({
      id: reviewParticipants.id,
      personId: reviewParticipants.personId,
      displayName: people.displayName,
      email: people.email,
      groupId: reviewParticipants.groupId,
      lead: reviewParticipants.lead,
      rated: sql<number>`(select count(*)::int from ${reviewRatings} where ${reviewRatings.participantId} = ${reviewParticipants.id} and ${reviewRatings.levelKey} is not null)`,
    })
    .from(reviewParticipants)
    .innerJoin(people, eq(people.id, reviewParticipants.personId))
    .where(eq(reviewParticipants.reviewId, reviewId))
    .orderBy(asc(people.displayName));
}

export async function findParticipantByPerson(db: AppDb, reviewId: string, personId: string) {
  const [row] = await db
    .select({ id: reviewParticipants.id, groupId: reviewParticipants.groupId, lead: reviewParticipants.lead })
    .from(reviewParticipants)
    .where(and(eq(reviewParticipants.reviewId, reviewId), eq(reviewParticipants.personId, personId)));
  return row ?? null;
}

export async function insertParticipant(db: AppDb, values: typeof reviewParticipants.$inferInsert) {
  await db.insert(reviewParticipants).values(values);
}

export async function deleteParticipant(
  db: AppDb,
  { reviewId, participantId }: { reviewId: string; participantId: string },
) {
  await db
    .delete(reviewParticipants)
    .where(and(eq(reviewParticipants.id, participantId), eq(reviewParticipants.reviewId, reviewId)));
}

export async function findPersonByEmail(db: AppDb, email: string) {
  const [row] = await db
    .select({ id: people.id, displayName: people.displayName, deactivatedAt: people.deactivatedAt })
    .from(people)
    .where(sql`lower(${people.email}) = lower(${email})`);
  return row ?? null;
}

/** The trusts a person belongs to other than `exceptOrganisationId`: where a partner-group member comes from. */
export async function listOtherTrustsOfPerson(db: AppDb, personId: string, exceptOrganisationId: string) {
  return db
    .selectDistinct({ id: organisations.id, name: organisations.name })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(
      and(
        eq(memberships.personId, personId),
        eq(organisations.kind, 'trust'),
        ne(organisations.id, exceptOrganisationId),
      ),
    );
}

/** The last closed review of the same organisation and framework before this one: what history compares with. */
export async function findPreviousClosedReview(db: AppDb, review: ReviewRow): Promise<ReviewRow | null> {
  const [row] = await selectReviews(db)
    .where(
      and(
        eq(reviews.organisationId, review.organisationId),
        eq(frameworkVersions.frameworkId, review.frameworkId),
        ne(reviews.id, review.id),
        isNotNull(reviews.closedAt),
        lt(reviews.createdAt, review.createdAt),
      ),
    )
    .orderBy(desc(reviews.closedAt))
    .limit(1);
  return row ?? null;
}
