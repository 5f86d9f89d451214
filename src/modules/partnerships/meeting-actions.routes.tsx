import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { requireSignedIn } from '../../platform/access/guards.ts';
import { parseDatedForm, typedDate } from '../../platform/forms/date-fields.ts';
import { FormErrors, typedText, type FormValues } from '../../platform/forms/forms.ts';
import type { PartnershipsOptions } from './index.ts';
import { addMeetingAction, getMeetingActionForm } from './meeting-actions.service.ts';
import { param } from './meetings.routes.tsx';
import { actionDue, meetingActionForm } from './meetings.schemas.ts';
import { partnershipPaths } from './partnerships.paths.ts';
import { MeetingActionPage } from './views/meeting-action-page.tsx';

const { routes } = partnershipPaths;

/** Actions agreed at a meeting: a title, an owner among the participants and a due date. */
export async function meetingActionRoutes(app: FastifyInstance, { db }: PartnershipsOptions): Promise<void> {
  const signedIn = { preHandler: requireSignedIn };

  async function formPage(
    request: FastifyRequest,
    reply: FastifyReply,
    typed: { values: FormValues; errors: FormErrors } | null,
  ) {
    const form = await getMeetingActionForm({
      db,
      actor: request.viewer,
      partnershipId: param(request, 'id'),
      meetingId: param(request, 'meetingId'),
    });
    const values = typed?.values ?? {};
    const errors = typed?.errors ?? FormErrors.none();
    return reply.renderPage({
      title: 'Add an action',
      status: errors.any ? 400 : 200,
      ...(errors.any ? { hasErrors: true } : {}),
      content: (
        <MeetingActionPage
          form={form}
          values={values}
          errors={errors}
          creationKey={typedText(values, 'creationKey') || randomUUID()}
        />
      ),
    });
  }

  app.get(routes.meetingActionNew, signedIn, async function meetingActionNewGet(request, reply) {
    return formPage(request, reply, null);
  });

  app.post(routes.meetingActionNew, signedIn, async function meetingActionNewPost(request, reply) {
    const partnershipId = param(request, 'id');
    const meetingId = param(request, 'meetingId');
    const parsed = parseDatedForm(meetingActionForm, request.body, {
      dates: [actionDue],
      order: ['title', 'owner', 'dueOn'],
    });
    if (!parsed.ok) return formPage(request, reply, parsed);
    const result = await addMeetingAction({
      db,
      actor: request.viewer,
      partnershipId,
      meetingId,
      input: {
        title: parsed.data.title,
        ownerPersonId: parsed.data.owner,
        dueOn: typedDate(parsed.values, actionDue.name),
      },
      creationKey: parsed.data.creationKey || randomUUID(),
    });
    if (result.outcome === 'invalid') {
      return formPage(request, reply, {
        values: parsed.values,
        errors: new FormErrors([{ field: result.field, message: result.message }]),
      });
    }
    return reply.redirect(partnershipPaths.of(partnershipId, 'meeting', { meetingId }, 'action-added'), 303);
  });
}
