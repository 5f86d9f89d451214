import { sql, type SQL } from 'drizzle-orm';
import { definePermission } from '../../platform/access/access.ts';
import { organisations } from '../organisations/organisations.tables.ts';
import { memberships } from '../people/people.tables.ts';
import { planShares } from './plan-sharing.tables.ts';
import { planActions, plans } from './plans.tables.ts';

/**
 * Who sees and changes a development plan (SPEC section 4, issue 5):
 *
 * | plan                | read by                          | changed by                                   |
 * |---------------------|----------------------------------|----------------------------------------------|
 * | a trust's plan      | every member of the trust        | its chief executive, executives and chair    |
 * | an individual plan  | the person it belongs to         | the same person                              |
 * | one action          | as its plan                      | as its plan, and the action's owner          |
 * | shared with a person| that person, while the share lasts | nobody new: they comment if the share says so |
 * | shared with a trust | its chief executive, executives and chair, likewise |                      |
 *
 * Comments on a plan's priorities are written by those who change the plan and those it is
 * shared with "to read and comment". Everyone else is told the plan does not exist (404).
 */

/** The trust roles that make and change the trust's plans: the same people who start its reviews. */
export const planLeaderRoles = ['ceo', 'executive', 'chair'] as const;

const roleList = (roles: readonly string[]) =>
  sql.join(
    roles.map((role) => sql`${role}`),
    sql`, `,
  );

/** The actor belongs to the plan's organisation, holding one of `roles` when given. */
function memberOfPlanOrganisation(actorPersonId: string, roles?: readonly string[]): SQL {
  return sql`exists (
    select 1 from ${memberships}
    where ${memberships.personId} = ${actorPersonId}
      and ${memberships.organisationId} = ${plans.organisationId}
      ${roles ? sql`and ${memberships.role} in (${roleList(roles)})` : sql``})`;
}

const ownsPlan = (actorPersonId: string): SQL => sql`${plans.ownerPersonId} = ${actorPersonId}`;

const anyOf = (conditions: SQL[]): SQL => sql`(${sql.join(conditions, sql` or `)})`;

/**
 * The plan is shared, and not revoked, with the actor or with a trust they lead; with `access`
 * given, only a share of that kind counts. A trust's leaders read for it: a partner trust's
 * other staff no more see another trust's plan than its own leaders' mail.
 */
function sharedWith(actorPersonId: string, access?: 'comment'): SQL {
  return sql`exists (
    select 1 from ${planShares}
    where ${planShares.planId} = ${plans.id} and ${planShares.revokedAt} is null
      ${access ? sql`and ${planShares.access} = ${access}` : sql``}
      and (${planShares.personId} = ${actorPersonId}
        or exists (
          select 1 from ${memberships}
          where ${memberships.personId} = ${actorPersonId}
            and ${memberships.organisationId} = ${planShares.organisationId}
            and ${memberships.role} in (${roleList(planLeaderRoles)}))))`;
}

/** Each way a person comes to read a plan. */
function readerConditions(actorPersonId: string): SQL[] {
  return [ownsPlan(actorPersonId), memberOfPlanOrganisation(actorPersonId), sharedWith(actorPersonId)];
}

function editorConditions(actorPersonId: string): SQL[] {
  return [ownsPlan(actorPersonId), memberOfPlanOrganisation(actorPersonId, planLeaderRoles)];
}

function plansWhere(ids: SQL, condition: SQL): SQL {
  return sql`select ${plans.id} as id from ${plans} where ${plans.id} in ${ids} and ${condition}`;
}

/** Read the plan: its priorities, actions, progress (with evidence files) and milestones. */
export const seePlan = definePermission('plan.see', ({ actorPersonId, ids }) =>
  plansWhere(ids, anyOf(readerConditions(actorPersonId))),
);

/** Comment on the plan's priorities: its editors, and those it is shared with to comment. */
export const commentOnPlan = definePermission('plan.comment', ({ actorPersonId, ids }) =>
  plansWhere(ids, anyOf([...editorConditions(actorPersonId), sharedWith(actorPersonId, 'comment')])),
);

/** Change the plan: its details, priorities, actions and milestones; share it, and close it. */
export const editPlan = definePermission('plan.edit', ({ actorPersonId, ids }) =>
  plansWhere(ids, anyOf(editorConditions(actorPersonId))),
);

/**
 * Change one action and post its progress: the plan's editors, and the person who owns the
 * action for as long as they can read its plan (a senior leader keeps their own action up to date).
 */
export const updateAction = definePermission(
  'plan.action.update',
  ({ actorPersonId, ids }) => sql`
    select ${planActions.id} as id from ${planActions}
    inner join ${plans} on ${plans.id} = ${planActions.planId}
    where ${planActions.id} in ${ids}
      and (${anyOf(editorConditions(actorPersonId))}
        or (${planActions.ownerPersonId} = ${actorPersonId} and ${anyOf(readerConditions(actorPersonId))}))`,
);

/** The organisations the actor may make plans for: trusts they lead. */
export const makePlansFor = definePermission(
  'plan.make',
  ({ actorPersonId, ids }) => sql`
    select ${organisations.id} as id from ${organisations}
    where ${organisations.id} in ${ids} and ${organisations.kind} = 'trust'
      and exists (
        select 1 from ${memberships}
        where ${memberships.personId} = ${actorPersonId}
          and ${memberships.organisationId} = ${organisations.id}
          and ${memberships.role} in (${roleList(planLeaderRoles)}))`,
);
