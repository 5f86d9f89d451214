import { and, eq, sql } from 'drizzle-orm';
import type { AppDb } from '../../platform/db/database.ts';
import { partnershipEstablishing } from './meetings.tables.ts';

export type EstablishingRow = typeof partnershipEstablishing.$inferSelect;

export interface EstablishingText {
  leadershipStory: string;
  currentNeeds: string;
  futureNeeds: string;
  objectives: string;
}

/** The establishing record, or none before its first save. */
export async function findEstablishing(db: AppDb, partnershipId: string): Promise<EstablishingRow | null> {
  const [row] = await db
    .select()
    .from(partnershipEstablishing)
    .where(eq(partnershipEstablishing.partnershipId, partnershipId));
  return row ?? null;
}

/** The first save; false when someone else's first save came first. */
export async function insertEstablishing(
  db: AppDb,
  { partnershipId, values }: { partnershipId: string; values: EstablishingText },
): Promise<boolean> {
  const rows = await db
    .insert(partnershipEstablishing)
    .values({ partnershipId, ...values })
    .onConflictDoNothing({ target: partnershipEstablishing.partnershipId })
    .returning({ id: partnershipEstablishing.partnershipId });
  return rows.length > 0;
}

/** A later save over `version`; false when someone saved in between. */
export async function updateEstablishing(
  db: AppDb,
  { partnershipId, version, values }: { partnershipId: string; version: number; values: EstablishingText },
): Promise<boolean> {
  const rows = await db
    .update(partnershipEstablishing)
    .set({ ...values, updatedAt: new Date(), version: sql`${partnershipEstablishing.version} + 1` })
    .where(and(eq(partnershipEstablishing.partnershipId, partnershipId), eq(partnershipEstablishing.version, version)))
    .returning({ id: partnershipEstablishing.partnershipId });
  return rows.length > 0;
}
