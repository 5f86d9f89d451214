import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { z } from 'zod';
import { requireSignedIn } from '../../platform/access/guards.ts';
import type { AppDb } from '../../platform/db/database.ts';
import { dateValues, describeTypedDate, parseDatedForm } from '../../platform/forms/date-fields.ts';
import { FormErrors, typedList, typedText, type FormValues } from '../../platform/forms/forms.ts';
import { formatDay } from '../../platform/views/london-time.ts';
import { getPlanToEdit, type MilestoneRow, type PlanRow } from './plans.service.ts';
import { addMilestone, getMilestone, saveMilestone, type MilestoneInput } from './milestones.service.ts';
import { planPaths } from './plans.paths.ts';
import { creationKeyOr, paramId } from './plans.request.ts';
import { milestoneDate, milestoneForm } from './plans.schemas.ts';
import { MilestonePage } from './views/milestone-page.tsx';
import { differencesOf } from './views/plan-parts.tsx';

const { routes } = planPaths;

const milestoneDates = { dates: [milestoneDate], order: ['title', milestoneDate.name, 'reached'] };

function milestoneValues(milestone: MilestoneRow): FormValues {
  return {
    title: milestone.title,
    ...dateValues(milestoneDate.name, milestone.dueOn),
    ...(milestone.reached ? { reached: 'yes' } : {}),
  };
}

function inputOf(data: z.output<typeof milestoneForm>, dates: Record<string, string>): MilestoneInput {
  return { title: data.title, dueOn: dates[milestoneDate.name] ?? '', reached: data.reached.includes('yes') };
}

const reachedText = (reached: boolean) => (reached ? 'Reached' : 'Not reached');

export async function milestoneRoutes(app: FastifyInstance, { db }: { db: AppDb }): Promise<void> {
  const signedIn = { preHandler: requireSignedIn };

  function page(
    reply: FastifyReply,
    { plan, milestone }: { plan: PlanRow; milestone: MilestoneRow | null },
    typed: { values: FormValues; errors: FormErrors; stale: MilestoneRow | null } | null,
  ) {
    const values = typed?.values ?? (milestone ? milestoneValues(milestone) : {});
    const errors = typed?.errors ?? FormErrors.none();
    const stale = typed?.stale
      ? {
          current: typed.stale,
          differences: differencesOf([
            ['Milestone', typed.stale.title, typedText(values, 'title')],
            ['Date', formatDay(typed.stale.dueOn), describeTypedDate(values, milestoneDate)],
            ['Reached?', reachedText(typed.stale.reached), reachedText(typedList(values, 'reached').includes('yes'))],
          ]),
        }
      : null;
    return reply.renderPage({
      title: milestone ? 'Change the milestone' : 'Add a milestone',
      status: stale ? 409 : errors.any ? 400 : 200,
      ...(errors.any ? { hasErrors: true } : {}),
      content: (
        <MilestonePage
          plan={plan}
          milestone={milestone}
          values={values}
          errors={errors}
          creationKey={milestone ? null : typedText(values, 'creationKey') || randomUUID()}
          stale={stale}
        />
      ),
    });
  }

  app.get(routes.milestoneNew, signedIn, async function newMilestoneGet(request, reply) {
    const plan = await getPlanToEdit({ db, actor: request.viewer, planId: paramId(request, 'id') });
    return page(reply, { plan, milestone: null }, null);
  });

  app.post(routes.milestoneNew, signedIn, async function newMilestonePost(request, reply) {
    const planId = paramId(request, 'id');
    const plan = await getPlanToEdit({ db, actor: request.viewer, planId });
    const form = parseDatedForm(milestoneForm, request.body, milestoneDates);
    if (!form.ok) return page(reply, { plan, milestone: null }, { ...form, stale: null });
    await addMilestone({
      db,
      actor: request.viewer,
      planId,
      input: inputOf(form.data, form.dates),
      creationKey: creationKeyOr(form.data.creationKey),
    });
    return reply.redirect(planPaths.plan(planId, 'milestone-added'), 303);
  });

  app.get(routes.milestone, signedIn, async function milestoneGet(request, reply) {
    const found = await getMilestone({
      db,
      actor: request.viewer,
      planId: paramId(request, 'id'),
      milestoneId: paramId(request, 'milestoneId'),
    });
    return page(reply, found, null);
  });

  app.post(routes.milestone, signedIn, async function milestonePost(request, reply) {
    const planId = paramId(request, 'id');
    const milestoneId = paramId(request, 'milestoneId');
    const found = await getMilestone({ db, actor: request.viewer, planId, milestoneId });
    const form = parseDatedForm(milestoneForm, request.body, milestoneDates);
    if (!form.ok) return page(reply, found, { ...form, stale: null });
    const result = await saveMilestone({
      db,
      actor: request.viewer,
      planId,
      milestoneId,
      input: inputOf(form.data, form.dates),
      version: form.data.version,
    });
    if (result.outcome === 'stale') {
      return page(reply, found, { values: form.values, errors: FormErrors.none(), stale: result.current });
    }
    return reply.redirect(planPaths.plan(planId, 'milestone-saved'), 303);
  });
}
