import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { requireSignedIn } from '../../platform/access/guards.ts';
import { auditContext } from '../../platform/audit/audit.ts';
import { FormErrors, parseForm, typedText, type FormValues } from '../../platform/forms/forms.ts';
import { isId, parseId } from '../../platform/http/app-error.ts';
import { chemistryUpdateForm, parseChemistryForm } from './chemistry.schemas.ts';
import {
  chooseMentor,
  confirmMatch,
  getConversation,
  getNewConversation,
  saveOutcomeNote,
  scheduleConversation,
  setConversationStatus,
} from './chemistry.service.ts';
import type { PartnershipsOptions } from './index.ts';
import { matchingDoneFrom, partnershipIdOf } from './matching.routes.tsx';
import { partnershipPaths } from './partnerships.paths.ts';
import { ConversationPage } from './views/chemistry-page.tsx';
import { NewConversationPage } from './views/chemistry-new-page.tsx';

const { routes } = partnershipPaths;

const conversationIdOf = (request: FastifyRequest) =>
  parseId((request.params as { conversationId?: unknown }).conversationId);

export async function chemistryRoutes(app: FastifyInstance, { db, cipher }: PartnershipsOptions): Promise<void> {
  const signedIn = { preHandler: requireSignedIn };

  async function newPage(
    request: FastifyRequest,
    reply: FastifyReply,
    sent: { values: FormValues; errors: FormErrors } | null,
  ) {
    const { partnership, ranked, conversations, isStaff } = await getNewConversation({
      db,
      actor: request.viewer,
      partnershipId: partnershipIdOf(request),
    });
    const values = sent?.values ?? { duration: '60' };
    const errors = sent?.errors ?? FormErrors.none();
    return reply.renderPage({
      title: 'Schedule a chemistry conversation',
      ...(errors.any ? { status: 400, hasErrors: true } : {}),
      content: (
        <NewConversationPage
          partnership={partnership}
          ranked={ranked}
          conversations={conversations}
          values={values}
          errors={errors}
          creationKey={typedText(values, 'creationKey') || randomUUID()}
          backToMatching={isStaff}
        />
      ),
    });
  }

  app.get(routes.chemistryNew, signedIn, async function chemistryNewGet(request, reply) {
    return newPage(request, reply, null);
  });

  app.post(routes.chemistryNew, signedIn, async function chemistryNewPost(request, reply) {
    const partnershipId = partnershipIdOf(request);
    // Refuse outsiders (and the wrong stage) before reading what was sent.
    const { ranked } = await getNewConversation({ db, actor: request.viewer, partnershipId });
    const form = parseChemistryForm(request.body);
    if (!form.ok) return newPage(request, reply, form);
    const refuse = (message: string) =>
      newPage(request, reply, { values: form.values, errors: new FormErrors([{ field: 'mentor', message }]) });
    const { mentor, creationKey, duration, place } = form.data;
    if (!isId(mentor)) return refuse('Select a mentor from the list');
    const result = await scheduleConversation({
      db,
      actor: request.viewer,
      partnershipId,
      mentorProfileId: mentor.toLowerCase(),
      startsAt: form.startsAt,
      durationMinutes: duration,
      place,
      creationKey: creationKey || randomUUID(),
    });
    if (result.outcome === 'not-offered') {
      return refuse('That mentor cannot be offered to this mentee now. Select another mentor');
    }
    if (result.outcome === 'same-mentor') {
      const name = ranked.find((each) => each.mentor.id === mentor.toLowerCase())?.mentor.name ?? 'this mentor';
      return refuse(
        `There is already a conversation with ${name}: each chemistry conversation is with a different mentor. Select another mentor, or cancel the first conversation`,
      );
    }
    return reply.redirect(
      partnershipPaths.of(partnershipId, 'chemistry', { conversationId: result.conversationId }, 'scheduled'),
      303,
    );
  });

  async function conversationPage(
    request: FastifyRequest,
    reply: FastifyReply,
    sent: { noteTyped: string; errors: FormErrors } | null,
  ) {
    const view = await getConversation({
      db,
      cipher,
      actor: request.viewer,
      partnershipId: partnershipIdOf(request),
      conversationId: conversationIdOf(request),
      audit: auditContext(request),
    });
    const errors = sent?.errors ?? FormErrors.none();
    return reply.renderPage({
      title: `Chemistry conversation with ${view.conversation.mentorName}`,
      ...(errors.any ? { status: 400, hasErrors: true } : {}),
      content: (
        <ConversationPage
          view={view}
          noteTyped={sent?.noteTyped ?? null}
          errors={errors}
          done={sent ? null : matchingDoneFrom(request.query)}
        />
      ),
    });
  }

  app.get(routes.chemistry, signedIn, async function chemistryGet(request, reply) {
    return conversationPage(request, reply, null);
  });

  app.post(routes.chemistry, signedIn, async function chemistryPost(request, reply) {
    const partnershipId = partnershipIdOf(request);
    const conversationId = conversationIdOf(request);
    const form = parseForm(chemistryUpdateForm, request.body);
    const actor = request.viewer;
    if (!form.ok) {
      // Only the note can be wrong (too long): the mentee side gets it back, as typed.
      return conversationPage(request, reply, { noteTyped: typedText(form.values, 'note'), errors: form.errors });
    }
    const { intent, note } = form.data;
    if (intent === 'note') {
      await saveOutcomeNote({ db, cipher, actor, partnershipId, conversationId, note });
    } else {
      await setConversationStatus({ db, actor, partnershipId, conversationId, status: intent });
    }
    const done = intent === 'note' ? 'note-saved' : 'conversation-saved';
    return reply.redirect(partnershipPaths.of(partnershipId, 'chemistry', { conversationId }, done), 303);
  });

  app.post(routes.chooseMentor, signedIn, async function chooseMentorPost(request, reply) {
    const partnershipId = partnershipIdOf(request);
    const conversationId = parseId((request.body as { conversationId?: unknown } | undefined)?.conversationId);
    await chooseMentor({ db, actor: request.viewer, partnershipId, conversationId });
    return reply.redirect(partnershipPaths.of(partnershipId, 'chemistry', { conversationId }, 'chosen'), 303);
  });

  app.post(routes.confirmMatch, signedIn, async function confirmMatchPost(request, reply) {
    const partnershipId = partnershipIdOf(request);
    await confirmMatch({ db, actor: request.viewer, partnershipId });
    return reply.redirect(partnershipPaths.of(partnershipId, 'matching', {}, 'confirmed'), 303);
  });
}
