import type { Viewer } from '../../platform/auth/viewer.ts';
import type { AppDb } from '../../platform/db/database.ts';
import { fetchPageOrLast } from '../../platform/db/paging.ts';
import { AppError } from '../../platform/http/app-error.ts';
import * as repository from './activity.repository.ts';
import { mayReadAuditLog } from './activity.policy.ts';
import type { AuditLogFilters } from './activity.schemas.ts';

export type { AuditEventView } from './activity.repository.ts';

export const PAGE_SIZE = 25;

export interface EventsPage {
  events: repository.AuditEventView[];
  total: number;
  /** The page shown: the one asked for, or the last one when that was past the end. */
  page: number;
  pageCount: number;
}

/** The events about the actor's own account. The subject is the actor, never taken from input. */
export async function listAccountActivity({
  db,
  actor,
  page,
}: {
  db: AppDb;
  actor: Viewer;
  page: number;
}): Promise<EventsPage> {
  return fetchPageOrLast(page, PAGE_SIZE, (limit, offset) =>
    repository.listEventsAboutPerson(db, { subjectPersonId: actor.personId, limit, offset }),
  );
}

/** The whole audit log, filtered in SQL. Platform administrators only. */
export async function searchAuditLog({
  db,
  actor,
  filters,
  page,
}: {
  db: AppDb;
  actor: Viewer | null;
  filters: AuditLogFilters;
  page: number;
}): Promise<EventsPage> {
  if (!mayReadAuditLog(actor)) throw AppError.forbidden();
  return fetchPageOrLast(page, PAGE_SIZE, (limit, offset) => repository.searchEvents(db, { filters, limit, offset }));
}
