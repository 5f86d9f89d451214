import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { AppDb } from '../../platform/db/database.ts';
import {
  reviewAgreedRatings,
  reviewEvidence,
  reviewGroups,
  reviewParticipants,
  reviewRatings,
  type EvidenceKind,
} from './reviews.tables.ts';

/** Queries for what participants say in a review: their ratings, its evidence, and the agreed ratings. */

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
