import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { requireSignedIn } from '../../platform/access/guards.ts';
import { auditContext } from '../../platform/audit/audit.ts';
import { FormErrors, formValuesOf, typedText } from '../../platform/forms/forms.ts';
import { isId, parseId } from '../../platform/http/app-error.ts';
import type { PartnershipsOptions } from './index.ts';
import { partnershipPaths } from './partnerships.paths.ts';
import { getTrustToTrust, linkDiagnostic, linkPlan } from './trust-to-trust.service.ts';
import { DiagnosticPage } from './views/diagnostic-page.tsx';

const { routes } = partnershipPaths;

const doneMessages: Record<string, string> = {
  'review-linked': 'The review is now the partnership’s diagnostic.',
  'plan-linked': 'The plan is now the partnership’s development plan, shared with the mentor trust.',
};

const refusals = {
  'not-the-mentee-trust': 'Choose a review or plan of the mentee trust',
  'no-mentor-trust': 'The partnership has no mentor trust yet: the provider adds it with the mentor side’s people',
} as const;

/** A trust-to-trust partnership's diagnostic review and development plan. */
export async function trustToTrustRoutes(app: FastifyInstance, { db }: PartnershipsOptions): Promise<void> {
  const signedIn = { preHandler: requireSignedIn };
  const idOf = (request: FastifyRequest) => parseId((request.params as { id?: unknown }).id);

  async function page(request: FastifyRequest, reply: FastifyReply, errors: FormErrors) {
    const view = await getTrustToTrust({
      db,
      actor: request.viewer,
      partnershipId: idOf(request),
      audit: auditContext(request),
    });
    const done = (request.query as { done?: unknown } | undefined)?.done;
    return reply.renderPage({
      title: `Diagnostic and plan: ${view.partnership.title}`,
      ...(errors.any ? { status: 400, hasErrors: true } : {}),
      content: (
        <DiagnosticPage
          view={view}
          errors={errors}
          done={!errors.any && typeof done === 'string' ? (doneMessages[done] ?? null) : null}
        />
      ),
    });
  }

  /** The id chosen in a radio, or a form error saying to choose one. */
  function chosen(request: FastifyRequest, field: 'review' | 'plan'): string | FormErrors {
    const value = typedText(formValuesOf(request.body), field);
    if (isId(value)) return value;
    return new FormErrors([{ field, message: field === 'review' ? 'Select a review' : 'Select a plan' }]);
  }

  app.get(routes.diagnostic, signedIn, async function diagnosticGet(request, reply) {
    return page(request, reply, FormErrors.none());
  });

  app.post(routes.diagnostic, signedIn, async function diagnosticPost(request, reply) {
    const reviewId = chosen(request, 'review');
    if (reviewId instanceof FormErrors) return page(request, reply, reviewId);
    const outcome = await linkDiagnostic({ db, actor: request.viewer, partnershipId: idOf(request), reviewId });
    if (outcome !== 'linked')
      return page(request, reply, new FormErrors([{ field: 'review', message: refusals[outcome] }]));
    return reply.redirect(partnershipPaths.of(idOf(request), 'diagnostic', {}, 'review-linked'), 303);
  });

  app.post(routes.plan, signedIn, async function planPost(request, reply) {
    const planId = chosen(request, 'plan');
    if (planId instanceof FormErrors) return page(request, reply, planId);
    const outcome = await linkPlan({
      db,
      actor: request.viewer,
      partnershipId: idOf(request),
      planId,
      audit: auditContext(request),
    });
    if (outcome !== 'linked')
      return page(request, reply, new FormErrors([{ field: 'plan', message: refusals[outcome] }]));
    return reply.redirect(partnershipPaths.of(idOf(request), 'diagnostic', {}, 'plan-linked'), 303);
  });
}
