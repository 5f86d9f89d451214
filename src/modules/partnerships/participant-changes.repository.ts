import { and, eq } from 'drizzle-orm';
import type { AppDb } from '../../platform/db/database.ts';
import { partnershipParticipants } from './partnerships.tables.ts';

const participantOf = ({ partnershipId, personId }: { partnershipId: string; personId: string }) =>
  and(eq(partnershipParticipants.partnershipId, partnershipId), eq(partnershipParticipants.personId, personId));

/** Takes a person out of a partnership. */
export async function deleteParticipant(db: AppDb, who: { partnershipId: string; personId: string }): Promise<void> {
  await db.delete(partnershipParticipants).where(participantOf(who));
}

export async function updateParticipantLead(
  db: AppDb,
  { lead, ...who }: { partnershipId: string; personId: string; lead: boolean },
): Promise<void> {
  await db.update(partnershipParticipants).set({ lead }).where(participantOf(who));
}
