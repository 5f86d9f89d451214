import { and, asc, count, eq, isNull } from 'drizzle-orm';
import type { AppDb } from '../../platform/db/database.ts';
import { people } from '../people/people.tables.ts';
import { planComments } from './plan-sharing.tables.ts';

export interface CommentRow {
  id: string;
  replyToCommentId: string | null;
  authorName: string;
  body: string;
  createdAt: Date;
}

/** A priority's comments and replies, oldest first: a conversation reads from the top. */
export async function listComments(db: AppDb, priorityId: string): Promise<CommentRow[]> {
  return db
    .select({
      id: planComments.id,
      replyToCommentId: planComments.replyToCommentId,
      authorName: people.displayName,
      body: planComments.body,
      createdAt: planComments.createdAt,
    })
    .from(planComments)
    .innerJoin(people, eq(people.id, planComments.authorPersonId))
    .where(eq(planComments.priorityId, priorityId))
    .orderBy(asc(planComments.createdAt), asc(planComments.id));
}

/** How many comments (replies included) each of the plan's priorities has. */
export async function countCommentsByPriority(db: AppDb, planId: string): Promise<Map<string, number>> {
  const rows = await db
    .select({ priorityId: planComments.priorityId, comments: count() })
    .from(planComments)
    .where(eq(planComments.planId, planId))
    .groupBy(planComments.priorityId);
  return new Map(rows.map((row) => [row.priorityId, row.comments]));
}

/** A top-level comment of the priority: the only kind a reply may answer. */
export async function findTopLevelComment(db: AppDb, priorityId: string, commentId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: planComments.id })
    .from(planComments)
    .where(
      and(
        eq(planComments.id, commentId),
        eq(planComments.priorityId, priorityId),
        isNull(planComments.replyToCommentId),
      ),
    );
  return row !== undefined;
}

/** Saves a comment; the same creation key sent again (a double press) saves nothing more. */
export async function insertComment(db: AppDb, values: typeof planComments.$inferInsert): Promise<void> {
  await db.insert(planComments).values(values).onConflictDoNothing({ target: planComments.creationKey });
}
