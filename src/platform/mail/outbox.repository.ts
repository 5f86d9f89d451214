import { count, desc, eq, sql } from 'drizzle-orm';
import type { AppDb } from '../db/database.ts';
import { outboxMessages } from './mail.tables.ts';

export type OutboxMessage = typeof outboxMessages.$inferSelect;

export async function insertMessage(
  db: AppDb,
  values: {
    to: string;
    subject: string;
    text: string;
    html: string | null;
    lastError: string | null;
    idempotencyKey: string | null;
  },
): Promise<{ row: OutboxMessage; inserted: boolean }> {
  const [row] = await db.insert(outboxMessages).values(values).onConflictDoNothing().returning();
  if (row) return { row, inserted: true };
  // Only a key already used can have stopped the insert: the message written then is the one.
  const [existing] = values.idempotencyKey
    ? await db.select().from(outboxMessages).where(eq(outboxMessages.idempotencyKey, values.idempotencyKey))
    : [];
  if (!existing) throw new Error('outbox message not inserted');
  return { row: existing, inserted: false };
}

export async function findMessage(db: AppDb, id: string): Promise<OutboxMessage | null> {
  const [row] = await db.select().from(outboxMessages).where(eq(outboxMessages.id, id));
  return row ?? null;
}

/** One page, newest first; the id breaks ties so that pages never overlap. */
export async function listMessages(db: AppDb, { limit, offset }: { limit: number; offset: number }) {
  return db
    .select({
      id: outboxMessages.id,
      to: outboxMessages.to,
      subject: outboxMessages.subject,
      status: outboxMessages.status,
      attempts: outboxMessages.attempts,
      lastError: outboxMessages.lastError,
      createdAt: outboxMessages.createdAt,
      sentAt: outboxMessages.sentAt,
    })
    .from(outboxMessages)
    .orderBy(desc(outboxMessages.createdAt), desc(outboxMessages.id))
    .limit(limit)
    .offset(offset);
}

export async function countMessages(db: AppDb): Promise<number> {
  const [row] = await db.select({ total: count() }).from(outboxMessages);
  return row?.total ?? 0;
}

/** Counts an attempt before it is made, so a crash mid-send still shows that one was tried. */
export async function recordAttempt(db: AppDb, id: string): Promise<void> {
  await db
    .update(outboxMessages)
    .set({ attempts: sql`${outboxMessages.attempts} + 1`, updatedAt: sql`now()` })
    .where(eq(outboxMessages.id, id));
}

export async function markSent(db: AppDb, id: string): Promise<void> {
  await db
    .update(outboxMessages)
    .set({ status: 'sent', sentAt: sql`now()`, lastError: null, updatedAt: sql`now()` })
    .where(eq(outboxMessages.id, id));
}

/** A failed attempt: the message stays queued for a retry, or fails when none is left. */
export async function recordFailure(db: AppDb, id: string, { error, final }: { error: string; final: boolean }) {
  await db
    .update(outboxMessages)
    .set({ lastError: error, updatedAt: sql`now()`, ...(final ? { status: 'failed' as const } : {}) })
    .where(eq(outboxMessages.id, id));
}

export async function recordQueueError(db: AppDb, id: string, error: string): Promise<void> {
  await db
    .update(outboxMessages)
    .set({ lastError: error, updatedAt: sql`now()` })
    .where(eq(outboxMessages.id, id));
}

/** Queued at last, after an earlier attempt to queue it failed. */
export async function clearQueueError(db: AppDb, id: string): Promise<void> {
  await db
    .update(outboxMessages)
    .set({ lastError: null, updatedAt: sql`now()` })
    .where(eq(outboxMessages.id, id));
}
