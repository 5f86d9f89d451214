import type { FastifyInstance } from 'fastify';
import type { AppDb } from '../../platform/db/database.ts';
import { membershipRoutes } from './memberships.routes.tsx';
import { organisationPaths } from './organisations.paths.ts';
import { mayManageOrganisations } from './organisations.policy.ts';
import { organisationRoutes } from './organisations.routes.tsx';

export { organisationPaths } from './organisations.paths.ts';

/**
 * The administrators' organisation pages: find, add and change organisations, and manage
 * their people's roles and accounts (through the people module, which owns those rows).
 */
export async function organisationsModule(app: FastifyInstance, { db }: { db: AppDb }): Promise<void> {
  app.navigation.add({
    label: 'Organisations',
    href: organisationPaths.routes.list,
    order: 80,
    visibleTo: mayManageOrganisations,
  });
  await app.register(organisationRoutes, { db });
  await app.register(membershipRoutes, { db });
}
