import { createHash, randomBytes } from 'node:crypto';
import { recordAuditEvent, type AuditRequestContext } from '../../platform/audit/audit.ts';
import { SESSION_IDLE_MS, type Viewer } from '../../platform/auth/viewer.ts';
import type { AppDb } from '../../platform/db/database.ts';
import * as repository from './people.repository.ts';

/** A session ends 12 hours after sign-in whatever happens, and after 30 minutes without a request. */
export const SESSION_LIFETIME_MS = 12 * 60 * 60 * 1000;
export { SESSION_IDLE_MS } from '../../platform/auth/viewer.ts';

/** The database keeps only a hash of the token, so a copy of it cannot be used to sign in. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/** Every token Tandem issues (sessions, invitations, resets) is 32 random bytes in base64url: anything else is not ours. */
export function isTokenShaped(token: string): boolean {
  return TOKEN_SHAPE.test(token);
}

export async function resolveViewer({
  db,
  token,
  now = new Date(),
}: {
  db: AppDb;
  token: string;
  now?: Date;
}): Promise<Viewer | null> {
  // A token of the wrong shape cannot be ours: answer without a query.
  if (!TOKEN_SHAPE.test(token)) return null;
  const tokenHash = hashToken(token);
  const found = await repository.findPersonBySessionHash(db, tokenHash, {
    now,
    idleSince: new Date(now.getTime() - SESSION_IDLE_MS),
  });
  if (!found) return null;
  // At most one write a minute: a write (or even a round trip) per page view would be wasted work.
  const staleBefore = new Date(now.getTime() - SESSION_TOUCH_MS);
  if (found.lastSeenAt < staleBefore) await repository.touchSession(db, tokenHash, now, staleBefore);
  return found.person;
}

/** How long a session's last use may lag behind: the idle timeout is 30 minutes, so a minute is close enough. */
const SESSION_TOUCH_MS = 60_000;

/** Starts a session for a person and returns the token for the cookie: always a new one. */
export async function startSession({
  db,
  personId,
  ip,
  userAgent,
  now = new Date(),
}: {
  db: AppDb;
  personId: string;
  ip?: string;
  userAgent?: string;
  now?: Date;
}): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await repository.insertSession(db, {
    tokenHash: hashToken(token),
    personId,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + SESSION_LIFETIME_MS),
    ...(ip ? { ip } : {}),
    ...(userAgent ? { userAgent: userAgent.slice(0, 300) } : {}),
  });
  return token;
}

/** Ends one session; `actor` (the person signing out) is recorded, a replaced session is not. */
export async function endSession({
  db,
  token,
  actor,
  audit = {},
}: {
  db: AppDb;
  token: string;
  actor?: Viewer;
  audit?: AuditRequestContext;
}): Promise<void> {
  if (TOKEN_SHAPE.test(token)) await repository.deleteSession(db, hashToken(token));
  if (actor) {
    await recordAuditEvent(
      db,
      { action: 'sign_out', actorPersonId: actor.personId, subjectPersonId: actor.personId },
      audit,
    );
  }
}

/** Signs a person out on every device; returns how many sessions ended. */
export async function endAllSessions({
  db,
  actor,
  audit = {},
}: {
  db: AppDb;
  actor: Viewer;
  audit?: AuditRequestContext;
}): Promise<number> {
  const ended = await repository.deleteSessionsOfPerson(db, actor.personId);
  await recordAuditEvent(
    db,
    {
      action: 'sign_out',
      actorPersonId: actor.personId,
      subjectPersonId: actor.personId,
      details: { everywhere: true },
    },
    audit,
  );
  return ended;
}
