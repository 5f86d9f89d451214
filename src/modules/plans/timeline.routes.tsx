import type { FastifyInstance } from 'fastify';
import { requireSignedIn } from '../../platform/access/guards.ts';
import { auditContext } from '../../platform/audit/audit.ts';
import type { AppDb } from '../../platform/db/database.ts';
import { planPaths } from './plans.paths.ts';
import { paramId } from './plans.request.ts';
import { getPlanTimeline } from './timeline.service.ts';
import { TimelinePage } from './views/timeline-page.tsx';

/** A plan's actions and milestones by the month they are due: read by anyone who reads the plan. */
export async function timelineRoutes(app: FastifyInstance, { db }: { db: AppDb }): Promise<void> {
  app.get(planPaths.routes.timeline, { preHandler: requireSignedIn }, async function planTimelineGet(request, reply) {
    const timeline = await getPlanTimeline({
      db,
      actor: request.viewer,
      planId: paramId(request, 'id'),
      audit: auditContext(request),
    });
    return reply.renderPage({
      title: `Actions by month: ${timeline.plan.title}`,
      content: <TimelinePage timeline={timeline} />,
    });
  });
}
