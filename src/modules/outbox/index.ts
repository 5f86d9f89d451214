import type { FastifyInstance } from 'fastify';
import { hasRole } from '../../platform/auth/viewer.ts';
import { paths } from './outbox.paths.ts';
import { outboxRoutes, type OutboxRoutesOptions } from './outbox.routes.tsx';

/** The outbox pages: every email Tandem sent or kept, for platform administrators. */
export async function outboxModule(app: FastifyInstance, options: OutboxRoutesOptions): Promise<void> {
  app.navigation.add({
    label: 'Outbox',
    href: paths.list,
    order: 90,
    visibleTo: (viewer) => hasRole(viewer, 'platform_administrator'),
  });
  await app.register(outboxRoutes, options);
}
