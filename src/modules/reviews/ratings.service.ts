import type { Viewer } from '../../platform/auth/viewer.ts';
import type { AppDb } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/app-error.ts';
import type { FrameworkElement, FrameworkHeading, FrameworkLevel } from '../frameworks/index.ts';
import { assertOpen, coveredHeadings, findElement, frameworkOf, loadReview } from './review-access.service.ts';
import { takePartIn } from './reviews.policy.ts';
import * as ratingsRepository from './ratings.repository.ts';
import * as repository from './reviews.repository.ts';

/** What a rating form needs to store an uploaded file: see platform/files. */
export interface EvidenceFileStore {
  save(file: { data: Buffer; originalName: string; contentType: string }): Promise<{
    storedName: string;
    originalName: string;
    contentType: string;
    size: number;
  }>;
  remove(storedName: string): Promise<void>;
}

export interface UploadedEvidence {
  data: Buffer;
  originalName: string;
  contentType: string;
}

export interface MyRating {
  levelKey: string | null;
  rationale: string;
  evidenceText: string;
  evidence: ratingsRepository.EvidenceRow[];
  /** 0 when nothing is saved yet. */
  version: number;
  updatedAt: Date | null;
}

export interface RatingPage {
  review: repository.ReviewRow;
  heading: FrameworkHeading;
  element: FrameworkElement;
  levels: FrameworkLevel[];
  rating: MyRating;
  /** Where "Save and continue" goes: the next element in the framework, or back to the list. */
  nextElementKey: string | null;
  position: { index: number; total: number };
}

async function raterIn(db: AppDb, actor: Viewer | null, reviewId: string) {
  const review = await loadReview(db, { actor, reviewId, permission: takePartIn });
  const participant = actor ? await repository.findParticipantByPerson(db, reviewId, actor.personId) : null;
  // A lead without a group agrees ratings but gives none of their own.
  if (!participant?.groupId) throw AppError.notFound();
  return { review, participant };
}

function myRatingFrom(row: ratingsRepository.RatingRow | null, evidence: ratingsRepository.EvidenceRow[]): MyRating {
  if (!row) return { levelKey: null, rationale: '', evidenceText: '', evidence: [], version: 0, updatedAt: null };
  return { ...row, evidence: evidence.filter((each) => each.ratingId === row.id), updatedAt: row.updatedAt };
}

/** The elements a rater works through, with what they have done of each. */
export async function getMyRatings({ db, actor, reviewId }: { db: AppDb; actor: Viewer | null; reviewId: string }) {
  const { review, participant } = await raterIn(db, actor, reviewId);
  const { document } = await frameworkOf(db, actor, review);
  const ratings = await ratingsRepository.listRatingsOfParticipant(db, participant.id);
  const byElement = new Map(ratings.map((rating) => [rating.elementKey, rating]));
  const headings = coveredHeadings(document, review.headingKeys).map((heading) => ({
    key: heading.key,
    name: heading.name,
    elements: heading.elements.map((element) => {
      const saved = byElement.get(element.key);
      const state = !saved ? 'not-started' : saved.levelKey ? 'rated' : 'in-progress';
      return { key: element.key, name: element.name, state, levelKey: saved?.levelKey ?? null } as const;
    }),
  }));
  return { review, levels: document.scale.levels, headings };
}

export async function getRatingPage({
  db,
  actor,
  reviewId,
  elementKey,
}: {
  db: AppDb;
  actor: Viewer | null;
  reviewId: string;
  elementKey: string;
}): Promise<RatingPage> {
  const { review, participant } = await raterIn(db, actor, reviewId);
  const { document } = await frameworkOf(db, actor, review);
  const found = findElement(document, review.headingKeys, elementKey);
  if (!found) throw AppError.notFound();
  const order = coveredHeadings(document, review.headingKeys).flatMap((heading) => heading.elements.map((e) => e.key));
  const index = order.indexOf(elementKey);
  const row = await ratingsRepository.findRating(db, participant.id, elementKey);
  const evidence = row ? await ratingsRepository.listEvidence(db, [row.id]) : [];
  return {
    review,
    ...found,
    levels: document.scale.levels,
    rating: myRatingFrom(row, evidence),
    nextElementKey: order[index + 1] ?? null,
    position: { index: index + 1, total: order.length },
  };
}

export interface RatingInput {
  levelKey: string | null;
  rationale: string;
  evidenceText: string;
  links: string[];
  files: UploadedEvidence[];
  /** Evidence items to take off the rating. */
  removeEvidenceIds: string[];
  /** The version the form was opened on; 0 for a rating not saved before. */
  version: number;
}

export type SaveRatingOutcome =
  | { outcome: 'saved' }
  | { outcome: 'unknown-level' }
  /** Someone (the same person in another tab) saved since the form was opened: nothing was written. */
  | { outcome: 'stale'; current: MyRating };

/**
 * Saves a rater's rating of one element as it stands: a level need not be chosen yet, so a
 * plain "Save" keeps a draft without JavaScript. A save over a newer one is refused and shown.
 */
export async function saveRating({
  db,
  actor,
  reviewId,
  elementKey,
  input,
  fileStore,
}: {
  db: AppDb;
  actor: Viewer | null;
  reviewId: string;
  elementKey: string;
  input: RatingInput;
  fileStore: EvidenceFileStore;
}): Promise<SaveRatingOutcome> {
  // Files are written as the rows are; whichever side fails, the other is put right.
  const written: string[] = [];
  const discarded: string[] = [];
  try {
    const outcome = await db.transaction(async (tx): Promise<SaveRatingOutcome> => {
      const { review, participant } = await raterIn(tx, actor, reviewId);
      assertOpen(review);
      const { document } = await frameworkOf(tx, actor, review);
      if (!findElement(document, review.headingKeys, elementKey)) throw AppError.notFound();
      if (input.levelKey && !document.scale.levels.some((level) => level.key === input.levelKey)) {
        return { outcome: 'unknown-level' };
      }
      const values = { levelKey: input.levelKey, rationale: input.rationale, evidenceText: input.evidenceText };
      const ratingId = await writeRating(tx, {
        reviewId,
        participantId: participant.id,
        elementKey,
        values,
        version: input.version,
      });
      if (!ratingId) {
        const current = await ratingsRepository.findRating(tx, participant.id, elementKey);
        const evidence = current ? await ratingsRepository.listEvidence(tx, [current.id]) : [];
        return { outcome: 'stale', current: myRatingFrom(current, evidence) };
      }
      const removed = await ratingsRepository.deleteEvidence(tx, { ratingId, evidenceIds: input.removeEvidenceIds });
      discarded.push(...removed.flatMap((row) => (row.storedName ? [row.storedName] : [])));
      const files = [];
      for (const file of input.files) {
        const saved = await fileStore.save(file);
        written.push(saved.storedName);
        files.push(saved);
      }
      await ratingsRepository.insertEvidence(tx, [
        ...input.links.map((link) => ({ ratingId, kind: 'link' as const, name: link })),
        ...files.map((file) => ({
          ratingId,
          kind: 'file' as const,
          name: file.originalName,
          storedName: file.storedName,
          contentType: file.contentType,
          size: file.size,
        })),
      ]);
      return { outcome: 'saved' };
    });
    await Promise.allSettled(discarded.map((name) => fileStore.remove(name)));
    return outcome;
  } catch (error) {
    await Promise.allSettled(written.map((name) => fileStore.remove(name)));
    throw error;
  }
}

/** Inserts the first save (version 0) or saves over `version`; null when someone saved in between. */
async function writeRating(
  db: AppDb,
  {
    reviewId,
    participantId,
    elementKey,
    values,
    version,
  }: {
    reviewId: string;
    participantId: string;
    elementKey: string;
    values: Pick<ratingsRepository.RatingRow, 'levelKey' | 'rationale' | 'evidenceText'>;
    version: number;
  },
): Promise<string | null> {
  const existing = await ratingsRepository.findRating(db, participantId, elementKey, { forUpdate: true });
  if (!existing) {
    return version === 0
      ? ratingsRepository.insertRating(db, { reviewId, participantId, elementKey, ...values })
      : null;
  }
  return (await ratingsRepository.updateRating(db, { id: existing.id, version, values })) ? existing.id : null;
}
