import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { requireSignedIn, signedInViewer } from '../../platform/access/guards.ts';
import type { AppDb } from '../../platform/db/database.ts';
import { choice, pageQuerySchema, recordVersion, requiredText, tickedValues } from '../../platform/forms/fields.ts';
import { FormErrors, parseForm, type FormValues } from '../../platform/forms/forms.ts';
import { AppError, parseId } from '../../platform/http/app-error.ts';
import { listPublishedFrameworks } from '../frameworks/index.ts';
import { reviewDoneMessages, reviewPaths, type ReviewDone } from './reviews.paths.ts';
import {
  closeReview,
  getReviewOverview,
  listReviews,
  organisationsWhereReviewsStart,
  startReview,
  starterGroups,
} from './reviews.service.ts';
import { ReviewListPage, StartReviewPage, type FrameworkChoice } from './views/review-list-pages.tsx';
import { ReviewPage } from './views/review-page.tsx';
import { CloseReviewPage } from './views/agree-pages.tsx';

const { routes } = reviewPaths;

export function reviewIdFrom(request: FastifyRequest): string {
  return parseId((request.params as { id?: unknown }).id);
}

export function doneFrom(query: unknown): ReviewDone | null {
  const done = (query as { done?: unknown } | undefined)?.done;
  return typeof done === 'string' && done in reviewDoneMessages ? (done as ReviewDone) : null;
}

const startForm = z.object({
  title: requiredText('Enter a title for the review', { maxLength: 200 }),
  framework: z.preprocess((value) => (typeof value === 'string' ? value : ''), z.string().min(1, 'Select a framework')),
  headings: tickedValues(),
  anonymous: choice(['no', 'yes'], 'Select who sees individual answers'),
  // Not sent (an older form): the starter leads without rating, as before the choice existed.
  myGroup: z.preprocess(
    (value) => value ?? 'none',
    choice(['none', ...starterGroups], 'Select whether you will rate, and in which group'),
  ),
  creationKey: z.preprocess((value) => (typeof value === 'string' ? value : ''), z.string()),
});

export async function reviewRoutes(app: FastifyInstance, { db }: { db: AppDb }): Promise<void> {
  const signedIn = { preHandler: requireSignedIn };

  app.get(routes.list, signedIn, async function reviewListGet(request, reply) {
    const { page } = pageQuerySchema.parse(request.query);
    const actor = signedInViewer(request);
    const [{ mine, all }, startable] = await Promise.all([
      listReviews({ db, actor, page }),
      organisationsWhereReviewsStart({ db, actor }),
    ]);
    return reply.renderPage({
      title: 'Reviews',
      content: <ReviewListPage mine={mine} all={all} startable={startable} />,
    });
  });

  async function startPage(
    request: FastifyRequest,
    reply: FastifyReply,
    { values, errors }: { values: FormValues; errors: FormErrors },
  ) {
    const organisationId = parseId((request.params as { id?: unknown }).id);
    const startable = await organisationsWhereReviewsStart({ db, actor: request.viewer });
    const organisation = startable.find((each) => each.id === organisationId);
    if (!organisation) throw AppError.forbidden();
    const frameworks: FrameworkChoice[] = await listPublishedFrameworks({ db, actor: request.viewer });
    const key =
      typeof values['creationKey'] === 'string' && values['creationKey'] ? values['creationKey'] : randomUUID();
    return reply.renderPage({
      title: 'Start a review',
      ...(errors.any ? { status: 400, hasErrors: true } : {}),
      content: (
        <StartReviewPage
          organisationName={organisation.name}
          action={reviewPaths.start(organisationId)}
          frameworks={frameworks}
          values={values}
          errors={errors}
          creationKey={key}
          starterGroups={starterGroups}
        />
      ),
    });
  }

  app.get(routes.start, signedIn, async function startReviewGet(request, reply) {
    return startPage(request, reply, { values: {}, errors: FormErrors.none() });
  });

  app.post(routes.start, signedIn, async function startReviewPost(request, reply) {
    const organisationId = parseId((request.params as { id?: unknown }).id);
    const form = parseForm(startForm, request.body);
    if (!form.ok) return startPage(request, reply, form);
    const frameworks = await listPublishedFrameworks({ db, actor: request.viewer });
    const framework = frameworks.find((each) => each.versionId === form.data.framework);
    const refuse = (field: string, message: string) =>
      startPage(request, reply, {
        values: form.values,
        errors: new FormErrors([{ field, message }], { framework: 'framework' }),
      });
    if (!framework) return refuse('framework', 'Select a framework');
    const prefix = `${framework.versionId}:`;
    const chosen = form.data.headings
      .filter((value) => value.startsWith(prefix))
      .map((value) => value.slice(prefix.length));
    if (form.data.headings.length > chosen.length) {
      return refuse('headings', 'Select only headings of the framework you chose');
    }
    const result = await startReview({
      db,
      actor: request.viewer,
      start: {
        organisationId,
        frameworkId: framework.frameworkId,
        frameworkVersionId: framework.versionId,
        title: form.data.title,
        headingKeys: chosen.length > 0 ? chosen : null,
        anonymous: form.data.anonymous === 'yes',
        minimumResponses: 3,
        creationKey: form.data.creationKey || randomUUID(),
        starterGroup: form.data.myGroup === 'none' ? null : form.data.myGroup,
      },
    });
    if (result.outcome === 'unknown-headings')
      return refuse('headings', 'Select only headings of the framework you chose');
    return reply.redirect(reviewPaths.review(result.reviewId, 'started'), 303);
  });

  app.get(routes.review, signedIn, async function reviewGet(request, reply) {
    const overview = await getReviewOverview({ db, actor: request.viewer, reviewId: reviewIdFrom(request) });
    return reply.renderPage({
      title: overview.review.title,
      content: <ReviewPage overview={overview} done={doneFrom(request.query)} />,
    });
  });

  app.get(routes.close, signedIn, async function closeReviewGet(request, reply) {
    const overview = await getReviewOverview({ db, actor: request.viewer, reviewId: reviewIdFrom(request) });
    if (!overview.access.lead) throw AppError.notFound();
    if (overview.review.status !== 'open') return reply.redirect(reviewPaths.review(overview.review.id), 303);
    const notAgreed = overview.agreement.flatMap((heading) => heading.elements).filter((each) => !each.agreed).length;
    return reply.renderPage({
      title: 'Close the review?',
      content: <CloseReviewPage review={overview.review} notAgreed={notAgreed} />,
    });
  });

  app.post(routes.close, signedIn, async function closeReviewPost(request, reply) {
    const reviewId = reviewIdFrom(request);
    const { version } = z.object({ version: recordVersion }).parse(request.body ?? {});
    const result = await closeReview({ db, actor: request.viewer, reviewId, version });
    if (result.outcome === 'stale') throw AppError.conflict();
    return reply.redirect(reviewPaths.review(reviewId, result.outcome === 'closed' ? 'closed' : undefined), 303);
  });
}
