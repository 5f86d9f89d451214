import { and, eq, gt } from 'drizzle-orm';
import type { AppDb } from '../../platform/db/database.ts';
import { sessions } from './people.tables.ts';
import { unsentForms } from './unsent-forms.tables.ts';

export type UnsentFormRow = typeof unsentForms.$inferSelect;

/**
 * Whose session a token was, whether or not it is still live: an ended session's row stays until
 * its 12-hour lifetime has passed (or its owner signed out, which deletes it).
 */
export async function findSessionOwner(db: AppDb, tokenHash: string): Promise<string | null> {
  const [row] = await db
    .select({ personId: sessions.personId })
    .from(sessions)
    .where(eq(sessions.tokenHash, tokenHash));
  return row?.personId ?? null;
}

export async function insertUnsentForm(db: AppDb, values: typeof unsentForms.$inferInsert): Promise<void> {
  await db.insert(unsentForms).values(values);
}

export async function findUnsentForm(db: AppDb, tokenHash: string, now: Date): Promise<UnsentFormRow | null> {
  const [row] = await db
    .select()
    .from(unsentForms)
    .where(and(eq(unsentForms.tokenHash, tokenHash), gt(unsentForms.expiresAt, now)));
  return row ?? null;
}

export async function deleteUnsentForm(db: AppDb, id: string): Promise<void> {
  await db.delete(unsentForms).where(eq(unsentForms.id, id));
}
