import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { requireSignedIn } from '../../platform/access/guards.ts';
import type { AppDb } from '../../platform/db/database.ts';
import { email, requiredText } from '../../platform/forms/fields.ts';
import { FormErrors, parseForm, type FormValues } from '../../platform/forms/forms.ts';
import { auditContext } from '../../platform/audit/audit.ts';
import { AppError, isId, parseId } from '../../platform/http/app-error.ts';
import { lookupLimitedMessage } from '../../platform/http/lookup-limit.ts';
import {
  addParticipant,
  getParticipant,
  removeParticipant,
  type AddParticipantOutcome,
} from './participants.service.ts';
import { doneFrom, reviewIdFrom } from './reviews.routes.tsx';
import { reviewPaths } from './reviews.paths.ts';
import { getReviewOverview, removeGroup, saveGroup } from './reviews.service.ts';
import {
  AddParticipantPage,
  GroupsPage,
  RemoveGroupPage,
  RemoveParticipantPage,
} from './views/review-people-pages.tsx';

const { routes } = reviewPaths;

const participantForm = z.object({
  email: email('Enter the email address of the person to add'),
  group: z.preprocess((value) => (typeof value === 'string' ? value : ''), z.string().min(1, 'Select a group')),
  lead: z.preprocess((value) => [value].flat().includes('yes'), z.boolean()),
});

const groupForm = z.object({ name: requiredText('Enter a name for the group', { maxLength: 100 }) });

const addProblems: Record<Exclude<AddParticipantOutcome['outcome'], 'added'>, { field: string; message: string }> = {
  'no-account': {
    field: 'email',
    message: 'There is no Tandem account with that email address. Ask their chief executive to invite them first',
  },
  'lookup-limited': { field: 'email', message: lookupLimitedMessage },
  'already-taking-part': { field: 'email', message: 'That person is already taking part in this review' },
  'unknown-group': { field: 'group', message: 'Select one of the groups shown' },
  'partner-not-in-a-trust': {
    field: 'email',
    message: 'Someone in the partner trust’s group must belong to another trust in Tandem',
  },
  'partner-from-another-trust': {
    field: 'email',
    message: 'Everyone in the partner trust’s group comes from one trust',
  },
};

async function leadOverview(db: AppDb, request: FastifyRequest) {
  const overview = await getReviewOverview({ db, actor: request.viewer, reviewId: reviewIdFrom(request) });
  if (!overview.access.lead) throw AppError.notFound();
  return overview;
}

export async function reviewPeopleRoutes(app: FastifyInstance, { db }: { db: AppDb }): Promise<void> {
  const signedIn = { preHandler: requireSignedIn };

  async function addPage(request: FastifyRequest, reply: FastifyReply, values: FormValues, errors: FormErrors) {
    const { review, groups } = await leadOverview(db, request);
    if (review.status !== 'open') return reply.redirect(reviewPaths.review(review.id), 303);
    return reply.renderPage({
      title: 'Add a person to the review',
      ...(errors.any ? { status: 400, hasErrors: true } : {}),
      content: <AddParticipantPage review={review} groups={groups} values={values} errors={errors} />,
    });
  }

  app.get(routes.participantNew, signedIn, async function participantNewGet(request, reply) {
    return addPage(request, reply, {}, FormErrors.none());
  });

  app.post(routes.participantNew, signedIn, async function participantNewPost(request, reply) {
    const reviewId = reviewIdFrom(request);
    const form = parseForm(participantForm, request.body, { group: 'group' });
    if (!form.ok) return addPage(request, reply, form.values, form.errors);
    const groupId = form.data.group === 'none' ? null : form.data.group;
    if (groupId === null && !form.data.lead) {
      const errors = new FormErrors([{ field: 'group', message: 'Select a group, or make them a lead' }]);
      return addPage(request, reply, form.values, errors);
    }
    if (groupId !== null && !isId(groupId)) {
      return addPage(request, reply, form.values, new FormErrors([addProblems['unknown-group']]));
    }
    const result = await addParticipant({
      db,
      actor: request.viewer,
      reviewId,
      email: form.data.email,
      groupId,
      asLead: form.data.lead,
      audit: auditContext(request),
    });
    if (result.outcome !== 'added')
      return addPage(request, reply, form.values, new FormErrors([addProblems[result.outcome]]));
    return reply.redirect(reviewPaths.review(reviewId, 'participant-added'), 303);
  });

  async function removePage(request: FastifyRequest, reply: FastifyReply, problem: string | null) {
    const reviewId = reviewIdFrom(request);
    const participantId = parseId((request.params as { participantId?: unknown }).participantId);
    const participant = await getParticipant({ db, actor: request.viewer, reviewId, participantId });
    if (!participant) throw AppError.notFound();
    const { review } = await leadOverview(db, request);
    return reply.renderPage({
      title: `Remove ${participant.displayName} from the review?`,
      ...(problem ? { status: 409 } : {}),
      content: (
        <RemoveParticipantPage
          review={review}
          name={participant.displayName}
          participantId={participantId}
          problem={problem}
        />
      ),
    });
  }

  app.get(routes.participantRemove, signedIn, async function participantRemoveGet(request, reply) {
    return removePage(request, reply, null);
  });

  app.post(routes.participantRemove, signedIn, async function participantRemovePost(request, reply) {
    const reviewId = reviewIdFrom(request);
    const participantId = parseId((request.params as { participantId?: unknown }).participantId);
    const result = await removeParticipant({ db, actor: request.viewer, reviewId, participantId });
    if (result.outcome === 'not-found') throw AppError.notFound();
    if (result.outcome === 'last-lead')
      return removePage(request, reply, 'A review needs at least one lead. Add another lead first.');
    if (result.outcome === 'has-ratings') {
      return removePage(
        request,
        reply,
        `They have rated ${result.rated} elements: their ratings stay part of the review.`,
      );
    }
    return reply.redirect(reviewPaths.review(reviewId, 'participant-removed'), 303);
  });

  async function groupsPage(request: FastifyRequest, reply: FastifyReply, values: FormValues, errors: FormErrors) {
    const { review, groups, participants } = await leadOverview(db, request);
    if (review.status !== 'open') return reply.redirect(reviewPaths.review(review.id), 303);
    const counts = new Map<string, number>();
    for (const participant of participants) {
      if (participant.groupId) counts.set(participant.groupId, (counts.get(participant.groupId) ?? 0) + 1);
    }
    return reply.renderPage({
      title: 'Groups',
      ...(errors.any ? { status: 400, hasErrors: true } : {}),
      content: (
        <GroupsPage
          review={review}
          groups={groups}
          counts={counts}
          values={values}
          errors={errors}
          done={doneFrom(request.query)}
        />
      ),
    });
  }

  app.get(routes.groups, signedIn, async function groupsGet(request, reply) {
    return groupsPage(request, reply, {}, FormErrors.none());
  });

  /** Adding a group (no group id) and renaming one share their checks and their answers. */
  async function saveGroupPost(request: FastifyRequest, reply: FastifyReply, groupId?: string) {
    const reviewId = reviewIdFrom(request);
    const field = groupId ? `name-${groupId}` : 'name';
    const form = parseForm(groupForm, request.body);
    const refuse = (message: string) =>
      groupsPage(request, reply, groupId ? {} : form.values, new FormErrors([{ field, message }]));
    if (!form.ok) return refuse(form.errors.field('name')?.text ?? 'Enter a name for the group');
    const result = await saveGroup({
      db,
      actor: request.viewer,
      reviewId,
      name: form.data.name,
      ...(groupId ? { groupId } : {}),
    });
    if (result.outcome === 'not-found') throw AppError.notFound();
    if (result.outcome === 'name-taken') return refuse('This review already has a group with that name');
    return reply.redirect(reviewPaths.groups(reviewId, 'group-saved'), 303);
  }

  app.post(routes.groups, signedIn, async function groupsPost(request, reply) {
    return saveGroupPost(request, reply);
  });

  app.post(routes.group, signedIn, async function groupPost(request, reply) {
    return saveGroupPost(request, reply, parseId((request.params as { groupId?: unknown }).groupId));
  });

  app.get(routes.groupRemove, signedIn, async function groupRemoveGet(request, reply) {
    const groupId = parseId((request.params as { groupId?: unknown }).groupId);
    const { review, groups } = await leadOverview(db, request);
    const group = groups.find((each) => each.id === groupId);
    if (!group) throw AppError.notFound();
    return reply.renderPage({
      title: `Remove the group “${group.name}”?`,
      content: <RemoveGroupPage review={review} group={group} />,
    });
  });

  app.post(routes.groupRemove, signedIn, async function groupRemovePost(request, reply) {
    const reviewId = reviewIdFrom(request);
    const groupId = parseId((request.params as { groupId?: unknown }).groupId);
    const result = await removeGroup({ db, actor: request.viewer, reviewId, groupId });
    if (result.outcome === 'not-found') throw AppError.notFound();
    if (result.outcome === 'not-empty') throw AppError.conflict();
    return reply.redirect(reviewPaths.groups(reviewId, 'group-removed'), 303);
  });
}
