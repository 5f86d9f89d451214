import { sql } from 'drizzle-orm';
import type { AppDb } from '../db/database.ts';
import { rateLimitBuckets } from './rate-limit.tables.ts';

export interface RateLimitDecision {
  allowed: boolean;
  /** Milliseconds until the window resets (0 when allowed). */
  retryAfterMs: number;
}

/**
 * Counts one hit against `key` in a fixed window and says whether it is within `limit`.
 * One statement, so concurrent requests on any number of app processes count exactly.
 */
export async function consumeRateLimit(
  db: AppDb,
  { key, limit, windowMs, now = new Date() }: { key: string; limit: number; windowMs: number; now?: Date },
): Promise<RateLimitDecision> {
  const resetAt = new Date(now.getTime() + windowMs);
  const [row] = await db
    .insert(rateLimitBuckets)
    .values({ key, hits: 1, resetAt })
    .onConflictDoUpdate({
      target: rateLimitBuckets.key,
      set: {
        hits: sql`case when ${rateLimitBuckets.resetAt} <= ${now.toISOString()}::timestamptz then 1 else ${rateLimitBuckets.hits} + 1 end`,
        resetAt: sql`case when ${rateLimitBuckets.resetAt} <= ${now.toISOString()}::timestamptz then excluded.reset_at else ${rateLimitBuckets.resetAt} end`,
      },
    })
    .returning({ hits: rateLimitBuckets.hits, resetAt: rateLimitBuckets.resetAt });
  if (!row) throw new Error('rate limit bucket was not written');
  const allowed = row.hits <= limit;
  return { allowed, retryAfterMs: allowed ? 0 : Math.max(0, new Date(row.resetAt).getTime() - now.getTime()) };
}
