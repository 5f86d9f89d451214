import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { requireSignedIn } from '../../platform/access/guards.ts';
import { auditContext } from '../../platform/audit/audit.ts';
import type { AppDb } from '../../platform/db/database.ts';
import { optionalText, recordVersion, requiredText, tickedValues } from '../../platform/forms/fields.ts';
import { FormErrors, parseForm, type FormValues } from '../../platform/forms/forms.ts';
import { checkUpload, sendDownload, uploadedFiles, uploadProblem, type FileKind } from '../../platform/files/index.ts';
import { AppError, parseId } from '../../platform/http/app-error.ts';
import { agreeRating, getAgreePage, getEvidenceFile } from './agreement.service.ts';
import { getMyRatings, getRatingPage, saveRating, type MyRating, type UploadedEvidence } from './ratings.service.ts';
import { reviewPaths } from './reviews.paths.ts';
import { doneFrom, reviewIdFrom } from './reviews.routes.tsx';
import { AgreePage } from './views/agree-pages.tsx';
import { MyRatingsPage, RateElementPage } from './views/rating-pages.tsx';

const { routes } = reviewPaths;

const evidenceKinds: FileKind[] = ['pdf', 'png', 'jpeg', 'gif', 'docx', 'xlsx', 'pptx', 'text', 'csv'];
const maxEvidenceBytes = 10 * 1024 * 1024;

const webAddress = /^https?:\/\/[^\s/$.?#].[^\s]*$/i;

const ratingForm = z.object({
  level: z.preprocess((value) => (typeof value === 'string' ? value : ''), z.string().max(60)),
  rationale: optionalText({ maxLength: 10_000 }),
  evidenceText: optionalText({ maxLength: 10_000 }),
  links: z.preprocess(
    (value) =>
      typeof value === 'string'
        ? value
            .split(/\r?\n/)
            .map((line) => line.trim())
            .filter(Boolean)
        : [],
    z
      .array(
        z
          .string()
          .max(2000, { error: 'Enter web addresses of 2,000 characters or fewer' })
          .regex(webAddress, { error: 'Enter each link as a web address starting https://, one a line' }),
      )
      .max(20, { error: 'Add up to 20 links at a time' }),
  ),
  removeEvidence: tickedValues(),
  version: recordVersion,
  then: z.enum(['next', 'stay']).catch('stay'),
});

const agreeForm = z.object({
  level: requiredText('Select the agreed rating', { maxLength: 60 }),
  rationale: requiredText('Enter why this rating was agreed', { maxLength: 10_000 }),
  version: recordVersion,
});

function elementKeyFrom(request: FastifyRequest): string {
  const key = (request.params as { elementKey?: unknown }).elementKey;
  if (typeof key !== 'string' || key.length > 60) throw AppError.notFound();
  return key;
}

/** A saved rating as the form shows it. */
function ratingValues(rating: MyRating): FormValues {
  return { level: rating.levelKey ?? '', rationale: rating.rationale, evidenceText: rating.evidenceText };
}

/** The files chosen in the form, each checked by its first bytes; the first problem found, if any. */
function evidenceFiles(request: FastifyRequest): { files: UploadedEvidence[]; problem: string | null } {
  const tooMuch = uploadProblem(request, 'files');
  if (tooMuch) return { files: [], problem: tooMuch.message };
  const files: UploadedEvidence[] = [];
  for (const file of uploadedFiles(request, 'files')) {
    const check = checkUpload(file, { allowed: evidenceKinds, maxBytes: maxEvidenceBytes });
    if (!check.ok) return { files: [], problem: `${file.originalName}: ${check.problem}` };
    files.push({ data: file.data, originalName: file.originalName, contentType: check.contentType });
  }
  return { files, problem: null };
}

export async function ratingRoutes(app: FastifyInstance, { db }: { db: AppDb }): Promise<void> {
  const signedIn = { preHandler: requireSignedIn };

  app.get(routes.rate, signedIn, async function myRatingsGet(request, reply) {
    const data = await getMyRatings({ db, actor: request.viewer, reviewId: reviewIdFrom(request) });
    return reply.renderPage({
      title: 'Your ratings',
      content: <MyRatingsPage {...data} done={doneFrom(request.query)} />,
    });
  });

  async function ratePage(
    request: FastifyRequest,
    reply: FastifyReply,
    form: { values: FormValues; errors: FormErrors; stale: MyRating | null } | null,
  ) {
    const page = await getRatingPage({
      db,
      actor: request.viewer,
      reviewId: reviewIdFrom(request),
      elementKey: elementKeyFrom(request),
    });
    const status = form?.stale ? 409 : form?.errors.any ? 400 : 200;
    return reply.renderPage({
      title: page.element.name,
      status,
      ...(form?.errors.any ? { hasErrors: true } : {}),
      content: (
        <RateElementPage
          page={page}
          values={form?.values ?? ratingValues(page.rating)}
          errors={form?.errors ?? FormErrors.none()}
          stale={form?.stale ?? null}
          done={form ? null : doneFrom(request.query)}
        />
      ),
    });
  }

  app.get(routes.rateElement, signedIn, async function rateElementGet(request, reply) {
    return ratePage(request, reply, null);
  });

  app.post(routes.rateElement, signedIn, async function rateElementPost(request, reply) {
    const reviewId = reviewIdFrom(request);
    const elementKey = elementKeyFrom(request);
    const form = parseForm(ratingForm, request.body);
    if (!form.ok) return ratePage(request, reply, { values: form.values, errors: form.errors, stale: null });
    const { files, problem } = evidenceFiles(request);
    if (problem) {
      return ratePage(request, reply, {
        values: form.values,
        errors: new FormErrors([{ field: 'files', message: problem }]),
        stale: null,
      });
    }
    const result = await saveRating({
      db,
      actor: request.viewer,
      reviewId,
      elementKey,
      fileStore: app.files,
      input: {
        levelKey: form.data.level || null,
        rationale: form.data.rationale,
        evidenceText: form.data.evidenceText,
        links: form.data.links,
        files,
        removeEvidenceIds: form.data.removeEvidence,
        version: form.data.version,
      },
    });
    if (result.outcome === 'unknown-level') {
      const errors = new FormErrors([{ field: 'level', message: 'Select one of the levels shown' }], {
        level: 'level',
      });
      return ratePage(request, reply, { values: form.values, errors, stale: null });
    }
    if (result.outcome === 'stale') {
      return ratePage(request, reply, { values: form.values, errors: FormErrors.none(), stale: result.current });
    }
    const next =
      form.data.then === 'next'
        ? (await getRatingPage({ db, actor: request.viewer, reviewId, elementKey })).nextElementKey
        : elementKey;
    return reply.redirect(
      next ? reviewPaths.rateElement(reviewId, next, 'rating-saved') : reviewPaths.rate(reviewId, 'rating-saved'),
      303,
    );
  });

  async function agreePage(
    request: FastifyRequest,
    reply: FastifyReply,
    form: { values: FormValues; errors: FormErrors; stale: { levelKey: string; rationale: string } | null } | null,
  ) {
    const page = await getAgreePage({
      db,
      actor: request.viewer,
      reviewId: reviewIdFrom(request),
      elementKey: elementKeyFrom(request),
      audit: auditContext(request),
    });
    if (page.outcome === 'closed') return reply.redirect(reviewPaths.review(page.reviewId), 303);
    const saved: FormValues = page.agreed ? { level: page.agreed.levelKey, rationale: page.agreed.rationale } : {};
    return reply.renderPage({
      title: `Agree the rating of ${page.element.name}`,
      status: form?.stale ? 409 : form?.errors.any ? 400 : 200,
      ...(form?.errors.any ? { hasErrors: true } : {}),
      content: (
        <AgreePage
          page={page}
          values={form?.values ?? saved}
          errors={form?.errors ?? FormErrors.none()}
          stale={form?.stale ?? null}
        />
      ),
    });
  }

  app.get(routes.agree, signedIn, async function agreeGet(request, reply) {
    return agreePage(request, reply, null);
  });

  app.post(routes.agree, signedIn, async function agreePost(request, reply) {
    const reviewId = reviewIdFrom(request);
    const form = parseForm(agreeForm, request.body, { level: 'level' });
    if (!form.ok) return agreePage(request, reply, { values: form.values, errors: form.errors, stale: null });
    const result = await agreeRating({
      db,
      actor: request.viewer,
      reviewId,
      elementKey: elementKeyFrom(request),
      levelKey: form.data.level,
      rationale: form.data.rationale,
      version: form.data.version,
    });
    if (result.outcome === 'unknown-level') {
      const errors = new FormErrors([{ field: 'level', message: 'Select one of the levels shown' }], {
        level: 'level',
      });
      return agreePage(request, reply, { values: form.values, errors, stale: null });
    }
    if (result.outcome === 'stale') {
      return agreePage(request, reply, { values: form.values, errors: FormErrors.none(), stale: result.current });
    }
    return reply.redirect(reviewPaths.review(reviewId, 'agreed-saved'), 303);
  });

  app.get(routes.evidence, signedIn, async function evidenceGet(request, reply) {
    const evidenceId = parseId((request.params as { evidenceId?: unknown }).evidenceId);
    const file = await getEvidenceFile({
      db,
      actor: request.viewer,
      reviewId: reviewIdFrom(request),
      evidenceId,
      audit: auditContext(request),
    });
    const data = await app.files.read(file.storedName);
    return sendDownload(reply, { name: file.name, contentType: file.contentType, data });
  });
}
