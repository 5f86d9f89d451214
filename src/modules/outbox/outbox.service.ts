import { hasRole, type Viewer } from '../../platform/auth/viewer.ts';
import type { AppDb } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/app-error.ts';
import {
  findOutboxMessage,
  listOutboxPage,
  type OutboxMessage,
  type OutboxSummary,
} from '../../platform/mail/outbox.ts';

export const MESSAGES_PER_PAGE = 25;

/** The outbox holds sign-in and reset links: only platform administrators read it. */
function assertMayReadOutbox(actor: Viewer | null): void {
  if (!hasRole(actor, 'platform_administrator')) throw AppError.forbidden();
}

export async function listMessages({
  actor,
  db,
  page,
}: {
  actor: Viewer | null;
  db: AppDb;
  page: number;
}): Promise<{ messages: OutboxSummary[]; total: number; page: number; pageCount: number }> {
  assertMayReadOutbox(actor);
  const result = await listOutboxPage(db, { page, perPage: MESSAGES_PER_PAGE });
  // A page past the end names nothing (page 1 of an empty outbox is still a page).
  if (page > result.pageCount) throw AppError.notFound();
  return { ...result, page };
}

export async function getMessage({
  actor,
  db,
  id,
}: {
  actor: Viewer | null;
  db: AppDb;
  id: string;
}): Promise<OutboxMessage> {
  assertMayReadOutbox(actor);
  const message = await findOutboxMessage(db, id);
  if (!message) throw AppError.notFound();
  return message;
}
