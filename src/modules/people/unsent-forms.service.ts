import { randomBytes, randomUUID } from 'node:crypto';
import type { Viewer } from '../../platform/auth/viewer.ts';
import type { NoteCipher } from '../../platform/crypto/note-cipher.ts';
import type { AppDb } from '../../platform/db/database.ts';
import { CSRF_FIELD } from '../../platform/views/form.tsx';
import { hashToken, isTokenShaped } from './people.service.ts';
import * as repository from './unsent-forms.repository.ts';

/**
 * A form sent after the session behind it had ended (30 minutes without a request: someone writing
 * a long note without script, which would have warned them) is not lost. It is kept, sealed, for an
 * hour; once its sender signs in again, a page offers to send it as it was.
 */
export const UNSENT_FORM_LIFETIME_MS = 60 * 60 * 1000;

/** A form's fields as the body parser gives them: a repeated name (checkboxes) is a list. */
export type FormFields = Record<string, string | string[]>;

/** The fields worth keeping: text only (never files), without the spent CSRF token. */
function keptFields(body: unknown): FormFields {
  if (typeof body !== 'object' || body === null) return {};
  const fields: FormFields = {};
  for (const [name, value] of Object.entries(body)) {
    if (name === CSRF_FIELD) continue;
    if (typeof value === 'string') fields[name] = value;
    else if (Array.isArray(value) && value.every((each) => typeof each === 'string')) fields[name] = value;
  }
  return fields;
}

const somethingTyped = (fields: FormFields) =>
  Object.values(fields).some((value) => (Array.isArray(value) ? value.length > 0 : value.trim() !== ''));

/**
 * Keeps what was sent to `path` with the ended session `sessionToken`, for its owner alone. Returns
 * the token for the browser, or null when there is nothing to keep: no session was ever behind it
 * (a forged or stale cookie), or nothing was typed (a sign-out button).
 */
export async function keepUnsentForm({
  db,
  cipher,
  sessionToken,
  path,
  body,
  now = new Date(),
}: {
  db: AppDb;
  cipher: NoteCipher;
  sessionToken: string | undefined;
  path: string;
  body: unknown;
  now?: Date;
}): Promise<string | null> {
  const fields = keptFields(body);
  if (!sessionToken || !isTokenShaped(sessionToken) || !somethingTyped(fields)) return null;
  const personId = await repository.findSessionOwner(db, hashToken(sessionToken));
  if (!personId) return null;
  const id = randomUUID();
  const token = randomBytes(32).toString('base64url');
  await repository.insertUnsentForm(db, {
    id,
    personId,
    tokenHash: hashToken(token),
    path,
    sealedFields: cipher.encrypt(JSON.stringify(fields), id),
    createdAt: now,
    expiresAt: new Date(now.getTime() + UNSENT_FORM_LIFETIME_MS),
  });
  return token;
}

export interface UnsentForm {
  id: string;
  path: string;
  fields: FormFields;
  expiresAt: Date;
}

/** The form kept under `token`, for the person who sent it; null for anyone else, or once it has expired. */
export async function findUnsentForm({
  db,
  cipher,
  token,
  viewer,
  now = new Date(),
}: {
  db: AppDb;
  cipher: NoteCipher;
  token: string | undefined;
  viewer: Viewer;
  now?: Date;
}): Promise<UnsentForm | null> {
  if (!token || !isTokenShaped(token)) return null;
  const row = await repository.findUnsentForm(db, hashToken(token), now);
  if (!row || row.personId !== viewer.personId) return null;
  const fields = keptFields(JSON.parse(cipher.decrypt(row.sealedFields, row.id)) as unknown);
  return { id: row.id, path: row.path, fields, expiresAt: row.expiresAt };
}

/** Throws the kept form away, for its sender. */
export async function discardUnsentForm(args: Parameters<typeof findUnsentForm>[0]): Promise<void> {
  const form = await findUnsentForm(args);
  if (form) await repository.deleteUnsentForm(args.db, form.id);
}
