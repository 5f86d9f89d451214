import type { FastifyInstance, FastifyReply } from 'fastify';
import type { VNode } from 'preact';
import { z } from 'zod';
import { requireSignedIn } from '../../platform/access/guards.ts';
import { auditContext } from '../../platform/audit/audit.ts';
import type { AppDb } from '../../platform/db/database.ts';
import { downloadFileName } from '../../platform/exports/file-name.ts';
import { AppError, parseId } from '../../platform/http/app-error.ts';
import { exportFormats, type ExportFormat } from './review-reads.ts';
import type { ReviewReport } from './review-report.ts';
import { reviewPaths } from './reviews.paths.ts';
import { getGroupComparison, getHeatMap, getHistory, getPeerChallenge, getReviewExport } from './results.service.ts';
import { GroupComparisonPage } from './views/results-comparison.tsx';
import { HeatMapPage } from './views/results-heat-map.tsx';
import { HistoryPage } from './views/results-history.tsx';
import { BackToReview, resultsTitle, type ReviewNames } from './views/results-parts.tsx';
import { PeerChallengePage } from './views/results-peer-challenge.tsx';

const { routes } = reviewPaths;

const idFrom = (params: unknown) => parseId((params as { id?: unknown }).id);

const exportQuery = z.object({ format: z.enum(exportFormats) });

const contentTypes: Record<ExportFormat, string> = {
  pdf: 'application/pdf',
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** The document libraries (pdfkit, exceljs) load on the first download, not with every start of the app. */
async function renderExport(report: ReviewReport, format: ExportFormat): Promise<Buffer | string> {
  const exports = await import('./exports/index.ts');
  if (format === 'pdf') return exports.renderHeatMapPdf(report);
  if (format === 'xlsx') return exports.renderRatingsXlsx(report);
  return exports.renderRatingsCsv(report);
}

/** A file name from a review's title: "Review 2026" → "review-2026.pdf". */
export function downloadName(title: string, format: ExportFormat): string {
  return downloadFileName(title, format, 'review');
}

/** Peer challenge is there to visit once someone from a partner trust has joined the review. */
const hasPartner = (review: { partnerOrganisationId: string | null }) => review.partnerOrganisationId !== null;

/**
 * The pages that show a review's results, and its downloads. Who may see them is decided by the
 * results service alone: anyone else gets "not found", as if the review did not exist.
 */
export async function resultsRoutes(app: FastifyInstance, { db }: { db: AppDb }): Promise<void> {
  const signedIn = { preHandler: requireSignedIn };
  /** Every results page: its name and the review's in the title, and the way back to the review. */
  const resultsPage = (
    reply: FastifyReply,
    { page, review, content }: { page: string; review: ReviewNames & { id: string }; content: VNode },
  ) =>
    reply.renderPage({
      title: resultsTitle(page, review),
      beforeContent: <BackToReview reviewId={review.id} />,
      content,
    });

  app.get(routes.heatMap, signedIn, async function heatMapGet(request, reply) {
    const reviewId = idFrom(request.params);
    const { report, review } = await getHeatMap({ db, actor: request.viewer, reviewId, audit: auditContext(request) });
    return resultsPage(reply, {
      page: 'Heat map',
      review,
      content: <HeatMapPage report={report} peerChallenge={hasPartner(review)} />,
    });
  });

  app.get(routes.groupComparison, signedIn, async function groupComparisonGet(request, reply) {
    const reviewId = idFrom(request.params);
    const comparison = await getGroupComparison({ db, actor: request.viewer, reviewId, audit: auditContext(request) });
    return resultsPage(reply, {
      page: 'Group comparison',
      review: comparison.review,
      content: <GroupComparisonPage comparison={comparison} peerChallenge={hasPartner(comparison.review)} />,
    });
  });

  app.get(routes.peerChallenge, signedIn, async function peerChallengeGet(request, reply) {
    const reviewId = idFrom(request.params);
    const challenge = await getPeerChallenge({ db, actor: request.viewer, reviewId, audit: auditContext(request) });
    return resultsPage(reply, {
      page: 'Peer challenge',
      review: challenge.review,
      content: <PeerChallengePage challenge={challenge} results={challenge.seesResults} />,
    });
  });

  app.get(routes.history, signedIn, async function historyGet(request, reply) {
    const reviewId = idFrom(request.params);
    const history = await getHistory({ db, actor: request.viewer, reviewId, audit: auditContext(request) });
    return resultsPage(reply, {
      page: 'History',
      review: history.review,
      content: <HistoryPage history={history} peerChallenge={hasPartner(history.review)} />,
    });
  });

  app.get(routes.export, signedIn, async function exportGet(request, reply) {
    const reviewId = idFrom(request.params);
    const query = exportQuery.safeParse(request.query);
    if (!query.success) throw AppError.notFound();
    const { format } = query.data;
    const report = await getReviewExport({ db, actor: request.viewer, reviewId, format, audit: auditContext(request) });
    const file = await renderExport(report, format);
    return (
      reply
        .header('content-type', contentTypes[format])
        .header('content-disposition', `attachment; filename="${downloadName(report.title, format)}"`)
        // Confidential: no shared cache or browser history keeps a copy.
        .header('cache-control', 'private, no-store')
        .send(file)
    );
  });
}
