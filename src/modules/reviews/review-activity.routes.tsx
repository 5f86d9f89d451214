import type { FastifyInstance } from 'fastify';
import { requireSignedIn } from '../../platform/access/guards.ts';
import type { AppDb } from '../../platform/db/database.ts';
import { pageQuerySchema } from '../../platform/forms/fields.ts';
import { parseId } from '../../platform/http/app-error.ts';
import { reviewActivityPaths } from './review-activity.paths.ts';
import { listReviewActivity } from './review-activity.service.ts';
import { REVIEW_ACTIVITY_TITLE, ReviewActivityPageView } from './views/review-activity-page.tsx';

/** "Who has read your reviews": the trust's leaders' view of the audit log of its reviews' reads. */
export async function reviewActivityRoutes(app: FastifyInstance, { db }: { db: AppDb }): Promise<void> {
  app.get(
    reviewActivityPaths.routes.activity,
    { preHandler: requireSignedIn },
    async function reviewActivityGet(request, reply) {
      const organisationId = parseId((request.params as { id?: unknown }).id);
      const { page } = pageQuerySchema.parse(request.query);
      const activity = await listReviewActivity({ db, actor: request.viewer, organisationId, page });
      // "(page 2 of 4)": a screen reader hears which page it landed on first.
      const of = activity.pageCount > 1 ? ` (page ${activity.page} of ${activity.pageCount})` : '';
      return reply.renderPage({
        title: `${REVIEW_ACTIVITY_TITLE}${of}: ${activity.organisation.name}`,
        content: <ReviewActivityPageView activity={activity} />,
      });
    },
  );
}
