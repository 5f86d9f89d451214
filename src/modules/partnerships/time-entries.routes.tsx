import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { requireSignedIn } from '../../platform/access/guards.ts';
import { parseDatedForm, typedDate } from '../../platform/forms/date-fields.ts';
import { FormErrors, typedText, type FormValues } from '../../platform/forms/forms.ts';
import type { PartnershipsOptions } from './index.ts';
import { param } from './meetings.routes.tsx';
import { conversationDate, conversationForm } from './meetings.schemas.ts';
import { partnershipPaths } from './partnerships.paths.ts';
import { getConversationForm, logConversation } from './time-entries.service.ts';
import type { BudgetWarning } from './time-budget.ts';
import { MeetingTimePage } from './views/meeting-time-page.tsx';

const { routes } = partnershipPaths;

/** Ad hoc conversations between meetings, logged briefly against the time budget. */
export async function timeEntryRoutes(app: FastifyInstance, { db }: PartnershipsOptions): Promise<void> {
  const signedIn = { preHandler: requireSignedIn };

  async function formPage(
    request: FastifyRequest,
    reply: FastifyReply,
    typed: { values: FormValues; errors: FormErrors; warnings?: BudgetWarning[] } | null,
  ) {
    const { partnership } = await getConversationForm({
      db,
      actor: request.viewer,
      partnershipId: param(request, 'id'),
    });
    const values = typed?.values ?? { counts: 'yes' };
    const errors = typed?.errors ?? FormErrors.none();
    return reply.renderPage({
      title: 'Log a conversation',
      status: errors.any ? 400 : 200,
      ...(errors.any ? { hasErrors: true } : {}),
      content: (
        <MeetingTimePage
          partnership={partnership}
          values={values}
          errors={errors}
          creationKey={typedText(values, 'creationKey') || randomUUID()}
          warnings={typed?.warnings ?? null}
        />
      ),
    });
  }

  app.get(routes.timeNew, signedIn, async function timeNewGet(request, reply) {
    return formPage(request, reply, null);
  });

  app.post(routes.timeNew, signedIn, async function timeNewPost(request, reply) {
    const partnershipId = param(request, 'id');
    const parsed = parseDatedForm(conversationForm, request.body, {
      dates: [conversationDate],
      order: ['occurredOn', 'minutes', 'description', 'counts'],
    });
    if (!parsed.ok) return formPage(request, reply, parsed);
    const result = await logConversation({
      db,
      actor: request.viewer,
      partnershipId,
      input: {
        occurredOn: typedDate(parsed.values, conversationDate.name),
        minutes: parsed.data.minutes,
        description: parsed.data.description,
        countsAgainstBudget: parsed.data.counts === 'yes',
      },
      confirmOverspend: parsed.data.confirmOverspend.includes('yes'),
      creationKey: parsed.data.creationKey || randomUUID(),
    });
    if (result.outcome === 'overspend') {
      return formPage(request, reply, { values: parsed.values, errors: FormErrors.none(), warnings: result.warnings });
    }
    return reply.redirect(partnershipPaths.of(partnershipId, 'meetings', {}, 'conversation'), 303);
  });
}
