import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { requireSignedIn } from '../../platform/access/guards.ts';
import type { AppDb } from '../../platform/db/database.ts';
import { parseDatedForm } from '../../platform/forms/date-fields.ts';
import { FormErrors, parseForm, typedText, type FormValues } from '../../platform/forms/forms.ts';
import { getFromReviewChoices } from './from-review.service.ts';
import { planPaths } from './plans.paths.ts';
import { creationKeyOr, reviewElementFromParams } from './plans.request.ts';
import { fromReviewForm, newPlanForReviewForm, periodEnd, periodInOrder, periodStart } from './plans.schemas.ts';
import { createPlan } from './plans.service.ts';
import { FromReviewPage } from './views/from-review-page.tsx';

const { routes } = planPaths;

/**
 * "Make this a priority", from an element on a review's heat map: choose one of the trust's plans
 * (or start one), then add the priority on the plan's own form, filled in from the element.
 */
export async function fromReviewRoutes(app: FastifyInstance, { db }: { db: AppDb }): Promise<void> {
  const signedIn = { preHandler: requireSignedIn };

  async function choicePage(
    request: FastifyRequest,
    reply: FastifyReply,
    form: { values: FormValues; errors: FormErrors } | null,
  ) {
    const { source, plans } = await getFromReviewChoices({
      db,
      actor: request.viewer,
      from: reviewElementFromParams(request),
    });
    const values = form?.values ?? {};
    const errors = form?.errors ?? FormErrors.none();
    return reply.renderPage({
      title: 'Make this a priority',
      ...(errors.any ? { status: 400, hasErrors: true } : {}),
      content: (
        <FromReviewPage
          source={source}
          plans={plans}
          values={values}
          errors={errors}
          creationKey={typedText(values, 'creationKey') || randomUUID()}
        />
      ),
    });
  }

  app.get(routes.fromReview, signedIn, async function fromReviewGet(request, reply) {
    return choicePage(request, reply, null);
  });

  app.post(routes.fromReview, signedIn, async function fromReviewPost(request, reply) {
    const from = reviewElementFromParams(request);
    const { source, plans } = await getFromReviewChoices({ db, actor: request.viewer, from });
    const choice = parseForm(fromReviewForm, request.body, { plan: 'plan' });
    if (!choice.ok) return choicePage(request, reply, choice);
    if (choice.data.plan !== 'new') {
      if (!plans.some((plan) => plan.id === choice.data.plan)) {
        const errors = new FormErrors([{ field: 'plan', message: 'Select a plan, or a new plan' }], { plan: 'plan' });
        return choicePage(request, reply, { values: choice.values, errors });
      }
      return reply.redirect(planPaths.priorityNew(choice.data.plan, from), 303);
    }
    const details = parseDatedForm(newPlanForReviewForm, request.body, {
      dates: [periodStart, periodEnd],
      order: ['title', periodStart.name, periodEnd.name],
      also: periodInOrder,
    });
    if (!details.ok) return choicePage(request, reply, details);
    const planId = await createPlan({
      db,
      actor: request.viewer,
      owner: { organisationId: source.organisationId },
      details: {
        title: details.data.title,
        status: 'draft',
        summary: '',
        periodStart: details.dates[periodStart.name] ?? '',
        periodEnd: details.dates[periodEnd.name] ?? '',
      },
      creationKey: creationKeyOr(choice.data.creationKey),
    });
    return reply.redirect(planPaths.priorityNew(planId, from), 303);
  });
}
