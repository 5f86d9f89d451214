import { allowedIds, assertAllowed, type Permission } from '../../platform/access/access.ts';
import type { Viewer } from '../../platform/auth/viewer.ts';
import type { AppDb } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { getFrameworkVersion, type FrameworkDocument, type FrameworkHeading } from '../frameworks/index.ts';
import { reviewPaths } from './reviews.paths.ts';
import { lead, seeResultsOf, takePartIn } from './reviews.policy.ts';
import * as repository from './reviews.repository.ts';

/**
 * Loads a review for someone allowed `permission` on it. A refusal reads exactly like a
 * missing review (404): whether a trust is reviewing itself is not for everyone to know.
 */
export async function loadReview(
  db: AppDb,
  {
    actor,
    reviewId,
    permission,
    forUpdate = false,
  }: {
    actor: Viewer | null;
    reviewId: string;
    permission: Permission;
    forUpdate?: boolean;
  },
): Promise<repository.ReviewRow> {
  await assertAllowed(db, { actor, permission, ids: [reviewId], whenDenied: 'not-found' });
  const review = await repository.findReview(db, reviewId, { forUpdate });
  if (!review) throw AppError.notFound();
  return review;
}

/** A change sent to a closed review: said plainly, with the way back, not as a clash with someone's edit. */
export function assertOpen(review: repository.ReviewRow): void {
  if (review.status === 'open') return;
  throw AppError.conflict('This review is closed: nothing in it can change', {
    title: 'This review is closed',
    paragraphs: [
      `“${review.title}” was closed by one of its leads, so its ratings, people and groups can no longer change.`,
      'What you sent has not been saved. If it matters, keep a copy of it before you leave this page: go back in your browser to see it again.',
    ],
    link: { href: reviewPaths.review(review.id), text: 'Go to the review' },
  });
}

/** What the viewer may do in this review: decides which links and pages they are offered. */
export interface ReviewAccess {
  lead: boolean;
  results: boolean;
  participant: boolean;
}

export async function accessTo(db: AppDb, actor: Viewer | null, reviewId: string): Promise<ReviewAccess> {
  const ids = [reviewId];
  const allowed = (permission: Permission) => allowedIds(db, { actor, permission, ids });
  const [leads, results, participants] = await Promise.all([allowed(lead), allowed(seeResultsOf), allowed(takePartIn)]);
  return { lead: leads.has(reviewId), results: results.has(reviewId), participant: participants.has(reviewId) };
}

/**
 * Published versions never change (a trigger refuses it), so a review's framework is read from
 * the database once per process and kept: every review page needs it.
 */
const publishedDocuments = new Map<string, FrameworkDocument>();

export async function frameworkOf(
  db: AppDb,
  actor: Viewer | null,
  review: Pick<repository.ReviewRow, 'frameworkId' | 'frameworkVersionId'>,
): Promise<{ document: FrameworkDocument; number: number }> {
  const key = review.frameworkVersionId;
  const cached = publishedDocuments.get(key);
  if (cached) return { document: cached, number: versionNumbers.get(key) ?? 0 };
  const version = await getFrameworkVersion({ db, actor, frameworkId: review.frameworkId, versionId: key });
  if (version.status === 'published') {
    publishedDocuments.set(key, version.document);
    versionNumbers.set(key, version.number);
  }
  return { document: version.document, number: version.number };
}
const versionNumbers = new Map<string, number>();

/** The headings a review covers, in the framework's order. */
export function coveredHeadings(document: FrameworkDocument, headingKeys: readonly string[]): FrameworkHeading[] {
  return document.headings.filter((heading) => headingKeys.includes(heading.key));
}

export function findElement(document: FrameworkDocument, headingKeys: readonly string[], elementKey: string) {
  for (const heading of coveredHeadings(document, headingKeys)) {
    const element = heading.elements.find((each) => each.key === elementKey);
    if (element) return { heading, element };
  }
  return null;
}
