import { createHash, randomBytes } from 'node:crypto';
import type { Viewer } from '../../platform/auth/viewer.ts';
import type { AppDb } from '../../platform/db/database.ts';
import * as repository from './people.repository.ts';

/** Absolute lifetime of a session; the idle timeout and sign-in itself come with accounts. */
export const SESSION_LIFETIME_MS = 12 * 60 * 60 * 1000;

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
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
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  return repository.findPersonBySessionHash(db, hashToken(token), now);
}

/** Starts a session for a person and returns the token for the cookie. */
export async function startSession({
  db,
  personId,
  now = new Date(),
}: {
  db: AppDb;
  personId: string;
  now?: Date;
}): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await repository.insertSession(db, {
    tokenHash: hashToken(token),
    personId,
    expiresAt: new Date(now.getTime() + SESSION_LIFETIME_MS),
  });
  return token;
}
