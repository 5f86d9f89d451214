import { randomBytes } from 'node:crypto';
import { recordAuditEvent, type AuditRequestContext } from '../../platform/audit/audit.ts';
import type { AppDb } from '../../platform/db/database.ts';
import { consumeRateLimit } from '../../platform/http/rate-limit.ts';
import type { Mailer } from '../../platform/mail/mailer.ts';
import * as repository from './invitations.repository.ts';
import { hashPassword, passwordProblem } from './passwords.ts';
import { hashToken, isTokenShaped } from './people.service.ts';

export const RESET_LIFETIME_MS = 60 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;

/**
 * Emails a reset link when the address has an active account. The caller shows the same
 * page either way, and the limits (per address and per network) stop it being used to
 * flood someone's inbox.
 */
export async function requestPasswordReset({
  db,
  email,
  ip,
  mailer,
  publicUrl,
  now = new Date(),
}: {
  db: AppDb;
  email: string;
  ip: string;
  mailer: Mailer;
  publicUrl: string;
  now?: Date;
}): Promise<void> {
  const perIp = await consumeRateLimit(db, { key: `reset:ip:${ip}`, limit: 10, windowMs: HOUR_MS, now });
  const perEmail = await consumeRateLimit(db, {
    key: `reset:email:${email.toLowerCase()}`,
    limit: 3,
    windowMs: HOUR_MS,
    now,
  });
  if (!perIp.allowed || !perEmail.allowed) return;
  const person = await repository.findActivePersonByEmail(db, email);
  if (!person) return;
  const token = randomBytes(32).toString('base64url');
  await repository.insertPasswordReset(db, {
    personId: person.id,
    tokenHash: hashToken(token),
    expiresAt: new Date(now.getTime() + RESET_LIFETIME_MS),
    createdAt: now,
  });
  await mailer.send({
    to: person.email,
    subject: 'Reset your Tandem password',
    text: [
      'Someone asked to reset the password of your Tandem account.',
      '',
      'Choose a new password here (the link works once, for 1 hour):',
      `${publicUrl}/password-reset/${token}`,
      '',
      'If it was not you, ignore this email: your password stays as it is.',
    ].join('\n'),
  });
}

export async function isPasswordResetOpen({ db, token, now = new Date() }: { db: AppDb; token: string; now?: Date }) {
  return isTokenShaped(token) && (await repository.findOpenPasswordReset(db, hashToken(token), now)) !== null;
}

export type ResetResult =
  { outcome: 'changed' } | { outcome: 'password-problem'; message: string } | { outcome: 'gone' };

/** Sets the new password once per link, and signs the person out everywhere: whoever knew the old one is out. */
export async function completePasswordReset({
  db,
  token,
  password,
  audit = {},
  now = new Date(),
}: {
  db: AppDb;
  token: string;
  password: string;
  audit?: AuditRequestContext;
  now?: Date;
}): Promise<ResetResult> {
  if (!isTokenShaped(token)) return { outcome: 'gone' };
  return db.transaction(async (tx) => {
    const reset = await repository.findOpenPasswordReset(tx, hashToken(token), now, { forUpdate: true });
    if (!reset) return { outcome: 'gone' as const };
    const problem = passwordProblem(password, { email: reset.email });
    if (problem) return { outcome: 'password-problem' as const, message: problem };
    await repository.setPassword(tx, reset.personId, { passwordHash: await hashPassword(password), now });
    await repository.markPasswordResetUsed(tx, reset.id, now);
    await repository.deleteSessionsOf(tx, reset.personId);
    await recordAuditEvent(
      tx,
      {
        action: 'password.changed',
        actorPersonId: reset.personId,
        subjectPersonId: reset.personId,
        details: { via: 'reset' },
      },
      audit,
    );
    return { outcome: 'changed' as const };
  });
}
