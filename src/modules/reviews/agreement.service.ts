import type { AuditRequestContext } from '../../platform/audit/audit.ts';
import type { Viewer } from '../../platform/auth/viewer.ts';
import type { AppDb } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/app-error.ts';
import type { FrameworkElement, FrameworkHeading, FrameworkLevel } from '../frameworks/index.ts';
import { assertOpen, findElement, frameworkOf, loadReview } from './review-access.service.ts';
import { recordReviewRead } from './review-activity.service.ts';
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

/** A closed review's ratings can no longer be agreed: its page is not shown (nor read). */
export type AgreePageResult = ({ outcome: 'open' } & AgreePage) | { outcome: 'closed'; reviewId: string };

/** The page for agreeing one element's rating; it shows each person's answer, so each showing is recorded. */
export async function getAgreePage({
  db,
  actor,
  reviewId,
  elementKey,
  audit = {},
}: {
  db: AppDb;
  actor: Viewer | null;
  reviewId: string;
  elementKey: string;
  audit?: AuditRequestContext;
}): Promise<AgreePageResult> {
  const review = await loadReview(db, { actor, reviewId, permission: lead });
  if (review.status !== 'open') return { outcome: 'closed', reviewId };
  const { document } = await frameworkOf(db, actor, review);
  const found = findElement(document, review.headingKeys, elementKey);
  if (!found) throw AppError.notFound();
  const report = await reportOf(db, actor, review);
  const results = report.headings.flatMap((heading) => heading.elements).find((each) => each.key === elementKey);
  if (!results) throw AppError.notFound();
  const agreed =
    (await ratingsRepository.listAgreed(db, reviewId)).find((each) => each.elementKey === elementKey) ?? null;
  await recordReviewRead(db, { actor, review, kind: 'review.agree', details: { elementKey } }, audit);
  return { outcome: 'open', review, ...found, levels: document.scale.levels, results, agreed };
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
 * Someone else's file is a read of the review's content, recorded; a rater's own is not.
 */
export async function getEvidenceFile({
  db,
  actor,
  reviewId,
  evidenceId,
  audit = {},
}: {
  db: AppDb;
  actor: Viewer | null;
  reviewId: string;
  evidenceId: string;
  audit?: AuditRequestContext;
}): Promise<{ name: string; storedName: string; contentType: string }> {
  const review = await loadReview(db, { actor, reviewId, permission: takePartIn });
  const evidence = await ratingsRepository.findEvidenceInReview(db, reviewId, evidenceId);
  if (!evidence || evidence.kind !== 'file' || !evidence.storedName) throw AppError.notFound();
  const own = evidence.participantPersonId === actor?.personId;
  if (!own) {
    if (review.anonymous) throw AppError.notFound();
    await loadReview(db, { actor, reviewId, permission: seeResultsOf });
    await recordReviewRead(db, { actor, review, kind: 'review.evidence-file', details: { evidenceId } }, audit);
  }
  return {
    name: evidence.name,
    storedName: evidence.storedName,
    contentType: evidence.contentType ?? 'application/octet-stream',
  };
}
