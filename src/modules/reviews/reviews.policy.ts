import { sql, type SQL } from 'drizzle-orm';
import { definePermission } from '../../platform/access/access.ts';
import { organisations } from '../organisations/organisations.tables.ts';
import { memberships } from '../people/people.tables.ts';
import { reviewGroups, reviewParticipants, reviews } from './reviews.tables.ts';

/**
 * Who sees what of a review. Participation alone decides (SPEC section 3 and issue 4, item 8):
 * being the reviewed trust's chief executive or a platform administrator grants nothing.
 *
 * | who                                   | sees                                                  |
 * |---------------------------------------|-------------------------------------------------------|
 * | a lead                                | everything; agrees ratings, manages people, closes   |
 * | a participant in one of the trust's groups | results (heat map, comparison, history, exports) |
 * | a participant in the partner group    | the peer challenge page and their own ratings         |
 * | provider staff                        | that the review exists, and its state                 |
 */

/** The trust roles that may start a review of their own trust, and become its first lead. */
export const reviewStarterRoles = ['ceo', 'executive', 'chair'] as const;

/** Programme managers and administrators oversee the service: a review's existence and state, never its content. */
export const providerStaffRoles = ['programme_manager', 'platform_administrator'] as const;

function participates(actorPersonId: string, condition: SQL = sql`true`): SQL {
  return sql`exists (
    select 1 from ${reviewParticipants}
    left join ${reviewGroups} on ${reviewGroups.id} = ${reviewParticipants.groupId}
    where ${reviewParticipants.reviewId} = ${reviews.id}
      and ${reviewParticipants.personId} = ${actorPersonId}
      and (${condition}))`;
}

const isLead = sql`${reviewParticipants.lead}`;
const inTrustGroup = sql`${reviewGroups.id} is not null and not ${reviewGroups.partner}`;

function reviewsWhere(ids: SQL, condition: SQL): SQL {
  return sql`select ${reviews.id} as id from ${reviews} where ${reviews.id} in ${ids} and (${condition})`;
}

/** Anyone taking part, in any way: reads the review's page and their own ratings. */
export const takePartIn = definePermission('review.take-part', ({ actorPersonId, ids }) =>
  reviewsWhere(ids, participates(actorPersonId)),
);

/** Leads and the trust's own raters: the heat map, group comparison, history and exports. */
export const seeResultsOf = definePermission('review.results.see', ({ actorPersonId, ids }) =>
  reviewsWhere(ids, participates(actorPersonId, sql`${isLead} or (${inTrustGroup})`)),
);

/** Leads: agree ratings, add and remove people, edit groups, close. */
export const lead = definePermission('review.lead', ({ actorPersonId, ids }) =>
  reviewsWhere(ids, participates(actorPersonId, isLead)),
);

/** Participants and provider staff: that the review exists, what it reviews and its state. */
export const seeStateOf = definePermission('review.state.see', ({ actorPersonId, ids }) =>
  reviewsWhere(
    ids,
    sql`${participates(actorPersonId)} or exists (
      select 1 from ${memberships}
      where ${memberships.personId} = ${actorPersonId}
        and ${memberships.role} in (${sql.join(
          providerStaffRoles.map((role) => sql`${role}`),
          sql`, `,
        )}))`,
  ),
);

/** The organisations (trusts) whose reviews the actor may start. */
export const startReviewOf = definePermission(
  'review.start',
  ({ actorPersonId, ids }) => sql`
    select ${organisations.id} as id from ${organisations}
    where ${organisations.id} in ${ids} and ${organisations.kind} = 'trust'
      and exists (
        select 1 from ${memberships}
        where ${memberships.personId} = ${actorPersonId}
          and ${memberships.organisationId} = ${organisations.id}
          and ${memberships.role} in (${sql.join(
            reviewStarterRoles.map((role) => sql`${role}`),
            sql`, `,
          )}))`,
);
