import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { definePermission } from '../../platform/access/access.ts';
import { organisations } from '../organisations/organisations.tables.ts';
import { memberships } from '../people/people.tables.ts';
import { mentorProfiles } from './matching.tables.ts';
import {
  mentoringServices,
  partnershipParticipants,
  partnerships,
  type PartnershipSide,
} from './partnerships.tables.ts';

/**
 * Who sees what of a partnership (SPEC section 2, issue 6 item 12). Participation alone opens its
 * content; the provider runs it without reading it.
 *
 * | who                                        | sees and does                                                   |
 * |--------------------------------------------|-----------------------------------------------------------------|
 * | a participant (mentor, mentee or peer side) | everything in it: notes, goals, documents, chemistry, agreement |
 * | the mentee side                            | also: chemistry outcome notes, choosing the mentor, the read log |
 * | the provider's programme managers          | parties, state, dates, time used; matching and confirming it    |
 * | anyone else (the mentee trust's board too) | nothing: every partnership URL is not found (404)               |
 *
 * Administrators are provider staff only of a provider they belong to: being an administrator
 * opens no partnership.
 */

/** Provider staff who run mentoring services: set them up, triage enquiries, match, confirm. */
export const providerStaffRoles = ['programme_manager', 'platform_administrator'] as const;

const roleList = (roles: readonly string[]) =>
  sql.join(
    roles.map((role) => sql`${role}`),
    sql`, `,
  );

/** The actor takes part in the partnership, on one of `sides` when given. */
export function participates(actorPersonId: string, sides?: readonly PartnershipSide[]): SQL {
  return sql`exists (
    select 1 from ${partnershipParticipants}
    where ${partnershipParticipants.partnershipId} = ${partnerships.id}
      and ${partnershipParticipants.personId} = ${actorPersonId}
      ${sides ? sql`and ${partnershipParticipants.side} in (${roleList(sides)})` : sql``})`;
}

/** The actor is staff of the given provider organisation (a column or value). */
export function staffOf(actorPersonId: string, providerOrganisationId: SQLWrapper): SQL {
  return sql`exists (
    select 1 from ${memberships}
    where ${memberships.personId} = ${actorPersonId}
      and ${memberships.organisationId} = ${providerOrganisationId}
      and ${memberships.role} in (${roleList(providerStaffRoles)}))`;
}

function partnershipsWhere(ids: SQL, condition: SQL): SQL {
  return sql`select ${partnerships.id} as id from ${partnerships} where ${partnerships.id} in ${ids} and (${condition})`;
}

/** Read and add to the partnership's content: its participants only. */
export const seePartnershipContent = definePermission('partnership.content', ({ actorPersonId, ids }) =>
  partnershipsWhere(ids, participates(actorPersonId)),
);

/** The mentee side's own things: chemistry outcome notes, choosing a mentor, the read log. */
export const actAsMentee = definePermission('partnership.mentee', ({ actorPersonId, ids }) =>
  partnershipsWhere(ids, participates(actorPersonId, ['mentee', 'peer'])),
);

/** The mentor side's own things: the reading and visits days are theirs to record. */
export const actAsMentor = definePermission('partnership.mentor', ({ actorPersonId, ids }) =>
  partnershipsWhere(ids, participates(actorPersonId, ['mentor', 'peer'])),
);

/** That it exists: parties, state, dates, time used. Participants and the provider's staff. */
export const seePartnershipSummary = definePermission('partnership.summary', ({ actorPersonId, ids }) =>
  partnershipsWhere(
    ids,
    sql`${participates(actorPersonId)} or ${staffOf(actorPersonId, partnerships.providerOrganisationId)}`,
  ),
);

/** Run it: match, schedule chemistry conversations, confirm the match, issue the agreement. The provider's staff. */
export const managePartnership = definePermission('partnership.manage', ({ actorPersonId, ids }) =>
  partnershipsWhere(ids, staffOf(actorPersonId, partnerships.providerOrganisationId)),
);

/** The providers whose services, enquiries, mentors and dashboard the actor runs. */
export const runProvider = definePermission(
  'provider.run',
  ({ actorPersonId, ids }) => sql`
    select ${organisations.id} as id from ${organisations}
    where ${organisations.id} in ${ids} and ${organisations.kind} = 'provider'
      and ${staffOf(actorPersonId, organisations.id)}`,
);

/** Change a service: its provider's staff. */
export const manageService = definePermission(
  'service.manage',
  ({ actorPersonId, ids }) => sql`
    select ${mentoringServices.id} as id from ${mentoringServices}
    where ${mentoringServices.id} in ${ids}
      and ${staffOf(actorPersonId, mentoringServices.providerOrganisationId)}`,
);

/** Check a mentor profile (and read it whole): its provider's staff. The mentor keeps their own. */
export const checkMentorProfile = definePermission(
  'mentor-profile.check',
  ({ actorPersonId, ids }) => sql`
    select ${mentorProfiles.id} as id from ${mentorProfiles}
    where ${mentorProfiles.id} in ${ids}
      and ${staffOf(actorPersonId, mentorProfiles.providerOrganisationId)}`,
);

/** Keep a mentor profile: the mentor it describes. */
export const keepMentorProfile = definePermission(
  'mentor-profile.keep',
  ({ actorPersonId, ids }) => sql`
    select ${mentorProfiles.id} as id from ${mentorProfiles}
    where ${mentorProfiles.id} in ${ids} and ${mentorProfiles.personId} = ${actorPersonId}`,
);
