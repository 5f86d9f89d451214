import { assertAllowed } from '../../platform/access/access.ts';
import { recordAuditEvent, type AuditRequestContext } from '../../platform/audit/audit.ts';
import type { Viewer } from '../../platform/auth/viewer.ts';
import type { AppDb } from '../../platform/db/database.ts';
import { fetchPageOrLast, type Paged } from '../../platform/db/paging.ts';
import { AppError } from '../../platform/http/app-error.ts';
import * as repository from './review-activity.repository.ts';
import type { ReviewReadKind } from './review-reads.ts';
import { startReviewOf } from './reviews.policy.ts';

/**
 * Who has read a trust's reviews (ARCHITECTURE.md: "Reads of confidential content are written
 * to the audit log; the owner can see that log"). It lives in the reviews module, not in
 * activity: the kinds of read, the rule for who owns a review's log (`startReviewOf`) and the
 * reviews' titles are all this module's, and platform/audit already does the writing.
 */

export type { ReviewReadRow } from './review-activity.repository.ts';

export const PAGE_SIZE = 25;

/**
 * Writes one read of a review's content to the audit log. Call it in the service that reads,
 * after the reader has been allowed and the content found, so that a refused or failed request
 * records nothing; if the insert fails the read fails with it.
 */
export async function recordReviewRead(
  db: AppDb,
  {
    actor,
    review,
    kind,
    details = {},
  }: {
    actor: Viewer | null;
    review: { id: string; organisationId: string };
    kind: ReviewReadKind;
    /** Small facts beside the kind (`format`, `evidenceId`, `elementKey`), never the content. */
    details?: Record<string, string>;
  },
  audit: AuditRequestContext,
): Promise<void> {
  await recordAuditEvent(
    db,
    {
      action: 'confidential.read',
      actorPersonId: actor?.personId ?? null,
      // The reviewed trust owns the log of its reviews' reads, whoever (a partner trust's rater) reads.
      organisationId: review.organisationId,
      details: { ...details, kind, id: review.id },
    },
    audit,
  );
}

export interface ReviewActivityPage extends Paged {
  organisation: { id: string; name: string };
  reads: repository.ReviewReadRow[];
  total: number;
}

/**
 * The reads of the trust's reviews, newest first, for those who may start a review of it (its
 * chief executive, executives and chair). To anyone else the page is not found.
 */
export async function listReviewActivity({
  db,
  actor,
  organisationId,
  page,
}: {
  db: AppDb;
  actor: Viewer | null;
  organisationId: string;
  page: number;
}): Promise<ReviewActivityPage> {
  await assertAllowed(db, { actor, permission: startReviewOf, ids: [organisationId], whenDenied: 'not-found' });
  const organisation = await repository.findTrust(db, organisationId);
  if (!organisation) throw AppError.notFound();
  const result = await fetchPageOrLast(page, PAGE_SIZE, (limit, offset) =>
    repository.listReviewReads(db, { organisationId, limit, offset }),
  );
  return { organisation, ...result };
}
