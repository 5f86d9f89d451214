import { randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { AppError, parseId } from '../../platform/http/app-error.ts';
import { planDoneMessages, type PlanDone, type ReviewElementRef } from './plans.paths.ts';

/** What every plan route reads from its request: ids from the URL, "done" messages, form keys. */

export function paramId(
  request: FastifyRequest,
  name: 'id' | 'priorityId' | 'actionId' | 'evidenceId' | 'milestoneId' | 'shareId',
) {
  return parseId((request.params as Record<string, unknown>)[name]);
}

export function doneFrom(query: unknown): PlanDone | null {
  const done = (query as { done?: unknown } | undefined)?.done;
  return typeof done === 'string' && done in planDoneMessages ? (done as PlanDone) : null;
}

/** A form's one-time key as sent, or a new one for a form sent without it. */
export function creationKeyOr(sent: string | undefined): string {
  return sent || randomUUID();
}

/** A framework element key as a URL or query carries it: anything longer names no element. */
function elementKey(value: unknown): string {
  if (typeof value !== 'string' || value === '' || value.length > 60) throw AppError.notFound();
  return value;
}

/** The review element a priority form starts from (`?review=…&element=…`), or none. */
export function reviewElementFromQuery(query: unknown): ReviewElementRef | null {
  const { review, element } = (query ?? {}) as { review?: unknown; element?: unknown };
  if (review === undefined && element === undefined) return null;
  return { reviewId: parseId(review), elementKey: elementKey(element) };
}

/** The review element in the URL of the "make this a priority" page. */
export function reviewElementFromParams(request: FastifyRequest): ReviewElementRef {
  const params = request.params as { reviewId?: unknown; elementKey?: unknown };
  return { reviewId: parseId(params.reviewId), elementKey: elementKey(params.elementKey) };
}
