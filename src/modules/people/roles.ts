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
