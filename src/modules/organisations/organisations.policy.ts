import { hasRole, type Viewer } from '../../platform/auth/viewer.ts';

/** Creating and changing organisations, and their people's roles and accounts, is for platform administrators. */
export const ORGANISATIONS_ROLE = 'platform_administrator';

export function mayManageOrganisations(viewer: Viewer | null): boolean {
  return hasRole(viewer, ORGANISATIONS_ROLE);
}
