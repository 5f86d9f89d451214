import type { FastifyInstance } from 'fastify';
import type { ViewerResolver } from '../../platform/auth/viewer.ts';
import type { AppDb } from '../../platform/db/database.ts';
import { accountRoutes } from './account.routes.tsx';
import { resolveViewer } from './people.service.ts';
import { signInRoutes } from './sign-in.routes.tsx';

export { startSession } from './people.service.ts';
export { hashPassword } from './passwords.ts';
export { roles, roleLabels, type Role } from './roles.ts';

export function viewerResolver(db: AppDb): ViewerResolver {
  return (token) => resolveViewer({ db, token });
}

/** Sign-in, sign-out and the account page. */
export async function peopleModule(app: FastifyInstance, options: { db: AppDb; production: boolean }): Promise<void> {
  await app.register(signInRoutes, options);
  await app.register(accountRoutes, options);
}
