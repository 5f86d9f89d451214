import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { requireSignedIn, signedInViewer } from '../../platform/access/guards.ts';
import { auditContext } from '../../platform/audit/audit.ts';
import { parseDatedForm } from '../../platform/forms/date-fields.ts';
import { FormErrors, parseForm, type FormValues } from '../../platform/forms/forms.ts';
import { AppError, parseId } from '../../platform/http/app-error.ts';
import { acceptForm, datesForm, endsOn, newVersionForm, startsOn } from './agreements.schemas.ts';
import {
  acceptAgreement,
  getAgreement,
  getNewVersionForm,
  makeAgreementVersion,
  sameName,
} from './agreements.service.ts';
import type { PartnershipsOptions } from './index.ts';
import { partnershipPaths } from './partnerships.paths.ts';
import { AgreementNewVersionPage, newVersionTitle } from './views/agreement-new-version-page.tsx';
import { AgreementPageView } from './views/agreement-page.tsx';

const { routes } = partnershipPaths;

const doneMessages: Record<string, string> = {
  'version-made': 'The new version of the agreement has been made',
  accepted: 'You have accepted the agreement',
  'all-accepted': 'Everyone has accepted the agreement: preparation can begin',
};

/** The "done" message the URL names, or none: the page never shows the query's own text. */
export function doneFrom(request: FastifyRequest): string | null {
  const done = (request.query as { done?: unknown } | undefined)?.done;
  return typeof done === 'string' ? (doneMessages[done] ?? null) : null;
}

export function partnershipIdOf(request: FastifyRequest): string {
  return parseId((request.params as { id?: unknown }).id);
}

const order = ['startsOn', 'endsOn'];

/** The end of the term on or after its start. */
function inOrder(typed: Record<string, string>) {
  const start = typed[startsOn.name];
  const end = typed[endsOn.name];
  return start && end && end < start
    ? [{ field: endsOn.name, message: 'The end date must be after the start date' }]
    : [];
}

export async function agreementRoutes(app: FastifyInstance, { db }: PartnershipsOptions): Promise<void> {
  const signedIn = { preHandler: requireSignedIn };

  async function agreementPage(
    request: FastifyRequest,
    reply: FastifyReply,
    form: { values: FormValues; errors: FormErrors } = { values: {}, errors: FormErrors.none() },
  ) {
    const page = await getAgreement({
      db,
      actor: request.viewer,
      partnershipId: partnershipIdOf(request),
      audit: auditContext(request),
    });
    return reply.renderPage({
      title: 'Agreement',
      ...(form.errors.any ? { status: 400, hasErrors: true } : {}),
      content: <AgreementPageView page={page} done={form.errors.any ? null : doneFrom(request)} {...form} />,
    });
  }

  app.get(routes.agreement, signedIn, async function agreementGet(request, reply) {
    return agreementPage(request, reply);
  });

  app.post(routes.agreement, signedIn, async function agreementPost(request, reply) {
    const viewer = signedInViewer(request);
    const partnershipId = partnershipIdOf(request);
    const form = parseForm(acceptForm, request.body);
    if (!form.ok) return agreementPage(request, reply, form);
    const typedName = form.data.fullName;
    if (!sameName(typedName, viewer.displayName)) {
      const message = `Enter your full name as it is on your account: ${viewer.displayName}`;
      return agreementPage(request, reply, {
        values: form.values,
        errors: new FormErrors([{ field: 'fullName', message }]),
      });
    }
    const outcome = await acceptAgreement({
      db,
      actor: viewer,
      partnershipId,
      agreementId: form.data.agreementId,
      typedName,
    });
    if (outcome === 'not-latest') {
      throw AppError.conflict('A newer version of the agreement was made', {
        title: 'The agreement has changed',
        paragraphs: [
          'A newer version of the agreement was made after you opened the page, so your acceptance has not been saved.',
          'Read the new version before you accept it.',
        ],
        link: { href: partnershipPaths.of(partnershipId, 'agreement'), text: 'Read the agreement' },
      });
    }
    const done = outcome === 'moved-to-preparation' ? 'all-accepted' : 'accepted';
    return reply.redirect(partnershipPaths.of(partnershipId, 'agreement', {}, done), 303);
  });

  async function newVersionPage(
    request: FastifyRequest,
    reply: FastifyReply,
    form: { values: FormValues; errors: FormErrors } = { values: {}, errors: FormErrors.none() },
  ) {
    const versionForm = await getNewVersionForm({
      db,
      actor: request.viewer,
      partnershipId: partnershipIdOf(request),
    });
    return reply.renderPage({
      title: newVersionTitle(versionForm),
      ...(form.errors.any ? { status: 400, hasErrors: true } : {}),
      content: <AgreementNewVersionPage form={versionForm} {...form} />,
    });
  }

  app.get(routes.agreementNew, signedIn, async function agreementNewGet(request, reply) {
    return newVersionPage(request, reply);
  });

  app.post(routes.agreementNew, signedIn, async function agreementNewPost(request, reply) {
    const partnershipId = partnershipIdOf(request);
    const versionForm = await getNewVersionForm({ db, actor: request.viewer, partnershipId });
    const numbered = parseForm(newVersionForm, request.body);
    const number = numbered.ok ? numbered.data.number : 0;
    let dates: { startsOn: string; endsOn: string } | null = null;
    if (versionForm.needsDates) {
      const form = parseDatedForm(datesForm, request.body, { dates: [startsOn, endsOn], order, also: inOrder });
      if (!form.ok) return newVersionPage(request, reply, form);
      dates = { startsOn: form.dates[startsOn.name] ?? '', endsOn: form.dates[endsOn.name] ?? '' };
    }
    await makeAgreementVersion({ db, actor: request.viewer, partnershipId, number, dates });
    return reply.redirect(partnershipPaths.of(partnershipId, 'agreement', {}, 'version-made'), 303);
  });
}
