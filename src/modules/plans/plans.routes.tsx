import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { requireSignedIn, signedInViewer } from '../../platform/access/guards.ts';
import { auditContext } from '../../platform/audit/audit.ts';
import type { AppDb } from '../../platform/db/database.ts';
import { dateValues, describeTypedDate, parseDatedForm } from '../../platform/forms/date-fields.ts';
import { FormErrors, typedText, type FormValues } from '../../platform/forms/forms.ts';
import { formatDay } from '../../platform/views/london-time.ts';
import { listMyActions } from './actions.service.ts';
import { planPaths } from './plans.paths.ts';
import { creationKeyOr, doneFrom, paramId } from './plans.request.ts';
import {
  createPlanForm,
  periodEnd,
  periodInOrder,
  periodStart,
  planDetailsForm,
  planDetailsOf,
} from './plans.schemas.ts';
import {
  createPlan,
  getPlanOverview,
  getPlanToEdit,
  listPlans,
  organisationsWherePlansAreMade,
  savePlanDetails,
  type PlanRow,
} from './plans.service.ts';
import { listPlansSharedWithMe } from './sharing.service.ts';
import { CreatePlanPage, EditPlanPage } from './views/plan-form-pages.tsx';
import { MyActionsPage } from './views/my-actions-page.tsx';
import { PlanListPage } from './views/plan-list-page.tsx';
import { PlanPage } from './views/plan-page.tsx';
import { differencesOf, labelOf, planStatusLabels } from './views/plan-parts.tsx';

const { routes } = planPaths;

const detailsOrder = ['owner', 'title', periodStart.name, periodEnd.name, 'status', 'summary'];
const detailsDates = { dates: [periodStart, periodEnd], order: detailsOrder, also: periodInOrder };

/** A saved plan's details as its form shows them. */
function planValues(plan: PlanRow): FormValues {
  return {
    title: plan.title,
    ...dateValues(periodStart.name, plan.periodStart),
    ...dateValues(periodEnd.name, plan.periodEnd),
    status: plan.status,
    summary: plan.summary,
  };
}

export async function planRoutes(app: FastifyInstance, { db }: { db: AppDb }): Promise<void> {
  const signedIn = { preHandler: requireSignedIn };

  app.get(routes.list, signedIn, async function planListGet(request, reply) {
    const actor = signedInViewer(request);
    const [{ mine, organisations }, shared] = await Promise.all([
      listPlans({ db, actor }),
      listPlansSharedWithMe({ db, actor }),
    ]);
    return reply.renderPage({
      title: 'Development plans',
      content: <PlanListPage mine={mine} organisations={organisations} shared={shared} />,
    });
  });

  app.get(routes.myActions, signedIn, async function myActionsGet(request, reply) {
    const actions = await listMyActions({ db, actor: signedInViewer(request) });
    return reply.renderPage({ title: 'Your actions', content: <MyActionsPage actions={actions} /> });
  });

  async function createPage(reply: FastifyReply, { values, errors }: { values: FormValues; errors: FormErrors }) {
    const trusts = await organisationsWherePlansAreMade({ db, actor: reply.request.viewer });
    return reply.renderPage({
      title: 'Create a plan',
      ...(errors.any ? { status: 400, hasErrors: true } : {}),
      content: (
        <CreatePlanPage
          trusts={trusts}
          values={values}
          errors={errors}
          creationKey={typedText(values, 'creationKey') || randomUUID()}
        />
      ),
    });
  }

  app.get(routes.create, signedIn, async function createPlanGet(_request, reply) {
    return createPage(reply, { values: {}, errors: FormErrors.none() });
  });

  app.post(routes.create, signedIn, async function createPlanPost(request, reply) {
    const form = parseDatedForm(createPlanForm, request.body, detailsDates);
    if (!form.ok) return createPage(reply, form);
    const { owner, creationKey } = form.data;
    const trusts = await organisationsWherePlansAreMade({ db, actor: request.viewer });
    if (owner !== 'me' && !trusts.some((trust) => trust.id === owner)) {
      const errors = new FormErrors([{ field: 'owner', message: 'Select whose plan it is from the list' }]);
      return createPage(reply, { values: form.values, errors });
    }
    const planId = await createPlan({
      db,
      actor: request.viewer,
      owner: owner === 'me' ? 'me' : { organisationId: owner },
      details: planDetailsOf(form.data, form.dates),
      creationKey: creationKeyOr(creationKey),
    });
    return reply.redirect(planPaths.plan(planId, 'created'), 303);
  });

  app.get(routes.plan, signedIn, async function planGet(request, reply) {
    const overview = await getPlanOverview({
      db,
      actor: request.viewer,
      planId: paramId(request, 'id'),
      audit: auditContext(request),
    });
    return reply.renderPage({
      title: overview.plan.title,
      content: <PlanPage overview={overview} done={doneFrom(request.query)} />,
    });
  });

  async function editPage(
    reply: FastifyReply,
    plan: PlanRow,
    form: { values: FormValues; errors: FormErrors; stale: PlanRow | null } | null,
  ) {
    const values = form?.values ?? planValues(plan);
    const stale = form?.stale
      ? {
          current: form.stale,
          differences: differencesOf([
            ['Title', form.stale.title, typedText(values, 'title')],
            ['Start date', formatDay(form.stale.periodStart), describeTypedDate(values, periodStart)],
            ['End date', formatDay(form.stale.periodEnd), describeTypedDate(values, periodEnd)],
            ['Status', planStatusLabels[form.stale.status], labelOf(planStatusLabels, typedText(values, 'status'))],
            ['Summary', form.stale.summary, typedText(values, 'summary')],
          ]),
        }
      : null;
    return reply.renderPage({
      title: 'Plan details',
      status: stale ? 409 : form?.errors.any ? 400 : 200,
      ...(form?.errors.any ? { hasErrors: true } : {}),
      content: <EditPlanPage plan={plan} values={values} errors={form?.errors ?? FormErrors.none()} stale={stale} />,
    });
  }

  app.get(routes.edit, signedIn, async function editPlanGet(request, reply) {
    const plan = await getPlanToEdit({ db, actor: request.viewer, planId: paramId(request, 'id') });
    return editPage(reply, plan, null);
  });

  app.post(routes.edit, signedIn, async function editPlanPost(request, reply) {
    const planId = paramId(request, 'id');
    const plan = await getPlanToEdit({ db, actor: request.viewer, planId });
    const form = parseDatedForm(planDetailsForm, request.body, detailsDates);
    if (!form.ok) return editPage(reply, plan, { ...form, stale: null });
    const { version } = form.data;
    const result = await savePlanDetails({
      db,
      actor: request.viewer,
      planId,
      version,
      details: planDetailsOf(form.data, form.dates),
    });
    if (result.outcome === 'stale') {
      return editPage(reply, plan, { values: form.values, errors: FormErrors.none(), stale: result.current });
    }
    return reply.redirect(planPaths.plan(planId, 'plan-saved'), 303);
  });
}
