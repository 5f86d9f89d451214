import { recordAuditEvent, type AuditRequestContext } from '../../platform/audit/audit.ts';
import type { AppDb } from '../../platform/db/database.ts';
import { consumeRateLimit } from '../../platform/http/rate-limit.ts';
import { verifyPassword } from './passwords.ts';
import * as repository from './people.repository.ts';
import { startSession } from './people.service.ts';

/**
 * Sign-in policy. An account slows after 3 failures (each answer waits longer) and locks for
 * 15 minutes after 5; one address may try 20 times in 15 minutes across all accounts. The
 * refusal reads the same whether or not the email exists.
 */
export const SIGN_IN_POLICY = {
  slowAfter: 3,
  lockAfter: 5,
  lockForMs: 15 * 60 * 1000,
  perIpLimit: 20,
  perIpWindowMs: 15 * 60 * 1000,
  maxDelayMs: 4_000,
} as const;

export type SignInResult =
  | { outcome: 'signed-in'; personId: string; token: string }
  /** The password was right; a session starts only once the second factor is too. */
  | { outcome: 'second-factor-needed'; personId: string }
  | { outcome: 'refused'; personId: string | null; reason: 'unknown_email' | 'wrong_password' | 'account_locked' }
  | { outcome: 'throttled'; retryAfterMs: number };

export async function signInWithPassword({
  db,
  email,
  password,
  ip,
  userAgent,
  audit = {},
  now = new Date(),
  wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
}: {
  db: AppDb;
  email: string;
  password: string;
  ip: string;
  userAgent?: string;
  /** Where the attempt came from, for the audit log. */
  audit?: AuditRequestContext;
  now?: Date;
  /** How a slowed answer waits; tests pass one that records instead of sleeping. */
  wait?: (ms: number) => Promise<void>;
}): Promise<SignInResult> {
  const perIp = await consumeRateLimit(db, {
    key: `sign-in:ip:${ip}`,
    limit: SIGN_IN_POLICY.perIpLimit,
    windowMs: SIGN_IN_POLICY.perIpWindowMs,
    now,
  });
  if (!perIp.allowed) {
    await recordAuditEvent(db, { action: 'sign_in.failed', details: { reason: 'throttled' } }, audit);
    return { outcome: 'throttled', retryAfterMs: perIp.retryAfterMs };
  }

  const account = await repository.findCredentialsByEmail(db, email);
  const locked = account?.lockedUntil != null && account.lockedUntil > now;
  // Verify even when the answer is already "no", so every refusal costs the same time.
  const matches = await verifyPassword(locked ? null : (account?.passwordHash ?? null), password);

  if (!account || !matches) {
    const reason = !account ? 'unknown_email' : locked ? 'account_locked' : 'wrong_password';
    await recordAuditEvent(
      db,
      { action: 'sign_in.failed', subjectPersonId: account?.id ?? null, details: { reason } },
      audit,
    );
    if (account && !locked) {
      await repository.recordFailedSignIn(db, account.id, { ...SIGN_IN_POLICY, now });
      const failures = account.failedSignIns + 1;
      if (failures >= SIGN_IN_POLICY.slowAfter) {
        await wait(Math.min(SIGN_IN_POLICY.maxDelayMs, 1000 * 2 ** (failures - SIGN_IN_POLICY.slowAfter)));
      }
    }
    return { outcome: 'refused', personId: account?.id ?? null, reason };
  }

  await repository.clearFailedSignIns(db, account.id);
  if (account.mfaEnabled) return { outcome: 'second-factor-needed', personId: account.id };
  const token = await startSession({ db, personId: account.id, ip, ...(userAgent ? { userAgent } : {}), now });
  await recordAuditEvent(
    db,
    { action: 'sign_in.succeeded', actorPersonId: account.id, subjectPersonId: account.id },
    audit,
  );
  return { outcome: 'signed-in', personId: account.id, token };
}
