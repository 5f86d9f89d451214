import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { requireSignedIn, signedInViewer } from '../../platform/access/guards.ts';
import { auditContext } from '../../platform/audit/audit.ts';
import { checkboxes, choice, email, optionalText, pageQuerySchema } from '../../platform/forms/fields.ts';
import { FormErrors, parseForm, type FormValues } from '../../platform/forms/forms.ts';
import { AppError, parseId } from '../../platform/http/app-error.ts';
import { londonDay } from '../../platform/views/london-time.ts';
import { getProviderDashboard } from './dashboard.service.ts';
import type { PartnershipsOptions } from './index.ts';
import { getParticipantToRemove, removeParticipant, setParticipantLead } from './participant-changes.service.ts';
import { addParticipant, getParticipants, listPartnershipReads } from './participants.service.ts';
import { partnershipPaths } from './partnerships.paths.ts';
import { getPartnershipOverview, listPartnerships } from './partnerships.service.ts';
import { partnershipSides, partnershipStates, type PartnershipState } from './partnerships.tables.ts';
import { DashboardPage } from './views/dashboard-page.tsx';
import { ParticipantRemovePage } from './views/participant-remove-page.tsx';
import { ParticipantsPage } from './views/participants-page.tsx';
import { PartnershipListPage } from './views/partnership-list-page.tsx';
import { PartnershipPage } from './views/partnership-page.tsx';
import { ReadsPage } from './views/reads-page.tsx';

const { routes } = partnershipPaths;

const participantForm = z.object({
  email: email('Enter the email address of the person to add'),
  side: choice(partnershipSides, 'Select which side they take part on'),
  trust: optionalText({ maxLength: 200 }),
  lead: checkboxes(['yes']),
});

const leadForm = z.object({ lead: choice(['yes', 'no'] as const, 'Choose whether they are a lead contact') });

/** "Done" messages a page may show after a redirect, by key. */
const doneMessages = {
  added: 'They have been added to the partnership.',
  removed: 'They have been removed from the partnership and no longer see anything in it.',
  'lead-changed': 'Lead contacts changed.',
  'not-taking-part': 'They no longer take part in the partnership.',
} as const;

function doneOf(request: FastifyRequest): string | null {
  const done = (request.query as { done?: unknown } | undefined)?.done;
  return typeof done === 'string' && done in doneMessages ? doneMessages[done as keyof typeof doneMessages] : null;
}

const idOf = (request: FastifyRequest, name = 'id') => parseId((request.params as Record<string, unknown>)[name]);

/** The dashboard's state filter comes from its own links: a state it does not know names no list. */
function stateFilterOf(request: FastifyRequest): PartnershipState | null {
  const state = (request.query as { state?: unknown } | undefined)?.state;
  if (state === undefined || state === '') return null;
  const known = partnershipStates.find((each) => each === state);
  if (!known) throw AppError.notFound();
  return known;
}

/** The partnerships list, a partnership's page, who takes part, the mentee's read log and the provider's dashboard. */
export async function partnershipRoutes(app: FastifyInstance, { db }: PartnershipsOptions): Promise<void> {
  const signedIn = { preHandler: requireSignedIn };

  app.get(routes.list, signedIn, async function partnershipListGet(request, reply) {
    const lists = await listPartnerships({ db, actor: signedInViewer(request) });
    return reply.renderPage({ title: 'Mentoring', content: <PartnershipListPage {...lists} /> });
  });

  app.get(routes.partnership, signedIn, async function partnershipGet(request, reply) {
    const overview = await getPartnershipOverview({
      db,
      actor: request.viewer,
      partnershipId: idOf(request),
      audit: auditContext(request),
    });
    return reply.renderPage({
      title: overview.partnership.title,
      content: <PartnershipPage overview={overview} done={doneOf(request)} />,
    });
  });

  async function participantsPage(request: FastifyRequest, sent: { values: FormValues; errors: FormErrors } | null) {
    const found = await getParticipants({ db, actor: request.viewer, partnershipId: idOf(request) });
    const errors = sent?.errors ?? FormErrors.none();
    return {
      title: `Who takes part: ${found.partnership.title}`,
      ...(errors.any ? { status: 400, hasErrors: true } : {}),
      content: (
        <ParticipantsPage {...found} values={sent?.values ?? {}} errors={errors} done={sent ? null : doneOf(request)} />
      ),
    };
  }

  /** The page asking whether to remove someone; `refused` with the reason a removal was just turned down. */
  async function removePage(request: FastifyRequest, personId: string, refused: string | null) {
    const found = await getParticipantToRemove({ db, actor: request.viewer, partnershipId: idOf(request), personId });
    const problem = refused ?? found.problem;
    return {
      title: `Remove ${found.participant.displayName} from the partnership?`,
      ...(refused ? { status: 409, hasErrors: true } : {}),
      content: <ParticipantRemovePage {...found} problem={problem} refused={refused !== null} />,
    };
  }

  app.get(routes.participants, signedIn, async function participantsGet(request, reply) {
    return reply.renderPage(await participantsPage(request, null));
  });

  app.get(routes.participantRemove, signedIn, async function participantRemoveGet(request, reply) {
    return reply.renderPage(await removePage(request, idOf(request, 'personId'), null));
  });

  app.post(routes.participantRemove, signedIn, async function participantRemovePost(request, reply) {
    const partnershipId = idOf(request);
    const personId = idOf(request, 'personId');
    const result = await removeParticipant({
      db,
      actor: request.viewer,
      partnershipId,
      personId,
      audit: auditContext(request),
    });
    if (result.outcome === 'refused') return reply.renderPage(await removePage(request, personId, result.message));
    const done = result.outcome === 'done' ? 'removed' : result.outcome;
    return reply.redirect(partnershipPaths.of(partnershipId, 'participants', {}, done), 303);
  });

  app.post(routes.participantLead, signedIn, async function participantLeadPost(request, reply) {
    const partnershipId = idOf(request);
    const form = parseForm(leadForm, request.body);
    if (!form.ok) {
      // The buttons send yes or no, so this is not our form: refuse those who may not change anyone first.
      const { manage } = await getParticipants({ db, actor: request.viewer, partnershipId });
      if (!manage) throw AppError.forbidden();
      throw new AppError('Invalid', 'The lead contact form was not sent as the page gave it');
    }
    const result = await setParticipantLead({
      db,
      actor: request.viewer,
      partnershipId,
      personId: idOf(request, 'personId'),
      lead: form.data.lead === 'yes',
      audit: auditContext(request),
    });
    if (result.outcome === 'refused') {
      const errors = new FormErrors([{ field: 'participants', message: result.message }]);
      return reply.renderPage({ ...(await participantsPage(request, { values: {}, errors })), status: 409 });
    }
    const done = result.outcome === 'done' ? 'lead-changed' : result.outcome;
    return reply.redirect(partnershipPaths.of(partnershipId, 'participants', {}, done), 303);
  });

  app.post(routes.participants, signedIn, async function participantsPost(request, reply) {
    const partnershipId = idOf(request);
    const form = parseForm(participantForm, request.body);
    if (!form.ok) {
      // Refuse those who may not add anyone before answering what they typed.
      const { manage } = await getParticipants({ db, actor: request.viewer, partnershipId });
      if (!manage) throw AppError.forbidden();
      return reply.renderPage(await participantsPage(request, form));
    }
    const { email: address, side, trust, lead } = form.data;
    const result = await addParticipant({
      db,
      actor: signedInViewer(request),
      partnershipId,
      email: address,
      side,
      trust,
      lead: lead.includes('yes'),
      audit: auditContext(request),
    });
    if (result.outcome === 'refused') {
      const errors = new FormErrors([{ field: result.field, message: result.message }]);
      return reply.renderPage(await participantsPage(request, { values: form.values, errors }));
    }
    return reply.redirect(partnershipPaths.of(partnershipId, 'participants', {}, 'added'), 303);
  });

  app.get(routes.reads, signedIn, async function readsGet(request, reply) {
    const { page } = pageQuerySchema.parse(request.query ?? {});
    const reads = await listPartnershipReads({ db, actor: request.viewer, partnershipId: idOf(request), page });
    return reply.renderPage({ title: `Who has read ${reads.partnership.title}`, content: <ReadsPage reads={reads} /> });
  });

  app.get(routes.dashboard, signedIn, async function dashboardGet(request, reply) {
    const { page } = pageQuerySchema.parse(request.query ?? {});
    const dashboard = await getProviderDashboard({
      db,
      actor: request.viewer,
      organisationId: idOf(request, 'organisationId'),
      state: stateFilterOf(request),
      page,
      today: londonDay(new Date()),
    });
    const { provider, page: shown, pageCount } = dashboard;
    return reply.renderPage({
      // "(page 2 of 30)": a screen reader hears which page it landed on first.
      title: `${provider.name}: partnerships${pageCount > 1 ? ` (page ${shown} of ${pageCount})` : ''}`,
      content: <DashboardPage dashboard={dashboard} />,
    });
  });
}
