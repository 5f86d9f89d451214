import type { FastifyInstance } from 'fastify';
import type { AppDb } from '../../platform/db/database.ts';
import { activityPaths } from './activity.paths.ts';
import { mayReadAuditLog } from './activity.policy.ts';
import { activityRoutes } from './activity.routes.ts';

export { activityPaths } from './activity.paths.ts';

/**
 * The audit log as people see it: "Account activity" for each person (the events about
 * their own account) and the whole, filterable log for platform administrators. Events are
 * recorded through platform/audit by whichever module makes the change.
 */
export async function activityModule(app: FastifyInstance, { db }: { db: AppDb }): Promise<void> {
  app.navigation.add({ label: 'Audit log', href: activityPaths.auditLog(), order: 900, visibleTo: mayReadAuditLog });
  await app.register(activityRoutes, { db });
}
