import type { FastifyInstance } from 'fastify';
import { h } from 'preact';
import { requireRole, requireSignedIn } from '../../platform/access/guards.ts';
import type { AppDb } from '../../platform/db/database.ts';
import { dateFieldIds } from '../../platform/forms/date-fields.ts';
import { FormErrors, parseForm } from '../../platform/forms/forms.ts';
import { AUDIT_LOG_ROLE } from './activity.policy.ts';
import { pageQuerySchema } from '../../platform/forms/fields.ts';
import { auditLogFilterSchema, dateInputs } from './activity.schemas.ts';
import { listAccountActivity, searchAuditLog } from './activity.service.ts';
import { AccountActivityPage } from './views/account-activity-page.tsx';
import { AuditLogPage, typedFilters } from './views/audit-log-page.tsx';

/** "Audit log (page 2 of 4)": a screen reader hears which page it landed on first. */
function pageTitle(title: string, page: number, pageCount: number): string {
  return pageCount > 1 ? `${title} (page ${page} of ${pageCount})` : title;
}

export async function activityRoutes(app: FastifyInstance, { db }: { db: AppDb }): Promise<void> {
  app.get('/account/activity', { preHandler: requireSignedIn }, async function accountActivityGet(request, reply) {
    // requireSignedIn has answered for anyone signed out.
    const actor = request.viewer;
    if (!actor) return reply;
    const { page } = pageQuerySchema.parse(request.query);
    const result = await listAccountActivity({ db, actor, page });
    return reply.renderPage({
      title: pageTitle('Account activity', result.page, result.pageCount),
      content: h(AccountActivityPage, { result, viewerPersonId: actor.personId }),
    });
  });

  app.get('/admin/audit', { preHandler: requireRole(AUDIT_LOG_ROLE) }, async function auditLogGet(request, reply) {
    const form = parseForm(
      auditLogFilterSchema,
      request.query,
      dateFieldIds(typedQuery(request.query), Object.keys(dateInputs)),
    );
    const values = typedFilters(form.values);
    if (!form.ok) {
      // Filters that cannot be read are a form with errors: no events until they are put right.
      return reply.renderPage({
        title: 'Audit log',
        status: 400,
        hasErrors: true,
        content: h(AuditLogPage, { values, errors: form.errors }),
      });
    }
    const { page } = pageQuerySchema.parse(request.query);
    const result = await searchAuditLog({ db, actor: request.viewer, filters: form.data, page });
    return reply.renderPage({
      title: pageTitle('Audit log', result.page, result.pageCount),
      content: h(AuditLogPage, { values, errors: FormErrors.none(), result }),
    });
  });
}

/** The query's text values, for placing error links before the filters are parsed. */
function typedQuery(query: unknown): Record<string, string> {
  if (typeof query !== 'object' || query === null) return {};
  return Object.fromEntries(
    Object.entries(query).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
}
