import { and, asc, eq, ne, sql } from 'drizzle-orm';
import type { AppDb } from '../../platform/db/database.ts';
import { people } from '../people/people.tables.ts';
import { chemistryConversations, type ChemistryStatus } from './matching.tables.ts';

export type ConversationRow = Omit<typeof chemistryConversations.$inferSelect, 'creationKey'> & { mentorName: string };

const columns = {
  id: chemistryConversations.id,
  partnershipId: chemistryConversations.partnershipId,
  mentorPersonId: chemistryConversations.mentorPersonId,
  startsAt: chemistryConversations.startsAt,
  durationMinutes: chemistryConversations.durationMinutes,
  place: chemistryConversations.place,
  status: chemistryConversations.status,
  outcomeNoteCiphertext: chemistryConversations.outcomeNoteCiphertext,
  chosen: chemistryConversations.chosen,
  version: chemistryConversations.version,
  createdAt: chemistryConversations.createdAt,
  updatedAt: chemistryConversations.updatedAt,
  mentorName: people.displayName,
};

function select(db: AppDb) {
  return db
    .select(columns)
    .from(chemistryConversations)
    .innerJoin(people, eq(people.id, chemistryConversations.mentorPersonId));
}

/** The partnership's conversations, soonest first. */
export async function listConversations(db: AppDb, partnershipId: string): Promise<ConversationRow[]> {
  return select(db)
    .where(eq(chemistryConversations.partnershipId, partnershipId))
    .orderBy(asc(chemistryConversations.startsAt), asc(chemistryConversations.id));
}

export async function findConversation(
  db: AppDb,
  { partnershipId, conversationId }: { partnershipId: string; conversationId: string },
  { forUpdate = false } = {},
): Promise<ConversationRow | null> {
  const query = select(db).where(
    and(eq(chemistryConversations.partnershipId, partnershipId), eq(chemistryConversations.id, conversationId)),
  );
  const [row] = forUpdate ? await query.for('update', { of: chemistryConversations }) : await query;
  return row ?? null;
}

/**
 * Inserts a conversation, or finds the one its creation key already made (a second press).
 * A second live conversation with the same mentor breaks the unique index: the caller says so.
 */
export async function insertConversation(
  db: AppDb,
  values: Omit<typeof chemistryConversations.$inferInsert, 'id'> & { id: string },
): Promise<string> {
  const [inserted] = await db
    .insert(chemistryConversations)
    .values(values)
    .onConflictDoNothing({ target: chemistryConversations.creationKey })
    .returning({ id: chemistryConversations.id });
  if (inserted) return inserted.id;
  const [existing] = await db
    .select({ id: chemistryConversations.id })
    .from(chemistryConversations)
    .where(eq(chemistryConversations.creationKey, values.creationKey));
  if (!existing) throw new Error('conversation neither inserted nor found');
  return existing.id;
}

export async function updateConversation(
  db: AppDb,
  id: string,
  values: Partial<{ status: ChemistryStatus; outcomeNoteCiphertext: string | null; chosen: boolean }>,
): Promise<void> {
  await db
    .update(chemistryConversations)
    .set({ ...values, updatedAt: new Date(), version: sql`${chemistryConversations.version} + 1` })
    .where(eq(chemistryConversations.id, id));
}

/** Un-chooses every conversation of the partnership but `keepId`. */
export async function clearChosen(db: AppDb, partnershipId: string, keepId: string): Promise<void> {
  await db
    .update(chemistryConversations)
    .set({ chosen: false, updatedAt: new Date(), version: sql`${chemistryConversations.version} + 1` })
    .where(
      and(
        eq(chemistryConversations.partnershipId, partnershipId),
        eq(chemistryConversations.chosen, true),
        ne(chemistryConversations.id, keepId),
      ),
    );
}
