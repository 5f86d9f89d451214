import type { FastifyInstance } from 'fastify';
import { requireSignedIn } from '../../platform/access/guards.ts';
import { auditContext } from '../../platform/audit/audit.ts';
import type { PartnershipsOptions } from './index.ts';
import { param } from './meetings.routes.tsx';
import { partnershipPaths } from './partnerships.paths.ts';
import { getBudgetPage } from './time-entries.service.ts';
import { BudgetPage } from './views/budget-page.tsx';

/** The time budget: planned, used and remaining, for the partnership's participants (each look audited). */
export async function budgetRoutes(app: FastifyInstance, { db }: PartnershipsOptions): Promise<void> {
  app.get(partnershipPaths.routes.budget, { preHandler: requireSignedIn }, async function budgetGet(request, reply) {
    const page = await getBudgetPage({
      db,
      actor: request.viewer,
      partnershipId: param(request, 'id'),
      audit: auditContext(request),
    });
    return reply.renderPage({ title: 'Time budget', content: <BudgetPage page={page} /> });
  });
}
