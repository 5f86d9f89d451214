import type { Viewer } from '../../platform/auth/viewer.ts';
import type { AppDb } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/app-error.ts';
import type { FrameworkElement, FrameworkHeading, FrameworkLevel } from '../frameworks/index.ts';
import { assertOpen, findElement, frameworkOf, loadReview } from './review-access.service.ts';
import type { ReportElement } from './review-report.ts';
import { lead, seeResultsOf, takePartIn } from './reviews.policy.ts';
import * as ratingsRepository from './ratings.repository.ts';
import type * as repository from './reviews.repository.ts';
import { reportOf } from './results.service.ts';

export interface AgreePage {
  review: repository.ReviewRow;
  heading: FrameworkHeading;
  element: FrameworkElement;
  levels: FrameworkLevel[];
  /** What the participants said (in an anonymous review, only the counts, and only from enough answers). */
  results: ReportElement;
  agreed: { levelKey: string; rationale: string; version: number } | null;
}

export async function getAgreePage({
  db,
  actor,
  reviewId,
  elementKey,
}: {
  db: AppDb;
  actor: Viewer | null;
  reviewId: string;
  elementKey: string;
}): Promise<AgreePage> {
  const review = await loadReview(db, { actor, reviewId, permission: lead });
  const { document } = await frameworkOf(db, actor, review);
  const found = findElement(document, review.headingKeys, elementKey);
  if (!found) throw AppError.notFound();
  const report = await reportOf(db, actor, review);
  const results = report.headings.flatMap((heading) => heading.elements).find((each) => each.key === elementKey);
  if (!results) throw AppError.notFound();
  const agreed =
    (await ratingsRepository.listAgreed(db, reviewId)).find((each) => each.elementKey === elementKey) ?? null;
  return { review, ...found, levels: document.scale.levels, results, agreed };
}

export type AgreeOutcome =
  | { outcome: 'saved' }
  | { outcome: 'unknown-level' }
  | { outcome: 'stale'; current: { levelKey: string; rationale: string; version: number } | null };

/** Sets or changes the agreed rating of one element; a change made since the form was opened is not overwritten. */
export async function agreeRating({
  db,
  actor,
  reviewId,
  elementKey,
  levelKey,
  rationale,
  version,
}: {
  db: AppDb;
  actor: Viewer | null;
  reviewId: string;
  elementKey: string;
  levelKey: string;
  rationale: string;
  version: number;
}): Promise<AgreeOutcome> {
  return db.transaction(async (tx) => {
    const review = await loadReview(tx, { actor, reviewId, permission: lead, forUpdate: true });
    assertOpen(review);
    const { document } = await frameworkOf(tx, actor, review);
    if (!findElement(document, review.headingKeys, elementKey)) throw AppError.notFound();
    if (!document.scale.levels.some((level) => level.key === levelKey)) return { outcome: 'unknown-level' };
    const saved = await ratingsRepository.saveAgreed(tx, {
      reviewId,
      elementKey,
      levelKey,
      rationale,
      personId: actor?.personId ?? '',
      version,
    });
    if (saved) return { outcome: 'saved' };
    const current = (await ratingsRepository.listAgreed(tx, reviewId)).find((each) => each.elementKey === elementKey);
    return { outcome: 'stale', current: current ?? null };
  });
}

/**
 * An uploaded evidence file, for someone allowed to see it: its rater always; in a named review
 * also those who see the results (partner-trust evidence is theirs to share too). Never in an
 * anonymous review, where evidence would say who answered. Everyone else: not found.
 */
export async function getEvidenceFile({
  db,
  actor,
  reviewId,
  evidenceId,
}: {
  db: AppDb;
  actor: Viewer | null;
  reviewId: string;
  evidenceId: string;
}): Promise<{ name: string; storedName: string; contentType: string }> {
  const review = await loadReview(db, { actor, reviewId, permission: takePartIn });
  const evidence = await ratingsRepository.findEvidenceInReview(db, reviewId, evidenceId);
  if (!evidence || evidence.kind !== 'file' || !evidence.storedName) throw AppError.notFound();
  const own = evidence.participantPersonId === actor?.personId;
  if (!own) {
    if (review.anonymous) throw AppError.notFound();
    await loadReview(db, { actor, reviewId, permission: seeResultsOf });
  }
  return {
    name: evidence.name,
    storedName: evidence.storedName,
    contentType: evidence.contentType ?? 'application/octet-stream',
  };
}
