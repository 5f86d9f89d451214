import type { OrganisationKind } from '../organisations/organisations.tables.ts';

/** The roles of SPEC section 1. A membership holds one of them in one organisation. */
export const roles = [
  'platform_administrator',
  'programme_manager',
  'mentor',
  'ceo',
  'executive',
  'senior_leader',
  'middle_leader',
  'trustee',
  'chair',
  'member',
  'governance_professional',
  'school_leader',
] as const;

export type Role = (typeof roles)[number];

export const roleLabels: Record<Role, string> = {
  platform_administrator: 'Platform administrator',
  programme_manager: 'Programme manager',
  mentor: 'Mentor',
  ceo: 'Chief executive',
  executive: 'Executive',
  senior_leader: 'Senior leader',
  middle_leader: 'Middle leader',
  trustee: 'Trustee',
  chair: 'Chair of trustees',
  member: 'Member',
  governance_professional: 'Governance professional',
  school_leader: 'School leader',
};

/**
 * The roles people hold in each kind of organisation (SPEC section 1): provider staff in a
 * provider, leaders and the board in a trust, leaders in a school or a group of schools.
 * Forms offer only these, and services refuse any other.
 */
export const rolesByOrganisationKind: Record<OrganisationKind, readonly Role[]> = {
  provider: ['platform_administrator', 'programme_manager', 'mentor'],
  trust: [
    'ceo',
    'executive',
    'senior_leader',
    'middle_leader',
    'trustee',
    'chair',
    'member',
    'governance_professional',
  ],
  school: ['school_leader', 'senior_leader', 'middle_leader', 'governance_professional'],
  group: ['school_leader', 'governance_professional'],
};

/**
 * Who may bring people into an organisation besides platform administrators: a programme
 * manager into their provider and a chief executive into their trust, each with the roles
 * that organisation's people hold except platform administrator, which only administrators give.
 */
export const peopleManagerRoles: Partial<Record<OrganisationKind, Role>> = {
  provider: 'programme_manager',
  trust: 'ceo',
};

/** The roles the actor may give in an organisation of `kind`: platform administrator only by administrators. */
export function grantableRoles(kind: OrganisationKind, { byAdministrator }: { byAdministrator: boolean }): Role[] {
  return rolesByOrganisationKind[kind].filter((role) => byAdministrator || role !== 'platform_administrator');
}
