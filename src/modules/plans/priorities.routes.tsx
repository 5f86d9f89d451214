import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { requireSignedIn } from '../../platform/access/guards.ts';
import type { AppDb } from '../../platform/db/database.ts';
import { FormErrors, parseForm, typedText, type FormValues } from '../../platform/forms/forms.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { planPaths } from './plans.paths.ts';
import { creationKeyOr, paramId, reviewElementFromQuery } from './plans.request.ts';
import { priorityForm } from './plans.schemas.ts';
import type { PriorityRow } from './plans.service.ts';
import { addPriority, getNewPriority, getPriority, movePriority, savePriority } from './priorities.service.ts';
import { differencesOf } from './views/plan-parts.tsx';
import { EditPriorityPage, NewPriorityPage } from './views/priority-pages.tsx';

const { routes } = planPaths;

const moveForm = z.object({ direction: z.enum(['up', 'down']) });

function priorityValues(priority: PriorityRow): FormValues {
  return {
    title: priority.title,
    intendedOutcome: priority.intendedOutcome,
    successCriteria: priority.successCriteria,
  };
}

export async function priorityRoutes(app: FastifyInstance, { db }: { db: AppDb }): Promise<void> {
  const signedIn = { preHandler: requireSignedIn };

  async function newPage(
    request: FastifyRequest,
    reply: FastifyReply,
    form: { values: FormValues; errors: FormErrors } | null,
  ) {
    const { plan, source } = await getNewPriority({
      db,
      actor: request.viewer,
      planId: paramId(request, 'id'),
      from: reviewElementFromQuery(request.query),
    });
    // From a review, the element's name is a first draft of the priority.
    const values = form?.values ?? (source ? { title: source.elementName } : {});
    const errors = form?.errors ?? FormErrors.none();
    return reply.renderPage({
      title: 'Add a priority',
      ...(errors.any ? { status: 400, hasErrors: true } : {}),
      content: (
        <NewPriorityPage
          plan={plan}
          source={source}
          values={values}
          errors={errors}
          creationKey={typedText(values, 'creationKey') || randomUUID()}
        />
      ),
    });
  }

  app.get(routes.priorityNew, signedIn, async function newPriorityGet(request, reply) {
    return newPage(request, reply, null);
  });

  app.post(routes.priorityNew, signedIn, async function newPriorityPost(request, reply) {
    const planId = paramId(request, 'id');
    const from = reviewElementFromQuery(request.query);
    const form = parseForm(priorityForm, request.body);
    if (!form.ok) return newPage(request, reply, form);
    const { title, intendedOutcome, successCriteria, creationKey } = form.data;
    await addPriority({
      db,
      actor: request.viewer,
      planId,
      from,
      text: { title, intendedOutcome, successCriteria },
      creationKey: creationKeyOr(creationKey),
    });
    return reply.redirect(planPaths.plan(planId, 'priority-added'), 303);
  });

  async function editPage(
    request: FastifyRequest,
    reply: FastifyReply,
    form: { values: FormValues; errors: FormErrors; stale: PriorityRow | null } | null,
  ) {
    const { plan, priority } = await getPriority({
      db,
      actor: request.viewer,
      planId: paramId(request, 'id'),
      priorityId: paramId(request, 'priorityId'),
    });
    const values = form?.values ?? priorityValues(priority);
    const stale = form?.stale
      ? {
          current: form.stale,
          differences: differencesOf([
            ['Priority', form.stale.title, typedText(values, 'title')],
            ['Intended outcome', form.stale.intendedOutcome, typedText(values, 'intendedOutcome')],
            ['Success criteria', form.stale.successCriteria, typedText(values, 'successCriteria')],
          ]),
        }
      : null;
    const errors = form?.errors ?? FormErrors.none();
    return reply.renderPage({
      title: 'Change the priority',
      status: stale ? 409 : errors.any ? 400 : 200,
      ...(errors.any ? { hasErrors: true } : {}),
      content: <EditPriorityPage plan={plan} priority={priority} values={values} errors={errors} stale={stale} />,
    });
  }

  app.get(routes.priority, signedIn, async function priorityGet(request, reply) {
    return editPage(request, reply, null);
  });

  app.post(routes.priority, signedIn, async function priorityPost(request, reply) {
    const planId = paramId(request, 'id');
    const priorityId = paramId(request, 'priorityId');
    const form = parseForm(priorityForm, request.body);
    if (!form.ok) return editPage(request, reply, { ...form, stale: null });
    const { title, intendedOutcome, successCriteria, version } = form.data;
    const result = await savePriority({
      db,
      actor: request.viewer,
      planId,
      priorityId,
      version,
      text: { title, intendedOutcome, successCriteria },
    });
    if (result.outcome === 'stale') {
      return editPage(request, reply, { values: form.values, errors: FormErrors.none(), stale: result.current });
    }
    return reply.redirect(planPaths.plan(planId, 'priority-saved'), 303);
  });

  app.post(routes.priorityMove, signedIn, async function movePriorityPost(request, reply) {
    const planId = paramId(request, 'id');
    const priorityId = paramId(request, 'priorityId');
    const form = moveForm.safeParse(request.body ?? {});
    // Only the page's own buttons send a direction; anything else is not a request this page makes.
    if (!form.success) {
      await getPriority({ db, actor: request.viewer, planId, priorityId });
      throw new AppError('Invalid', 'Choose to move the priority up or down');
    }
    await movePriority({ db, actor: request.viewer, planId, priorityId, direction: form.data.direction });
    return reply.redirect(`${planPaths.plan(planId, 'priority-moved')}#priority-${priorityId}`, 303);
  });
}
