import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { requireSignedIn } from '../../platform/access/guards.ts';
import { auditContext } from '../../platform/audit/audit.ts';
import type { AppDb } from '../../platform/db/database.ts';
import { optionalText, requiredText } from '../../platform/forms/fields.ts';
import { formValuesOf, parseForm, typedText } from '../../platform/forms/forms.ts';
import { isId } from '../../platform/http/app-error.ts';
import { getPriorityComments, postComment } from './comments.service.ts';
import { planDoneMessages, planPaths } from './plans.paths.ts';
import { creationKeyOr, doneFrom, paramId } from './plans.request.ts';
import { commentFieldId, CommentsPage, type SentComment } from './views/comments-page.tsx';

const { routes } = planPaths;

const commentForm = z.object({
  body: requiredText('Enter your comment', { maxLength: 5_000 }),
  replyTo: optionalText({ maxLength: 100 }),
  creationKey: optionalText({ maxLength: 100 }),
});

/** The comment a reply answers, if the form names one that could be an id; anything else posts a new comment. */
function replyToOf(typed: string): string | null {
  return isId(typed) ? typed : null;
}

export async function commentRoutes(app: FastifyInstance, { db }: { db: AppDb }): Promise<void> {
  const signedIn = { preHandler: requireSignedIn };

  async function page(request: FastifyRequest, reply: FastifyReply, sent: SentComment | null) {
    const comments = await getPriorityComments({
      db,
      actor: request.viewer,
      planId: paramId(request, 'id'),
      priorityId: paramId(request, 'priorityId'),
      audit: auditContext(request),
    });
    const done = doneFrom(request.query);
    return reply.renderPage({
      title: `Comments on ${comments.priority.title}`,
      ...(sent ? { status: 400, hasErrors: true } : {}),
      content: (
        <CommentsPage
          comments={comments}
          sent={sent}
          done={done && !sent ? planDoneMessages[done] : null}
          creationKey={(sent && typedText(sent.values, 'creationKey')) || randomUUID()}
        />
      ),
    });
  }

  app.get(routes.comments, signedIn, async function commentsGet(request, reply) {
    return page(request, reply, null);
  });

  app.post(routes.comments, signedIn, async function commentsPost(request, reply) {
    const planId = paramId(request, 'id');
    const priorityId = paramId(request, 'priorityId');
    const replyTo = replyToOf(typedText(formValuesOf(request.body), 'replyTo'));
    const form = parseForm(commentForm, request.body, { body: commentFieldId(replyTo) });
    if (!form.ok) return page(request, reply, { replyTo, values: form.values, errors: form.errors });
    await postComment({
      db,
      actor: request.viewer,
      planId,
      priorityId,
      body: form.data.body,
      replyToCommentId: replyTo,
      creationKey: creationKeyOr(form.data.creationKey),
    });
    return reply.redirect(planPaths.comments(planId, priorityId, 'comment-posted'), 303);
  });
}
