import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { requireSignedIn } from '../../platform/access/guards.ts';
import { auditContext } from '../../platform/audit/audit.ts';
import { FormErrors, parseForm, type FormValues } from '../../platform/forms/forms.ts';
import { parseId } from '../../platform/http/app-error.ts';
import type { PartnershipsOptions } from './index.ts';
import { preferencesForm, preferencesOf } from './matching.schemas.ts';
import { getMatching, getPreferences, savePreferences } from './matching.service.ts';
import { partnershipPaths } from './partnerships.paths.ts';
import { MatchingPage } from './views/matching-page.tsx';
import { PreferencesPage, preferenceValues } from './views/matching-preferences-page.tsx';

const { routes } = partnershipPaths;

/** The "done" messages of matching and chemistry pages. */
export const matchingDoneMessages = {
  'preferences-saved': 'Your preferences have been saved',
  scheduled: 'The chemistry conversation has been scheduled',
  'conversation-saved': 'The conversation has been updated',
  'note-saved': 'Your note has been saved',
  chosen: 'You have chosen your mentor: the programme manager will confirm the match',
  confirmed: 'The match has been confirmed: the partnership moves on to the agreement',
} as const;

export function matchingDoneFrom(query: unknown): string | null {
  const done = (query as { done?: unknown } | undefined)?.done;
  return typeof done === 'string' && done in matchingDoneMessages
    ? matchingDoneMessages[done as keyof typeof matchingDoneMessages]
    : null;
}

export const partnershipIdOf = (request: FastifyRequest) => parseId((request.params as { id?: unknown }).id);

const fieldIds = { phases: 'phases', trustSize: 'trustSize', wants: 'wants', locality: 'locality' };

export async function matchingRoutes(app: FastifyInstance, { db }: PartnershipsOptions): Promise<void> {
  const signedIn = { preHandler: requireSignedIn };

  async function preferencesPage(
    request: FastifyRequest,
    reply: FastifyReply,
    sent: { values: FormValues; errors: FormErrors; status: number } | null,
  ) {
    const { partnership, preferences } = await getPreferences({
      db,
      actor: request.viewer,
      partnershipId: partnershipIdOf(request),
    });
    const errors = sent?.errors ?? FormErrors.none();
    const stale = sent?.status === 409;
    return reply.renderPage({
      title: 'Your preferences for a mentor',
      status: sent?.status ?? 200,
      ...(errors.any ? { hasErrors: true } : {}),
      content: (
        <PreferencesPage
          partnership={partnership}
          values={
            sent
              ? { ...sent.values, ...(stale ? { version: String(partnership.version) } : {}) }
              : preferenceValues(preferences, partnership.version)
          }
          errors={errors}
          done={sent ? null : matchingDoneFrom(request.query)}
          stale={stale}
        />
      ),
    });
  }

  app.get(routes.preferences, signedIn, async function preferencesGet(request, reply) {
    return preferencesPage(request, reply, null);
  });

  app.post(routes.preferences, signedIn, async function preferencesPost(request, reply) {
    const partnershipId = partnershipIdOf(request);
    // Refuse anyone but the mentee side before reading what was sent.
    await getPreferences({ db, actor: request.viewer, partnershipId });
    const form = parseForm(preferencesForm, request.body, fieldIds);
    if (!form.ok) return preferencesPage(request, reply, { ...form, status: 400 });
    const result = await savePreferences({
      db,
      actor: request.viewer,
      partnershipId,
      version: form.data.version,
      preferences: preferencesOf(form.data),
    });
    if (result.outcome === 'stale') {
      return preferencesPage(request, reply, { values: form.values, errors: FormErrors.none(), status: 409 });
    }
    return reply.redirect(partnershipPaths.of(partnershipId, 'preferences', {}, 'preferences-saved'), 303);
  });

  app.get(routes.matching, signedIn, async function matchingGet(request, reply) {
    const view = await getMatching({
      db,
      actor: request.viewer,
      partnershipId: partnershipIdOf(request),
      audit: auditContext(request),
    });
    return reply.renderPage({
      title: `Matching: ${view.partnership.title}`,
      content: <MatchingPage view={view} done={matchingDoneFrom(request.query)} />,
    });
  });
}
