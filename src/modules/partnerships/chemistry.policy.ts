import { sql } from 'drizzle-orm';
import { definePermission } from '../../platform/access/access.ts';
import { chemistryConversations } from './matching.tables.ts';
import { participates, staffOf } from './partnerships.policy.ts';
import { partnerships } from './partnerships.tables.ts';

/**
 * Chemistry conversations (issue 6 item 4). A possible mentor is no participant: they reach their
 * own conversation's time and place and nothing else of the partnership. The outcome note is the
 * mentee side's alone (actAsMentee in partnerships.policy.ts).
 */

/** Schedule a conversation: the mentee side, or the provider's staff. */
export const scheduleChemistry = definePermission(
  'partnership.chemistry.schedule',
  ({ actorPersonId, ids }) => sql`
    select ${partnerships.id} as id from ${partnerships}
    where ${partnerships.id} in ${ids}
      and (${participates(actorPersonId, ['mentee', 'peer'])} or ${staffOf(actorPersonId, partnerships.providerOrganisationId)})`,
);

/** See one conversation (its time and place): its mentor, the mentee side and the provider's staff. */
export const seeChemistryConversation = definePermission(
  'partnership.chemistry.see',
  ({ actorPersonId, ids }) => sql`
    select ${chemistryConversations.id} as id from ${chemistryConversations}
    inner join ${partnerships} on ${partnerships.id} = ${chemistryConversations.partnershipId}
    where ${chemistryConversations.id} in ${ids}
      and (${chemistryConversations.mentorPersonId} = ${actorPersonId}
        or ${participates(actorPersonId, ['mentee', 'peer'])}
        or ${staffOf(actorPersonId, partnerships.providerOrganisationId)})`,
);
