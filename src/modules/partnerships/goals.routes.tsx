import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { requireSignedIn } from '../../platform/access/guards.ts';
import { auditContext } from '../../platform/audit/audit.ts';
import { creationKey, recordVersion, requiredText } from '../../platform/forms/fields.ts';
import { FormErrors, parseForm, typedText, type FormValues } from '../../platform/forms/forms.ts';
import { parseId } from '../../platform/http/app-error.ts';
import { addGoal, getGoalForm, getNewGoalForm, saveGoal, type GoalForm, type GoalRow } from './goals.service.ts';
import type { PartnershipsOptions } from './index.ts';
import { partnershipPaths } from './partnerships.paths.ts';
import { GoalFormPage, goalHeading, goalValues } from './views/goal-form-page.tsx';

const { routes } = partnershipPaths;

const goalForm = z.object({
  title: requiredText('Enter the goal', { maxLength: 300 }),
  measureOfSuccess: requiredText('Enter how success will be measured', { maxLength: 5_000 }),
  creationKey,
  version: recordVersion,
});

const params = (request: FastifyRequest) => request.params as { id?: unknown; goalId?: unknown };
const partnershipIdOf = (request: FastifyRequest) => parseId(params(request).id);
const goalIdOf = (request: FastifyRequest) => parseId(params(request).goalId);

/** A partnership's goals with their measures of success: adding one, and changing one. */
export async function goalRoutes(app: FastifyInstance, { db }: PartnershipsOptions): Promise<void> {
  const signedIn = { preHandler: requireSignedIn };

  function formPage(
    reply: FastifyReply,
    form: GoalForm,
    typed: { values: FormValues; errors: FormErrors; stale: GoalRow | null } | null,
  ) {
    const values = typed?.values ?? (form.goal ? goalValues(form.goal) : {});
    const errors = typed?.errors ?? FormErrors.none();
    return reply.renderPage({
      title: goalHeading(form),
      status: typed?.stale ? 409 : errors.any ? 400 : 200,
      ...(errors.any ? { hasErrors: true } : {}),
      content: (
        <GoalFormPage
          form={form}
          values={values}
          errors={errors}
          creationKey={form.goal ? null : typedText(values, 'creationKey') || randomUUID()}
          stale={typed?.stale ?? null}
        />
      ),
    });
  }

  app.get(routes.goalNew, signedIn, async function newGoalGet(request, reply) {
    const form = await getNewGoalForm({ db, actor: request.viewer, partnershipId: partnershipIdOf(request) });
    return formPage(reply, form, null);
  });

  app.post(routes.goalNew, signedIn, async function newGoalPost(request, reply) {
    const partnershipId = partnershipIdOf(request);
    const parsed = parseForm(goalForm, request.body);
    if (!parsed.ok) {
      return formPage(reply, await getNewGoalForm({ db, actor: request.viewer, partnershipId }), {
        ...parsed,
        stale: null,
      });
    }
    const { title, measureOfSuccess, creationKey } = parsed.data;
    await addGoal({
      db,
      actor: request.viewer,
      partnershipId,
      text: { title, measureOfSuccess },
      creationKey: creationKey || randomUUID(),
    });
    return reply.redirect(partnershipPaths.of(partnershipId, 'establishing', {}, 'goal-added'), 303);
  });

  app.get(routes.goal, signedIn, async function goalGet(request, reply) {
    const form = await getGoalForm({
      db,
      actor: request.viewer,
      partnershipId: partnershipIdOf(request),
      goalId: goalIdOf(request),
      audit: auditContext(request),
    });
    return formPage(reply, form, null);
  });

  app.post(routes.goal, signedIn, async function goalPost(request, reply) {
    const partnershipId = partnershipIdOf(request);
    const goalId = goalIdOf(request);
    const reload = () => getGoalForm({ db, actor: request.viewer, partnershipId, goalId, forWriting: true });
    const parsed = parseForm(goalForm, request.body);
    if (!parsed.ok) return formPage(reply, await reload(), { ...parsed, stale: null });
    const { title, measureOfSuccess, version } = parsed.data;
    const result = await saveGoal({
      db,
      actor: request.viewer,
      partnershipId,
      goalId,
      version,
      text: { title, measureOfSuccess },
    });
    if (result.outcome === 'stale') {
      return formPage(reply, await reload(), {
        values: parsed.values,
        errors: FormErrors.none(),
        stale: result.current,
      });
    }
    return reply.redirect(partnershipPaths.of(partnershipId, 'establishing', {}, 'goal-saved'), 303);
  });
}
