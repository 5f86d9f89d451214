import { allowedIds } from '../../platform/access/access.ts';
import type { Viewer } from '../../platform/auth/viewer.ts';
import type { AppDb } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { findElement, frameworkOf, loadReview, seeResultsOf } from '../reviews/index.ts';
import type { ReviewElementRef } from './plans.paths.ts';
import { editPlan, makePlansFor } from './plans.policy.ts';
import * as repository from './plans.repository.ts';

/** A review's element that a priority is made from, as the plan keeps and shows it. */
export interface ReviewSource {
  reviewId: string;
  reviewTitle: string;
  organisationId: string;
  organisationName: string;
  headingKey: string;
  elementKey: string;
  elementName: string;
  /** "Leadership: Clarity of purpose" */
  label: string;
}

/**
 * The element of a review, for someone who sees the review's results; to anyone else, or for an
 * element the review does not cover, not found. Only the framework's names are read, never a rating.
 */
export async function findReviewSource({
  db,
  actor,
  from,
}: {
  db: AppDb;
  actor: Viewer | null;
  from: ReviewElementRef;
}): Promise<ReviewSource> {
  const review = await loadReview(db, { actor, reviewId: from.reviewId, permission: seeResultsOf });
  const { document } = await frameworkOf(db, actor, review);
  const found = findElement(document, review.headingKeys, from.elementKey);
  if (!found) throw AppError.notFound();
  return {
    reviewId: review.id,
    reviewTitle: review.title,
    organisationId: review.organisationId,
    organisationName: review.organisationName,
    headingKey: found.heading.key,
    elementKey: found.element.key,
    elementName: found.element.name,
    label: `${found.heading.name}: ${found.element.name}`,
  };
}

/**
 * Where a priority from a review can go: the trust's plans still open to change that the actor
 * may change. Someone who sees the review but does not make the trust's plans is told who does.
 */
export async function getFromReviewChoices({
  db,
  actor,
  from,
}: {
  db: AppDb;
  actor: Viewer | null;
  from: ReviewElementRef;
}): Promise<{ source: ReviewSource; plans: repository.PlanRow[] }> {
  const source = await findReviewSource({ db, actor, from });
  const mayMake = await allowedIds(db, { actor, permission: makePlansFor, ids: [source.organisationId] });
  if (!mayMake.has(source.organisationId)) {
    throw new AppError('Forbidden', 'Only the trust’s leaders make its plans', {
      title: 'Only the trust’s leaders make its plans',
      paragraphs: [
        `${source.organisationName}’s chief executive, executives and chair make its development plans.`,
        `Ask one of them to make “${source.label}” a priority.`,
      ],
    });
  }
  const open = await repository.listOpenPlansOfOrganisation(db, source.organisationId);
  const editable = await allowedIds(db, { actor, permission: editPlan, ids: open.map((plan) => plan.id) });
  return { source, plans: open.filter((plan) => editable.has(plan.id)) };
}
