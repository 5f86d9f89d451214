import { and, count, desc, eq, like, sql } from 'drizzle-orm';
import { auditEvents } from '../../platform/audit/audit.tables.ts';
import type { AppDb } from '../../platform/db/database.ts';
import { organisations } from '../organisations/organisations.tables.ts';
import { people } from '../people/people.tables.ts';
import { reviews } from './reviews.tables.ts';

/** One read of one of the trust's reviews, with the names the page shows in place of ids. */
export interface ReviewReadRow {
  id: string;
  occurredAt: Date;
  readerName: string | null;
  readerEmail: string | null;
  /** Null if the review named is not the trust's (never, unless the log was written by hand). */
  reviewTitle: string | null;
  details: Record<string, unknown>;
}

export async function findTrust(db: AppDb, organisationId: string): Promise<{ id: string; name: string } | null> {
  const [row] = await db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(and(eq(organisations.id, organisationId), eq(organisations.kind, 'trust')));
  return row ?? null;
}

/** The review the event names: details hold its id as text, cast only when it is one (a cast error would break the page). */
const reviewIdOf = sql`case when ${auditEvents.details}->>'id' ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
  then (${auditEvents.details}->>'id')::uuid end`;

/**
 * One page of reads of the trust's reviews, newest first (the id breaks ties so pages never
 * overlap), and how many there are. The trust is the event's organisation; the review is joined
 * within the same trust as well, so no other trust's review title can ever be shown here.
 */
export async function listReviewReads(
  db: AppDb,
  { organisationId, limit, offset }: { organisationId: string; limit: number; offset: number },
): Promise<{ reads: ReviewReadRow[]; total: number }> {
  const where = and(
    eq(auditEvents.action, 'confidential.read'),
    eq(auditEvents.organisationId, organisationId),
    like(sql`${auditEvents.details}->>'kind'`, 'review.%'),
  );
  const [reads, totals] = await Promise.all([
    db
      .select({
        id: auditEvents.id,
        occurredAt: auditEvents.occurredAt,
        readerName: people.displayName,
        readerEmail: people.email,
        reviewTitle: reviews.title,
        details: auditEvents.details,
      })
      .from(auditEvents)
      .leftJoin(people, eq(people.id, auditEvents.actorPersonId))
      .leftJoin(reviews, and(eq(reviews.id, reviewIdOf), eq(reviews.organisationId, auditEvents.organisationId)))
      .where(where)
      .orderBy(desc(auditEvents.occurredAt), desc(auditEvents.seq))
      .limit(limit)
      .offset(offset),
    db.select({ total: count() }).from(auditEvents).where(where),
  ]);
  return { reads, total: totals[0]?.total ?? 0 };
}
