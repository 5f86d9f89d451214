import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { requireSignedIn } from '../../platform/access/guards.ts';
import { FormErrors, parseForm, typedText, type FormValues } from '../../platform/forms/forms.ts';
import { parseId } from '../../platform/http/app-error.ts';
import {
  enquirerAccount,
  getEnquiry,
  listEnquiries,
  submitEnquiry,
  triageEnquiry,
  type EnquiryRow,
} from './enquiries.service.ts';
import type { PartnershipsOptions } from './index.ts';
import { partnershipPaths } from './partnerships.paths.ts';
import { enquiryStatuses, type EnquiryStatus } from './partnerships.tables.ts';
import { enquiryForm, triageForm } from './services.schemas.ts';
import { getOpenService, getServiceForEnquirer, type ServiceRow } from './services.service.ts';
import { EnquiryFormPage, EnquirySentPage, EnquiryThrottledPage } from './views/enquiry-form-page.tsx';
import { EnquiryListPage } from './views/enquiry-list-page.tsx';
import { EnquiryPage, enquiryDoneMessages } from './views/enquiry-page.tsx';

const { routes } = partnershipPaths;

const serviceIdOf = (params: unknown) => parseId((params as { serviceId?: unknown }).serviceId);
const enquiryIdOf = (params: unknown) => parseId((params as { enquiryId?: unknown }).enquiryId);

function statusFrom(query: unknown): EnquiryStatus | null {
  const status = (query as { status?: unknown } | undefined)?.status;
  return typeof status === 'string' && (enquiryStatuses as readonly string[]).includes(status)
    ? (status as EnquiryStatus)
    : null;
}

function doneFrom(query: unknown): string | null {
  const done = (query as { done?: unknown } | undefined)?.done;
  return typeof done === 'string' ? (enquiryDoneMessages[done] ?? null) : null;
}

/** The public enquiry form of each open service, and the provider's triage of what arrives. */
export async function enquiryRoutes(app: FastifyInstance, { db, publicUrl }: PartnershipsOptions): Promise<void> {
  const signedIn = { preHandler: requireSignedIn };

  function formPage(
    reply: FastifyReply,
    service: ServiceRow,
    { values, errors }: { values: FormValues; errors: FormErrors },
  ) {
    return reply.renderPage({
      title: `Ask about ${service.name}`,
      ...(errors.any ? { status: 400, hasErrors: true } : {}),
      content: (
        <EnquiryFormPage
          service={service}
          values={values}
          errors={errors}
          creationKey={typedText(values, 'creationKey') || randomUUID()}
        />
      ),
    });
  }

  app.get(routes.enquire, async function enquireGet(request, reply) {
    const service = await getOpenService({ db, serviceId: serviceIdOf(request.params) });
    const viewer = request.viewer;
    // Signed in, the form starts from the account: who they are and, when they lead a trust, which.
    const values: FormValues = viewer
      ? {
          name: viewer.displayName,
          email: viewer.email,
          organisationName:
            viewer.memberships.find((membership) => membership.role === 'ceo')?.organisationName ??
            viewer.memberships[0]?.organisationName ??
            '',
        }
      : {};
    return formPage(reply, service, { values, errors: FormErrors.none() });
  });

  app.post(routes.enquire, async function enquirePost(request, reply) {
    const service = await getOpenService({ db, serviceId: serviceIdOf(request.params) });
    const form = parseForm(enquiryForm, request.body);
    if (!form.ok) return formPage(reply, service, form);
    const { website, creationKey, ...details } = form.data;
    const result = await submitEnquiry({
      db,
      actor: request.viewer,
      serviceId: service.id,
      details,
      trap: website,
      creationKey: creationKey || randomUUID(),
      ip: request.ip,
      mailer: app.mailer,
      publicUrl,
    });
    if (result.outcome === 'throttled') {
      const minutes = Math.max(1, Math.ceil(result.retryAfterMs / 60_000));
      return reply.renderPage({
        title: 'Too many enquiries',
        status: 429,
        content: <EnquiryThrottledPage service={service} minutes={minutes} />,
      });
    }
    return reply.redirect(partnershipPaths.enquirySent(service.id), 303);
  });

  app.get(routes.enquirySent, async function enquirySentGet(request, reply) {
    const service = await getServiceForEnquirer({ db, serviceId: serviceIdOf(request.params) });
    return reply.renderPage({ title: 'Enquiry sent', content: <EnquirySentPage service={service} /> });
  });

  app.get(routes.enquiries, signedIn, async function enquiriesGet(request, reply) {
    const status = statusFrom(request.query);
    const enquiries = await listEnquiries({ db, actor: request.viewer, status });
    return reply.renderPage({ title: 'Enquiries', content: <EnquiryListPage enquiries={enquiries} status={status} /> });
  });

  async function enquiryPage(
    reply: FastifyReply,
    enquiry: EnquiryRow,
    form: { values: FormValues; errors: FormErrors; invitePath?: string | null } | null,
  ) {
    const account = await enquirerAccount(db, enquiry);
    return reply.renderPage({
      title: `Enquiry from ${enquiry.name}`,
      ...(form?.errors.any ? { status: 400, hasErrors: true } : {}),
      content: (
        <EnquiryPage
          enquiry={enquiry}
          account={account}
          values={form?.values ?? {}}
          errors={form?.errors ?? FormErrors.none()}
          invitePath={form?.invitePath ?? null}
          done={form ? null : doneFrom(reply.request.query)}
        />
      ),
    });
  }

  app.get(routes.enquiry, signedIn, async function enquiryGet(request, reply) {
    const enquiry = await getEnquiry({ db, actor: request.viewer, enquiryId: enquiryIdOf(request.params) });
    return enquiryPage(reply, enquiry, null);
  });

  app.post(routes.enquiry, signedIn, async function enquiryPost(request, reply) {
    const enquiryId = enquiryIdOf(request.params);
    const enquiry = await getEnquiry({ db, actor: request.viewer, enquiryId });
    const form = parseForm(triageForm, request.body);
    if (!form.ok) return enquiryPage(reply, enquiry, form);
    const result = await triageEnquiry({ db, actor: request.viewer, enquiryId, ...form.data });
    if (result.outcome === 'no-account') {
      const message = `${enquiry.name} has no Tandem account with ${enquiry.email}. Invite them to Tandem first, then accept the enquiry`;
      return enquiryPage(reply, enquiry, {
        values: form.values,
        errors: new FormErrors([{ field: 'decision', message }], { decision: 'decision' }),
        invitePath: result.invitePath,
      });
    }
    if (result.outcome === 'accepted')
      return reply.redirect(partnershipPaths.of(result.partnershipId, 'partnership'), 303);
    return reply.redirect(
      partnershipPaths.enquiry(enquiryId, form.data.decision === 'refer' ? 'referred' : 'closed'),
      303,
    );
  });
}
