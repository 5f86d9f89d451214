import { hasRole, type Viewer } from '../../platform/auth/viewer.ts';

/** The whole audit log is for platform administrators; everyone else sees only their own account's activity. */
export const AUDIT_LOG_ROLE = 'platform_administrator';

export function mayReadAuditLog(viewer: Viewer | null): boolean {
  return hasRole(viewer, AUDIT_LOG_ROLE);
}
