import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { requireSignedIn } from '../../platform/access/guards.ts';
import type { AppDb } from '../../platform/db/database.ts';
import { dateValues, parseDatedForm } from '../../platform/forms/date-fields.ts';
import { creationKey, tickedValues } from '../../platform/forms/fields.ts';
import { FormErrors, typedList, typedText, type FormValues } from '../../platform/forms/forms.ts';
import { addDays } from '../../platform/views/london-time.ts';
import { parseClosingForm } from './closing.form.ts';
import {
  closePlan,
  getNextPlanStart,
  getPlanToClose,
  startNextPlan,
  type NextPlanStart,
  type PlanToClose,
} from './closing.service.ts';
import { planPaths } from './plans.paths.ts';
import { creationKeyOr, paramId } from './plans.request.ts';
import { periodEnd, periodInOrder, periodStart, planDetailsForm, planDetailsOf } from './plans.schemas.ts';
import { ClosePlanPage } from './views/close-plan-page.tsx';
import { NextPlanPage } from './views/next-plan-page.tsx';

const { routes } = planPaths;

const nextPlanForm = planDetailsForm.omit({ version: true }).extend({
  carried: tickedValues({ maxLength: 100, maxCount: 20 }),
  creationKey,
});

const nextPlanDates = {
  dates: [periodStart, periodEnd],
  order: ['title', periodStart.name, periodEnd.name, 'status', 'summary', 'carried'],
  also: periodInOrder,
};

/** The next plan's form as it first opens: every medium-term priority ticked, starting the day after the last ended. */
function nextPlanValues({ previous, carried }: NextPlanStart): FormValues {
  return {
    ...dateValues(periodStart.name, addDays(previous.periodEnd, 1)),
    status: 'draft',
    carried: carried.map((each) => each.id),
  };
}

export async function closingRoutes(app: FastifyInstance, { db }: { db: AppDb }): Promise<void> {
  const signedIn = { preHandler: requireSignedIn };

  function closePage(
    reply: FastifyReply,
    toClose: PlanToClose,
    form: { values: FormValues; errors: FormErrors; stale: boolean },
  ) {
    return reply.renderPage({
      title: `Close the plan: ${toClose.plan.title}`,
      status: form.stale ? 409 : form.errors.any ? 400 : 200,
      ...(form.errors.any ? { hasErrors: true } : {}),
      content: <ClosePlanPage toClose={toClose} {...form} />,
    });
  }

  app.get(routes.close, signedIn, async function closeGet(request, reply) {
    const toClose = await getPlanToClose({ db, actor: request.viewer, planId: paramId(request, 'id') });
    return closePage(reply, toClose, { values: {}, errors: FormErrors.none(), stale: false });
  });

  app.post(routes.close, signedIn, async function closePost(request, reply) {
    const planId = paramId(request, 'id');
    const toClose = await getPlanToClose({ db, actor: request.viewer, planId });
    const form = parseClosingForm(request.body, toClose.priorities);
    if (form.kind === 'add-row')
      return closePage(reply, toClose, { values: form.values, errors: FormErrors.none(), stale: false });
    if (form.kind === 'invalid') return closePage(reply, toClose, { ...form, stale: false });
    const result = await closePlan({ db, actor: request.viewer, planId, ...form });
    if (result.outcome === 'stale') {
      return closePage(reply, result.current, { values: form.values, errors: FormErrors.none(), stale: true });
    }
    return reply.redirect(planPaths.plan(planId, 'closed'), 303);
  });

  function nextPage(reply: FastifyReply, start: NextPlanStart, form: { values: FormValues; errors: FormErrors }) {
    return reply.renderPage({
      title: 'Start the next plan',
      ...(form.errors.any ? { status: 400, hasErrors: true } : {}),
      content: (
        <NextPlanPage
          start={start}
          values={form.values}
          errors={form.errors}
          creationKey={typedText(form.values, 'creationKey') || randomUUID()}
        />
      ),
    });
  }

  app.get(routes.nextPlan, signedIn, async function nextPlanGet(request, reply) {
    const start = await getNextPlanStart({ db, actor: request.viewer, previousPlanId: paramId(request, 'id') });
    return nextPage(reply, start, { values: nextPlanValues(start), errors: FormErrors.none() });
  });

  app.post(routes.nextPlan, signedIn, async function nextPlanPost(request, reply) {
    const previousPlanId = paramId(request, 'id');
    const start = await getNextPlanStart({ db, actor: request.viewer, previousPlanId });
    const form = parseDatedForm(nextPlanForm, request.body, nextPlanDates);
    if (!form.ok) return nextPage(reply, start, form);
    const { creationKey } = form.data;
    const planId = await startNextPlan({
      db,
      actor: request.viewer,
      previousPlanId,
      details: planDetailsOf(form.data, form.dates),
      carriedIds: typedList(form.values, 'carried'),
      creationKey: creationKeyOr(creationKey),
    });
    return reply.redirect(planPaths.plan(planId, 'created'), 303);
  });
}
