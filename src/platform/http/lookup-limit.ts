import { and, eq, gt, sql } from 'drizzle-orm';
import { recordAuditEvent, type AuditRequestContext } from '../audit/audit.ts';
import type { AppDb } from '../db/database.ts';
import { consumeRateLimit } from './rate-limit.ts';
import { rateLimitBuckets } from './rate-limit.tables.ts';

/**
 * Looking someone up by email tells the person asking whether that address has an account. Where
 * that answer is shown (sharing a plan, adding someone to a review or a partnership) it helps people who know whom
 * they mean, so it stays; but each person may draw a blank only so often, which keeps anyone from
 * working through a list of addresses to learn who uses Tandem. Finding someone costs nothing.
 */
export const lookupMissPolicy = { limit: 10, windowMs: 60 * 60 * 1000 } as const;

export const lookupLimitedMessage = 'You have looked up too many addresses that have no account. Try again in an hour';

export type LimitedLookup<T> = { outcome: 'found'; found: T } | { outcome: 'missing' } | { outcome: 'limited' };

/**
 * Runs `lookup` for `personId` unless they have already missed `limit` times this hour. Call it in
 * the transaction that acts on the answer: the miss is counted, and a refusal audited, with it.
 *
 * The miss is counted before the lookup and given back when it finds someone, rather than counted
 * after a miss: the count's row stays locked until the transaction ends, so lookups sent at once
 * queue behind it and cannot all slip under the limit together.
 */
export async function lookUpWithinMissLimit<T>(
  db: AppDb,
  {
    personId,
    purpose,
    audit = {},
    now = new Date(),
  }: { personId: string; purpose: string; audit?: AuditRequestContext; now?: Date },
  lookup: () => Promise<T | null | undefined>,
): Promise<LimitedLookup<T>> {
  const key = `lookup-miss:person:${personId}`;
  const { allowed } = await consumeRateLimit(db, { key, ...lookupMissPolicy, now });
  if (!allowed) {
    await recordAuditEvent(
      db,
      { action: 'email_lookup.refused', actorPersonId: personId, details: { reason: 'too_many_misses', purpose } },
      audit,
    );
    return { outcome: 'limited' };
  }
  const found = await lookup();
  if (found === null || found === undefined) return { outcome: 'missing' };
  await db
    .update(rateLimitBuckets)
    .set({ hits: sql`greatest(${rateLimitBuckets.hits} - 1, 0)` })
    .where(and(eq(rateLimitBuckets.key, key), gt(rateLimitBuckets.resetAt, now)));
  return { outcome: 'found', found };
}
