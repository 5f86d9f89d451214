import type { FastifyInstance } from 'fastify';
import { requireSignedIn } from '../../../platform/access/guards.ts';
import { auditContext } from '../../../platform/audit/audit.ts';
import type { AppDb } from '../../../platform/db/database.ts';
import { downloadFileName } from '../../../platform/exports/file-name.ts';
import { sendDownload } from '../../../platform/files/index.ts';
import { planPaths } from '../plans.paths.ts';
import { paramId } from '../plans.request.ts';
import { getPlanExport } from './exports.service.ts';

const { routes } = planPaths;

/**
 * A plan's downloads, for anyone who may read it (everyone else: not found). pdfkit loads with
 * the first PDF, not with every start of the app.
 */
export async function exportRoutes(app: FastifyInstance, { db }: { db: AppDb }): Promise<void> {
  const signedIn = { preHandler: requireSignedIn };

  app.get(routes.exportPdf, signedIn, async function planPdfGet(request, reply) {
    const planExport = await getPlanExport({
      db,
      actor: request.viewer,
      planId: paramId(request, 'id'),
      format: 'pdf',
      audit: auditContext(request),
    });
    const { renderPlanPdf } = await import('./plan-pdf.ts');
    return sendDownload(reply, {
      name: downloadFileName(planExport.plan.title, 'pdf', 'development-plan'),
      contentType: 'application/pdf',
      data: await renderPlanPdf(planExport),
    });
  });

  app.get(routes.actionsCsv, signedIn, async function actionsCsvGet(request, reply) {
    const planExport = await getPlanExport({
      db,
      actor: request.viewer,
      planId: paramId(request, 'id'),
      format: 'csv',
      audit: auditContext(request),
    });
    const { renderActionsCsv } = await import('./actions-csv.ts');
    return sendDownload(reply, {
      name: downloadFileName(planExport.plan.title, 'csv', 'development-plan'),
      contentType: 'text/csv; charset=utf-8',
      data: Buffer.from(renderActionsCsv(planExport), 'utf8'),
    });
  });
}
