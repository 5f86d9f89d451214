import { organisationPeoplePaths } from '../people/index.ts';
import type { OrganisationKind } from './organisations.tables.ts';

/** What the organisation page says after a change: one of these, never text from the address bar. */
export const doneMessages = {
  created: 'Organisation added',
  saved: 'Changes saved',
  'role-changed': 'Role changed',
  removed: 'Removed from this organisation',
  deactivated: 'Account deactivated',
  reactivated: 'Account reactivated',
  invited: 'Invitation sent',
} as const;
export type Done = keyof typeof doneMessages;

export interface ListQuery {
  q?: string;
  kind?: OrganisationKind | '';
  trust?: string;
  page?: number;
}

/** Every URL of the administrators' organisation pages, built in one place. */
export const organisationPaths = {
  /** Route patterns, as Fastify declares them. */
  routes: {
    list: '/admin/organisations',
    new: '/admin/organisations/new',
    organisation: '/admin/organisations/:id',
    edit: '/admin/organisations/:id/edit',
    role: '/admin/organisations/:id/memberships/:membershipId/role',
    remove: '/admin/organisations/:id/memberships/:membershipId/remove',
    deactivate: '/admin/organisations/:id/people/:personId/deactivate',
    reactivate: '/admin/organisations/:id/people/:personId/reactivate',
  },
  /** The list, keeping the search and filters for page links. */
  list: ({ q = '', kind = '', trust = '', page = 1 }: ListQuery = {}): string => {
    const search = new URLSearchParams();
    if (q) search.set('q', q);
    if (kind) search.set('kind', kind);
    if (trust) search.set('trust', trust);
    if (page > 1) search.set('page', String(page));
    const text = search.toString();
    return text ? `/admin/organisations?${text}` : '/admin/organisations';
  },
  /** The kind question, or with a kind, the details page for that kind. */
  new: (kind?: OrganisationKind): string =>
    kind ? `/admin/organisations/new?kind=${kind}` : '/admin/organisations/new',
  /** The organisation's page, with a message after a change, or at a later page of its people. */
  organisation: (id: string, done?: Done, peoplePage = 1): string => {
    const search = new URLSearchParams();
    if (done) search.set('done', done);
    if (peoplePage > 1) search.set('page', String(peoplePage));
    const text = search.toString();
    return text ? `/admin/organisations/${id}?${text}` : `/admin/organisations/${id}`;
  },
  edit: (id: string): string => `/admin/organisations/${id}/edit`,
  role: (id: string, membershipId: string): string => `/admin/organisations/${id}/memberships/${membershipId}/role`,
  remove: (id: string, membershipId: string): string => `/admin/organisations/${id}/memberships/${membershipId}/remove`,
  deactivate: (id: string, personId: string): string => `/admin/organisations/${id}/people/${personId}/deactivate`,
  reactivate: (id: string, personId: string): string => `/admin/organisations/${id}/people/${personId}/reactivate`,
  /** The invitation form belongs to the people module; linked from here. */
  invite: organisationPeoplePaths.invite,
} as const;
