import { and, asc, count, desc, eq, inArray, isNotNull, lt, ne, sql } from 'drizzle-orm';
import type { AppDb } from '../../platform/db/database.ts';
import { frameworkVersions } from '../frameworks/frameworks.tables.ts';
import { organisations } from '../organisations/organisations.tables.ts';
import { memberships, people } from '../people/people.tables.ts';
import {
  reviewAgreedRatings,
  reviewEvidence,
  reviewGroups,
  reviewParticipants,
  reviewRatings,
  reviews,
  type EvidenceKind,
  type ReviewStatus,
} from './reviews.tables.ts';

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
  if (groups.length === 0) return;
  await db
    .insert(reviewGroups)
    .values(
      groups.map((group, index) => ({ reviewId, name: group.name, partner: group.partner, position: startAt + index })),
    );
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

export async function countLeads(db: AppDb, reviewId: string): Promise<number> {
  const [row] = await db
    .select({ value: count() })
    .from(reviewParticipants)
    .where(and(eq(reviewParticipants.reviewId, reviewId), eq(reviewParticipants.lead, true)));
  return Number(row?.value ?? 0);
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

export interface RatingRow {
  id: string;
  participantId: string;
  elementKey: string;
  levelKey: string | null;
  rationale: string;
  evidenceText: string;
  version: number;
  updatedAt: Date;
}

const ratingColumns = {
  id: reviewRatings.id,
  participantId: reviewRatings.participantId,
  elementKey: reviewRatings.elementKey,
  levelKey: reviewRatings.levelKey,
  rationale: reviewRatings.rationale,
  evidenceText: reviewRatings.evidenceText,
  version: reviewRatings.version,
  updatedAt: reviewRatings.updatedAt,
};

export async function findRating(db: AppDb, participantId: string, elementKey: string, { forUpdate = false } = {}) {
  const query = db
    .select(ratingColumns)
    .from(reviewRatings)
    .where(and(eq(reviewRatings.participantId, participantId), eq(reviewRatings.elementKey, elementKey)));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

export async function listRatingsOfParticipant(db: AppDb, participantId: string): Promise<RatingRow[]> {
  return db.select(ratingColumns).from(reviewRatings).where(eq(reviewRatings.participantId, participantId));
}

export async function listRatings(db: AppDb, reviewId: string): Promise<RatingRow[]> {
  return db.select(ratingColumns).from(reviewRatings).where(eq(reviewRatings.reviewId, reviewId));
}

export async function insertRating(db: AppDb, values: typeof reviewRatings.$inferInsert): Promise<string | null> {
  const [row] = await db
    .insert(reviewRatings)
    .values(values)
    .onConflictDoNothing({ target: [reviewRatings.participantId, reviewRatings.elementKey] })
    .returning({ id: reviewRatings.id });
  return row?.id ?? null;
}

/** Saves over the rating only if it is still at `version`; false when someone else saved first. */
export async function updateRating(
  db: AppDb,
  {
    id,
    version,
    values,
  }: { id: string; version: number; values: Pick<RatingRow, 'levelKey' | 'rationale' | 'evidenceText'> },
): Promise<boolean> {
  const rows = await db
    .update(reviewRatings)
    .set({ ...values, updatedAt: new Date(), version: sql`${reviewRatings.version} + 1` })
    .where(and(eq(reviewRatings.id, id), eq(reviewRatings.version, version)))
    .returning({ id: reviewRatings.id });
  return rows.length > 0;
}

export interface EvidenceRow {
  id: string;
  ratingId: string;
  kind: EvidenceKind;
  name: string;
  storedName: string | null;
  contentType: string | null;
  size: number | null;
}

export async function listEvidence(db: AppDb, ratingIds: string[]): Promise<EvidenceRow[]> {
  if (ratingIds.length === 0) return [];
  return db
    .select({
      id: reviewEvidence.id,
      ratingId: reviewEvidence.ratingId,
      kind: reviewEvidence.kind,
      name: reviewEvidence.name,
      storedName: reviewEvidence.storedName,
      contentType: reviewEvidence.contentType,
      size: reviewEvidence.size,
    })
    .from(reviewEvidence)
    .where(inArray(reviewEvidence.ratingId, ratingIds))
    .orderBy(asc(reviewEvidence.createdAt));
}

export async function insertEvidence(db: AppDb, values: Array<typeof reviewEvidence.$inferInsert>) {
  if (values.length > 0) await db.insert(reviewEvidence).values(values);
}

export async function deleteEvidence(
  db: AppDb,
  { ratingId, evidenceIds }: { ratingId: string; evidenceIds: string[] },
) {
  if (evidenceIds.length === 0) return [];
  return db
    .delete(reviewEvidence)
    .where(and(eq(reviewEvidence.ratingId, ratingId), inArray(reviewEvidence.id, evidenceIds)))
    .returning({ storedName: reviewEvidence.storedName });
}

/** An evidence item with the review and participant it belongs to, for deciding who may download it. */
export async function findEvidenceInReview(db: AppDb, reviewId: string, evidenceId: string) {
  const [row] = await db
    .select({
      id: reviewEvidence.id,
      kind: reviewEvidence.kind,
      name: reviewEvidence.name,
      storedName: reviewEvidence.storedName,
      contentType: reviewEvidence.contentType,
      participantPersonId: reviewParticipants.personId,
      partnerGroup: sql<boolean>`coalesce(${reviewGroups.partner}, false)`,
    })
    .from(reviewEvidence)
    .innerJoin(reviewRatings, eq(reviewRatings.id, reviewEvidence.ratingId))
    .innerJoin(reviewParticipants, eq(reviewParticipants.id, reviewRatings.participantId))
    .leftJoin(reviewGroups, eq(reviewGroups.id, reviewParticipants.groupId))
    .where(and(eq(reviewEvidence.id, evidenceId), eq(reviewRatings.reviewId, reviewId)));
  return row ?? null;
}

export interface AgreedRow {
  elementKey: string;
  levelKey: string;
  rationale: string;
  version: number;
}

export async function listAgreed(db: AppDb, reviewId: string): Promise<AgreedRow[]> {
  return db
    .select({
      elementKey: reviewAgreedRatings.elementKey,
      levelKey: reviewAgreedRatings.levelKey,
      rationale: reviewAgreedRatings.rationale,
      version: reviewAgreedRatings.version,
    })
    .from(reviewAgreedRatings)
    .where(eq(reviewAgreedRatings.reviewId, reviewId));
}

/** Inserts the first agreed rating (version 0 expected) or saves over the one at `version`; false when stale. */
export async function saveAgreed(
  db: AppDb,
  {
    reviewId,
    elementKey,
    levelKey,
    rationale,
    personId,
    version,
  }: Omit<AgreedRow, 'version'> & {
    reviewId: string;
    personId: string;
    version: number;
  },
): Promise<boolean> {
  if (version === 0) {
    const rows = await db
      .insert(reviewAgreedRatings)
      .values({ reviewId, elementKey, levelKey, rationale, setByPersonId: personId })
      .onConflictDoNothing({ target: [reviewAgreedRatings.reviewId, reviewAgreedRatings.elementKey] })
      .returning({ id: reviewAgreedRatings.id });
    return rows.length > 0;
  }
  const rows = await db
    .update(reviewAgreedRatings)
    .set({
      levelKey,
      rationale,
      setByPersonId: personId,
      updatedAt: new Date(),
      version: sql`${reviewAgreedRatings.version} + 1`,
    })
    .where(
      and(
        eq(reviewAgreedRatings.reviewId, reviewId),
        eq(reviewAgreedRatings.elementKey, elementKey),
        eq(reviewAgreedRatings.version, version),
      ),
    )
    .returning({ id: reviewAgreedRatings.id });
  return rows.length > 0;
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
