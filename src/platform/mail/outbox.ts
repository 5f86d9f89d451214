import type { AppDb } from '../db/database.ts';
import * as repository from './outbox.repository.ts';

export type { OutboxMessage } from './outbox.repository.ts';
export type OutboxSummary = Awaited<ReturnType<typeof repository.listMessages>>[number];

/**
 * Reading the outbox. It holds sign-in links, so callers check that the reader is a
 * platform administrator before they ask.
 */
export async function listOutboxPage(
  db: AppDb,
  { page, perPage }: { page: number; perPage: number },
): Promise<{ messages: OutboxSummary[]; total: number; pageCount: number }> {
  const [messages, total] = await Promise.all([
    repository.listMessages(db, { limit: perPage, offset: (page - 1) * perPage }),
    repository.countMessages(db),
  ]);
  return { messages, total, pageCount: Math.max(1, Math.ceil(total / perPage)) };
}

export function findOutboxMessage(db: AppDb, id: string): Promise<repository.OutboxMessage | null> {
  return repository.findMessage(db, id);
}
