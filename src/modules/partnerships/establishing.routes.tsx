import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { requireSignedIn } from '../../platform/access/guards.ts';
import { auditContext } from '../../platform/audit/audit.ts';
import { optionalText, recordVersion } from '../../platform/forms/fields.ts';
import { FormErrors, formValuesOf, parseForm, typedText, type FormValues } from '../../platform/forms/forms.ts';
import { parseId } from '../../platform/http/app-error.ts';
import { getEstablishingPage, saveEstablishing, startMeetings, type EstablishingRow } from './establishing.service.ts';
import type { PartnershipsOptions } from './index.ts';
import { partnershipPaths } from './partnerships.paths.ts';
import { doneFrom, type EstablishingDone } from './views/establishing-parts.tsx';
import { EstablishingPage, establishingValues } from './views/establishing-page.tsx';

const { routes } = partnershipPaths;

const longText = optionalText({ maxLength: 20_000, whenTooLong: 'Enter 20,000 characters or fewer' });

const establishingForm = z.object({
  leadershipStory: longText,
  currentNeeds: longText,
  futureNeeds: longText,
  objectives: longText,
  /** The version the form was opened on; 0 before the first save; not a number matches none. */
  version: recordVersion,
});

const partnershipIdOf = (request: FastifyRequest) => parseId((request.params as { id?: unknown }).id);

/** Establishing the partnership (SPEC section 2, step 6): the record of the meeting, and moving on to the meetings. */
export async function establishingRoutes(app: FastifyInstance, { db }: PartnershipsOptions): Promise<void> {
  const signedIn = { preHandler: requireSignedIn };

  async function page(
    request: FastifyRequest,
    reply: FastifyReply,
    typed: { values: FormValues; errors: FormErrors; stale: EstablishingRow | null } | null,
    done: EstablishingDone | null = null,
  ) {
    const partnershipId = partnershipIdOf(request);
    const content = await getEstablishingPage({
      db,
      actor: request.viewer,
      partnershipId,
      audit: auditContext(request),
    });
    const errors = typed?.errors ?? FormErrors.none();
    return reply.renderPage({
      title: 'Establishing the partnership',
      status: typed?.stale ? 409 : errors.any ? 400 : 200,
      ...(errors.any ? { hasErrors: true } : {}),
      content: (
        <EstablishingPage
          page={content}
          values={typed?.values ?? establishingValues(content.record)}
          errors={errors}
          stale={typed?.stale ?? null}
          done={done}
        />
      ),
    });
  }

  app.get(routes.establishing, signedIn, async function establishingGet(request, reply) {
    return page(request, reply, null, doneFrom(request.query));
  });

  app.post(routes.establishing, signedIn, async function establishingPost(request, reply) {
    const partnershipId = partnershipIdOf(request);
    if (typedText(formValuesOf(request.body), 'intent') === 'start-meetings') {
      await startMeetings({ db, actor: request.viewer, partnershipId });
      return reply.redirect(partnershipPaths.of(partnershipId, 'establishing', {}, 'meetings-started'), 303);
    }
    const form = parseForm(establishingForm, request.body);
    if (!form.ok) return page(request, reply, { ...form, stale: null });
    const { version, ...text } = form.data;
    const result = await saveEstablishing({ db, actor: request.viewer, partnershipId, version, text });
    if (result.outcome === 'stale') {
      return page(request, reply, { values: form.values, errors: FormErrors.none(), stale: result.current });
    }
    return reply.redirect(partnershipPaths.of(partnershipId, 'establishing', {}, 'saved'), 303);
  });
}
