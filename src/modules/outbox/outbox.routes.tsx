import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { requireRole } from '../../platform/access/guards.ts';
import type { AppDb } from '../../platform/db/database.ts';
import { AppError, parseId } from '../../platform/http/app-error.ts';
import { getMessage, listMessages } from './outbox.service.ts';
import { paths } from './outbox.paths.ts';
import { OutboxListPage } from './views/outbox-list-page.tsx';
import { OutboxMessagePage } from './views/outbox-message-page.tsx';

const listQuery = z.object({ page: z.coerce.number().int().min(1).max(1_000_000).default(1) });

export interface OutboxRoutesOptions {
  db: AppDb;
  mailConfigured: boolean;
}

export async function outboxRoutes(app: FastifyInstance, { db, mailConfigured }: OutboxRoutesOptions): Promise<void> {
  const preHandler = requireRole('platform_administrator');

  app.get(paths.list, { preHandler }, async function outboxListGet(request, reply) {
    const query = listQuery.safeParse(request.query);
    // A malformed page number names no page, like a malformed id.
    if (!query.success) throw AppError.notFound();
    const result = await listMessages({ actor: request.viewer, db, page: query.data.page });
    return reply.renderPage({
      title: result.pageCount > 1 ? `Outbox (page ${result.page} of ${result.pageCount})` : 'Outbox',
      content: <OutboxListPage {...result} mailConfigured={mailConfigured} />,
    });
  });

  app.get(paths.message, { preHandler }, async function outboxMessageGet(request, reply) {
    const id = parseId((request.params as { id?: unknown }).id);
    const message = await getMessage({ actor: request.viewer, db, id });
    return reply.renderPage({ title: `Outbox: ${message.subject}`, content: <OutboxMessagePage message={message} /> });
  });
}
