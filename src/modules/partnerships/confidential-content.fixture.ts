import type { AppDb } from '../../platform/db/database.ts';
import { partnershipEstablishing, partnershipGoals } from './meetings.tables.ts';

/**
 * Content only a partnership's participants may read, for tests that a page shows none of it:
 * each page asserting it is absent looks for these same words.
 */
export const SECRET_GOAL = 'Rebuild trust with the board after the merger';
export const SECRET_STORY = 'I nearly left headship in my second year';

/** Matches either secret, wherever a page might let one slip. */
export const anySecret = new RegExp(`${SECRET_GOAL}|${SECRET_STORY}`);

/** Gives the partnership a leadership story and a goal: content, as SPEC section 2 means it. */
export async function addConfidentialContent(db: AppDb, partnershipId: string): Promise<void> {
  await db.insert(partnershipEstablishing).values({ partnershipId, leadershipStory: SECRET_STORY });
  await db.insert(partnershipGoals).values({
    partnershipId,
    title: SECRET_GOAL,
    measureOfSuccess: 'Board survey',
    position: 0,
    creationKey: `goal-${partnershipId}`,
  });
}
