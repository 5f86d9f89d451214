import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { requireSignedIn } from '../../platform/access/guards.ts';
import { auditContext } from '../../platform/audit/audit.ts';
import { FormErrors, type FormValues } from '../../platform/forms/forms.ts';
import { parseId } from '../../platform/http/app-error.ts';
import type { PartnershipsOptions } from './index.ts';
import { partnershipPaths } from './partnerships.paths.ts';
import { decide, getDecisionPage, type DecisionPage as DecisionContent } from './third-term-decision.service.ts';
import { parseDecisionForm, parseReviewForm } from './third-term-review.form.ts';
import { getReviewPage, saveReview, type ReviewPage as ReviewContent } from './third-term-review.service.ts';
import { doneFrom } from './views/establishing-parts.tsx';
import { DecisionPage, decisionHeading } from './views/review-decision-page.tsx';
import { ReviewPage, reviewValues } from './views/review-page.tsx';

const { routes } = partnershipPaths;

const partnershipIdOf = (request: FastifyRequest) => parseId((request.params as { id?: unknown }).id);

/** The third-term review (each side's view of every goal) and the decision to extend or close. */
export async function thirdTermReviewRoutes(app: FastifyInstance, { db }: PartnershipsOptions): Promise<void> {
  const signedIn = { preHandler: requireSignedIn };

  function reviewPage(
    reply: FastifyReply,
    page: ReviewContent,
    typed: { values: FormValues; errors: FormErrors; staleGoalIds: string[] | null } | null,
    request: FastifyRequest,
  ) {
    const errors = typed?.errors ?? FormErrors.none();
    return reply.renderPage({
      title: 'Third-term review',
      status: typed?.staleGoalIds ? 409 : errors.any ? 400 : 200,
      ...(errors.any ? { hasErrors: true } : {}),
      content: (
        <ReviewPage
          page={page}
          values={typed?.values ?? reviewValues(page)}
          errors={errors}
          staleGoalIds={typed?.staleGoalIds ?? null}
          done={typed ? null : doneFrom(request.query)}
        />
      ),
    });
  }

  const loadReview = (request: FastifyRequest, forWriting = false) =>
    getReviewPage({
      db,
      actor: request.viewer,
      partnershipId: partnershipIdOf(request),
      audit: auditContext(request),
      forWriting,
    });

  app.get(routes.review, signedIn, async function reviewGet(request, reply) {
    return reviewPage(reply, await loadReview(request), null, request);
  });

  app.post(routes.review, signedIn, async function reviewPost(request, reply) {
    const partnershipId = partnershipIdOf(request);
    const page = await loadReview(request, true);
    const form = parseReviewForm(request.body, page);
    if (!form.ok) return reviewPage(reply, page, { ...form, staleGoalIds: null }, request);
    const result = await saveReview({ db, actor: request.viewer, partnershipId, ...form.data });
    if (result.outcome === 'stale') {
      const typed = { values: form.values, errors: FormErrors.none(), staleGoalIds: result.staleGoalIds };
      return reviewPage(reply, result.current, typed, request);
    }
    return reply.redirect(partnershipPaths.of(partnershipId, 'review', {}, 'review-saved'), 303);
  });

  function decisionPage(
    reply: FastifyReply,
    page: DecisionContent,
    { values = {}, errors = FormErrors.none(), status }: { values?: FormValues; errors?: FormErrors; status?: number },
    request: FastifyRequest,
  ) {
    return reply.renderPage({
      title: decisionHeading,
      status: status ?? (errors.any ? 400 : 200),
      ...(errors.any ? { hasErrors: true } : {}),
      content: <DecisionPage page={page} values={values} errors={errors} done={doneFrom(request.query)} />,
    });
  }

  const loadDecision = (request: FastifyRequest) =>
    getDecisionPage({
      db,
      actor: request.viewer,
      partnershipId: partnershipIdOf(request),
      audit: auditContext(request),
    });

  app.get(routes.decision, signedIn, async function decisionGet(request, reply) {
    return decisionPage(reply, await loadDecision(request), {}, request);
  });

  app.post(routes.decision, signedIn, async function decisionPost(request, reply) {
    const partnershipId = partnershipIdOf(request);
    const form = parseDecisionForm(request.body);
    if (!form.ok) return decisionPage(reply, await loadDecision(request), form, request);
    const result = await decide({ db, actor: request.viewer, partnershipId, decision: form.data });
    if (result.outcome === 'missing') {
      return decisionPage(reply, result.page, { values: form.values, status: 409 }, request);
    }
    if (result.outcome === 'extended') return reply.redirect(partnershipPaths.of(result.nextId, 'partnership'), 303);
    return reply.redirect(partnershipPaths.of(partnershipId, 'decision', {}, 'closed'), 303);
  });
}
