import type { AppDb } from '../../platform/db/database.ts';
import type { ViewerResolver } from '../../platform/auth/viewer.ts';
import { resolveViewer } from './people.service.ts';

export { startSession } from './people.service.ts';
export { roles, roleLabels, type Role } from './roles.ts';

export function viewerResolver(db: AppDb): ViewerResolver {
  return (token) => resolveViewer({ db, token });
}
