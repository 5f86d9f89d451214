import { sql, type SQL } from 'drizzle-orm';
import { definePermission } from '../../platform/access/access.ts';
import { organisations } from '../organisations/organisations.tables.ts';
import { memberships } from './people.tables.ts';
import { peopleManagerRoles } from './roles.ts';

/** SQL that is true when the actor is a platform administrator: their role is instance-wide. */
export function isPlatformAdministrator(actorPersonId: string): SQL {
  return sql`exists (select 1 from ${memberships} where ${memberships.personId} = ${actorPersonId} and ${memberships.role} = 'platform_administrator')`;
}

/** A programme manager of this provider, or a chief executive of this trust (see `peopleManagerRoles`). */
const managesPeopleHere = sql.join(
  Object.entries(peopleManagerRoles).map(
    ([kind, role]) => sql`(${organisations.kind} = ${kind} and ${memberships.role} = ${role})`,
  ),
  sql` or `,
);

/**
 * The organisations whose people the actor may list and invite people into: any, for a
 * platform administrator; their own provider or trust, for its programme manager or chief executive.
 */
export const managePeopleOf = definePermission(
  'organisation.people.manage',
  ({ actorPersonId, ids }) => sql`
    select ${organisations.id} as id from ${organisations}
    where ${organisations.id} in ${ids}
      and (${isPlatformAdministrator(actorPersonId)}
        or exists (
          select 1 from ${memberships}
          where ${memberships.personId} = ${actorPersonId}
            and ${memberships.organisationId} = ${organisations.id}
            and (${managesPeopleHere})))`,
);
