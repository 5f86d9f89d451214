import { authPaths } from '../../platform/auth/viewer.ts';

/** Every URL of the people module, built in one place. */
export const paths = {
  ...authPaths,
  signOutEverywhere: '/account/sign-out-everywhere',
  verifySecondFactor: '/sign-in/verify',
  setUpSecondFactor: '/account/two-factor/set-up',
  recoveryCodes: '/account/two-factor/recovery-codes',
  unsentForm: '/account/unsent-form',
} as const;

/** The pages where an organisation's people are seen and invited (route patterns, then builders). */
export const organisationPeoplePaths = {
  routes: {
    people: '/organisations/:id/people',
    invite: '/organisations/:id/invitations/new',
  },
  people: (id: string, { page = 1, invited = false }: { page?: number; invited?: boolean } = {}): string => {
    const search = new URLSearchParams();
    if (page > 1) search.set('page', String(page));
    if (invited) search.set('done', 'invited');
    const text = search.toString();
    return text ? `/organisations/${id}/people?${text}` : `/organisations/${id}/people`;
  },
  invite: (id: string): string => `/organisations/${id}/invitations/new`,
} as const;

/**
 * Where to go after signing in: only a path on this site. Anything else ("//evil.example",
 * "https://…", "/\\evil") would make the sign-in page an open redirect.
 */
export function safeReturnTo(value: unknown): string {
  if (typeof value !== 'string' || value.length > 500) return '/';
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  return value;
}
