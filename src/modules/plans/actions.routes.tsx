import { randomUUID } from 'node:crypto';
import { auditContext } from '../../platform/audit/audit.ts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { requireSignedIn } from '../../platform/access/guards.ts';
import type { AppDb } from '../../platform/db/database.ts';
import { dateValues, parseDatedForm } from '../../platform/forms/date-fields.ts';
import { FormErrors, typedText, type FormValues } from '../../platform/forms/forms.ts';
import {
  addAction,
  getActionForm,
  getActionPage,
  getNewActionForm,
  saveAction,
  type ActionForm,
  type ActionInput,
  type ActionProblem,
} from './actions.service.ts';
import { planPaths } from './plans.paths.ts';
import { creationKeyOr, doneFrom, paramId } from './plans.request.ts';
import { actionForm, dueDate } from './plans.schemas.ts';
import type { ActionRow } from './plans.service.ts';
import { ActionFormPage } from './views/action-form-page.tsx';
import { ActionPage } from './views/action-page.tsx';

const { routes } = planPaths;

const actionDates = {
  dates: [dueDate],
  order: ['title', 'owner', dueDate.name, 'status', 'rag', 'dependsOn'],
};

function actionValues(action: ActionRow): FormValues {
  return {
    title: action.title,
    owner: action.ownerPersonId,
    ...dateValues(dueDate.name, action.dueDate),
    status: action.status,
    rag: action.rag,
    dependsOn: action.dependsOnActionId ?? '',
  };
}

function inputOf(data: z.output<typeof actionForm>, dates: Record<string, string>): ActionInput {
  return {
    title: data.title,
    ownerPersonId: data.owner,
    dueDate: dates[dueDate.name] ?? '',
    status: data.status,
    rag: data.rag,
    dependsOnActionId: data.dependsOn || null,
  };
}

const problemErrors = (problem: ActionProblem) => new FormErrors([{ field: problem.field, message: problem.message }]);

export async function actionRoutes(app: FastifyInstance, { db }: { db: AppDb }): Promise<void> {
  const signedIn = { preHandler: requireSignedIn };

  /** The add or change form: as saved, as typed with its errors, or as typed beside what someone saved meanwhile. */
  function formPage(
    reply: FastifyReply,
    form: ActionForm,
    typed: { values: FormValues; errors: FormErrors; stale: ActionRow | null } | null,
  ) {
    const values = typed?.values ?? (form.action ? actionValues(form.action) : {});
    const errors = typed?.errors ?? FormErrors.none();
    return reply.renderPage({
      title: form.action ? 'Change the action' : 'Add an action',
      status: typed?.stale ? 409 : errors.any ? 400 : 200,
      ...(errors.any ? { hasErrors: true } : {}),
      content: (
        <ActionFormPage
          form={form}
          values={values}
          errors={errors}
          creationKey={form.action ? null : typedText(values, 'creationKey') || randomUUID()}
          stale={typed?.stale ?? null}
        />
      ),
    });
  }

  const newForm = (request: FastifyRequest, planId: string, priorityId: string) =>
    getNewActionForm({ db, actor: request.viewer, planId, priorityId });

  app.get(routes.actionNew, signedIn, async function newActionGet(request, reply) {
    const form = await newForm(request, paramId(request, 'id'), paramId(request, 'priorityId'));
    return formPage(reply, form, null);
  });

  app.post(routes.actionNew, signedIn, async function newActionPost(request, reply) {
    const planId = paramId(request, 'id');
    const priorityId = paramId(request, 'priorityId');
    const parsed = parseDatedForm(actionForm, request.body, actionDates);
    if (!parsed.ok) return formPage(reply, await newForm(request, planId, priorityId), { ...parsed, stale: null });
    const result = await addAction({
      db,
      actor: request.viewer,
      planId,
      priorityId,
      input: inputOf(parsed.data, parsed.dates),
      creationKey: creationKeyOr(parsed.data.creationKey),
    });
    if (result.outcome === 'invalid') {
      const form = await newForm(request, planId, priorityId);
      return formPage(reply, form, { values: parsed.values, errors: problemErrors(result), stale: null });
    }
    return reply.redirect(planPaths.plan(planId, 'action-added'), 303);
  });

  app.get(routes.action, signedIn, async function actionGet(request, reply) {
    const page = await getActionPage({
      db,
      actor: request.viewer,
      planId: paramId(request, 'id'),
      actionId: paramId(request, 'actionId'),
      audit: auditContext(request),
    });
    return reply.renderPage({
      title: page.action.title,
      content: <ActionPage page={page} done={doneFrom(request.query)} />,
    });
  });

  app.get(routes.actionEdit, signedIn, async function editActionGet(request, reply) {
    const form = await getActionForm({
      db,
      actor: request.viewer,
      planId: paramId(request, 'id'),
      actionId: paramId(request, 'actionId'),
    });
    return formPage(reply, form, null);
  });

  app.post(routes.actionEdit, signedIn, async function editActionPost(request, reply) {
    const planId = paramId(request, 'id');
    const actionId = paramId(request, 'actionId');
    const reload = () => getActionForm({ db, actor: request.viewer, planId, actionId });
    const parsed = parseDatedForm(actionForm, request.body, actionDates);
    if (!parsed.ok) return formPage(reply, await reload(), { ...parsed, stale: null });
    const result = await saveAction({
      db,
      actor: request.viewer,
      planId,
      actionId,
      input: inputOf(parsed.data, parsed.dates),
      version: parsed.data.version,
    });
    if (result.outcome === 'invalid') {
      return formPage(reply, await reload(), { values: parsed.values, errors: problemErrors(result), stale: null });
    }
    if (result.outcome === 'stale') {
      return formPage(reply, await reload(), {
        values: parsed.values,
        errors: FormErrors.none(),
        stale: result.current,
      });
    }
    return reply.redirect(planPaths.action(planId, actionId, 'action-saved'), 303);
  });
}
