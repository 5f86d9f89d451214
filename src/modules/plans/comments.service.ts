import { allowedIds, assertAllowed } from '../../platform/access/access.ts';
import type { AuditRequestContext } from '../../platform/audit/audit.ts';
import type { Viewer } from '../../platform/auth/viewer.ts';
import type { AppDb } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/app-error.ts';
import * as repository from './comments.repository.ts';
import { assertOpen, loadPlan } from './plan-access.service.ts';
import { recordPlanRead } from './plan-reads.ts';
import { commentOnPlan, seePlan } from './plans.policy.ts';
import * as plansRepository from './plans.repository.ts';

export type { CommentRow } from './comments.repository.ts';

export interface CommentThread {
  comment: repository.CommentRow;
  replies: repository.CommentRow[];
}

export interface PriorityComments {
  plan: plansRepository.PlanRow;
  priority: plansRepository.PriorityRow;
  threads: CommentThread[];
  /** May write comments and replies (the plan's editors, and those it is shared with to comment). */
  mayComment: boolean;
}

/** Groups replies under the comment they answer, both in the order they were written. */
export function threadsOf(comments: repository.CommentRow[]): CommentThread[] {
  const threads = comments
    .filter((comment) => comment.replyToCommentId === null)
    .map((comment) => ({ comment, replies: [] as repository.CommentRow[] }));
  const byId = new Map(threads.map((thread) => [thread.comment.id, thread]));
  for (const reply of comments) {
    if (reply.replyToCommentId !== null) byId.get(reply.replyToCommentId)?.replies.push(reply);
  }
  return threads;
}

async function loadPriority(db: AppDb, planId: string, priorityId: string): Promise<plansRepository.PriorityRow> {
  const priority = await plansRepository.findPriority(db, planId, priorityId);
  if (!priority) throw AppError.notFound();
  return priority;
}

/** A priority's comment threads, for anyone who reads the plan; the read is audited. */
export async function getPriorityComments({
  db,
  actor,
  planId,
  priorityId,
  audit,
}: {
  db: AppDb;
  actor: Viewer | null;
  planId: string;
  priorityId: string;
  audit: AuditRequestContext;
}): Promise<PriorityComments> {
  const plan = await loadPlan(db, { actor, planId, permission: seePlan });
  const priority = await loadPriority(db, planId, priorityId);
  const [comments, commenters] = await Promise.all([
    repository.listComments(db, priorityId),
    allowedIds(db, { actor, permission: commentOnPlan, ids: [planId] }),
  ]);
  await recordPlanRead(db, { actor, plan, kind: 'plan.comments', details: { priorityId } }, audit);
  return {
    plan,
    priority,
    threads: threadsOf(comments),
    mayComment: commenters.has(planId) && plan.status !== 'closed',
  };
}

/**
 * Posts a comment on a priority, or a reply to one of its comments. A reader who may not comment
 * is refused (403); someone who cannot read the plan is told it does not exist (404).
 */
export async function postComment({
  db,
  actor,
  planId,
  priorityId,
  body,
  replyToCommentId,
  creationKey,
}: {
  db: AppDb;
  actor: Viewer | null;
  planId: string;
  priorityId: string;
  body: string;
  replyToCommentId: string | null;
  creationKey: string;
}): Promise<void> {
  if (!actor) throw AppError.notFound();
  const plan = await loadPlan(db, { actor, planId, permission: seePlan });
  await assertAllowed(db, { actor, permission: commentOnPlan, ids: [planId] });
  assertOpen(plan);
  await loadPriority(db, planId, priorityId);
  if (replyToCommentId !== null && !(await repository.findTopLevelComment(db, priorityId, replyToCommentId))) {
    throw AppError.notFound();
  }
  await repository.insertComment(db, {
    planId,
    priorityId,
    replyToCommentId,
    authorPersonId: actor.personId,
    body,
    creationKey,
  });
}
