import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { requireSignedIn } from '../../platform/access/guards.ts';
import { FormErrors, typedText, type FormValues } from '../../platform/forms/forms.ts';
import { parseId } from '../../platform/http/app-error.ts';
import type { PartnershipsOptions } from './index.ts';
import { partnershipPaths } from './partnerships.paths.ts';
import { DEFAULT_AGREEMENT_TEMPLATE, DEFAULT_MEETING_PATTERN } from './service-defaults.ts';
import {
  budgetFields,
  hoursFromMinutes,
  minutesFromHours,
  parseServiceForm,
  penceFromPounds,
  poundsFromPence,
  serviceKindLabels,
} from './services.schemas.ts';
import {
  createService,
  getService,
  listServices,
  providersForNewService,
  saveService,
  type ServiceRow,
} from './services.service.ts';
import { BUDGET_COMPONENT_LABELS, BUDGET_COMPONENTS, DEFAULT_TIME_BUDGET } from './time-budget.ts';
import { CreateServicePage, EditServicePage } from './views/service-form-page.tsx';
import { ServiceListPage } from './views/service-list-page.tsx';
import { differencesOf, serviceBudgetMinutes } from './views/service-parts.tsx';
import { ServicePage, serviceDoneMessages } from './views/service-page.tsx';

const { routes } = partnershipPaths;

const serviceId = (params: unknown) => parseId((params as { serviceId?: unknown }).serviceId);

function doneFrom(query: unknown): string | null {
  const done = (query as { done?: unknown } | undefined)?.done;
  return typeof done === 'string' ? (serviceDoneMessages[done] ?? null) : null;
}

/** A new service's form: the defaults of SPEC section 2, ready to change. */
const newServiceValues: FormValues = {
  kind: 'ceo_mentoring',
  termMonths: '12',
  ...Object.fromEntries(
    BUDGET_COMPONENTS.map((component) => [
      budgetFields[component],
      hoursFromMinutes(DEFAULT_TIME_BUDGET.minutes[component]),
    ]),
  ),
  meetingPattern: DEFAULT_MEETING_PATTERN,
  fee: '0',
  agreementTemplate: DEFAULT_AGREEMENT_TEMPLATE,
  open: 'yes',
};

/** A saved service as its form shows it. */
function serviceValues(service: ServiceRow): FormValues {
  const minutes = serviceBudgetMinutes(service);
  return {
    name: service.name,
    kind: service.kind,
    description: service.description,
    termMonths: String(service.termMonths),
    ...Object.fromEntries(
      BUDGET_COMPONENTS.map((component) => [budgetFields[component], hoursFromMinutes(minutes[component])]),
    ),
    meetingPattern: service.meetingPattern,
    fee: poundsFromPence(service.feePence),
    agreementTemplate: service.agreementTemplate,
    open: service.open ? 'yes' : 'no',
  };
}

/** What is saved now against what was typed, field by field, in words. */
function differences(saved: ServiceRow, values: FormValues) {
  const typed = (name: string) => typedText(values, name);
  const savedFee = poundsFromPence(saved.feePence);
  const kindLabel = (kind: string) =>
    kind in serviceKindLabels ? serviceKindLabels[kind as ServiceRow['kind']] : kind;
  const minutes = serviceBudgetMinutes(saved);
  return differencesOf([
    ['Name', saved.name, typed('name')],
    ['Kind', serviceKindLabels[saved.kind], kindLabel(typed('kind'))],
    ['Description', saved.description, typed('description')],
    ['Term in months', String(saved.termMonths), typed('termMonths')],
    ...BUDGET_COMPONENTS.map((component): [string, string, string] => {
      const hours = typed(budgetFields[component]);
      const same = minutesFromHours(hours) === minutes[component];
      return [
        `${BUDGET_COMPONENT_LABELS[component]} (hours)`,
        hoursFromMinutes(minutes[component]),
        same ? hoursFromMinutes(minutes[component]) : hours,
      ];
    }),
    ['Suggested meeting pattern', saved.meetingPattern, typed('meetingPattern')],
    ['Fee (pounds)', savedFee, penceFromPounds(typed('fee')) === saved.feePence ? savedFee : typed('fee')],
    ['Agreement template', saved.agreementTemplate, typed('agreementTemplate')],
    [
      'Open to enquiries',
      saved.open ? 'Yes' : 'No',
      typed('open') === 'yes' ? 'Yes' : typed('open') === 'no' ? 'No' : '',
    ],
  ]);
}

/** A provider's mentoring services: the list, creating one, its page and changing it. */
export async function serviceRoutes(app: FastifyInstance, { db, publicUrl }: PartnershipsOptions): Promise<void> {
  const signedIn = { preHandler: requireSignedIn };

  app.get(routes.services, signedIn, async function servicesGet(request, reply) {
    const [services, providers] = await Promise.all([
      listServices({ db, actor: request.viewer }),
      providersForNewService({ db, actor: request.viewer }),
    ]);
    return reply.renderPage({
      title: 'Mentoring services',
      content: <ServiceListPage services={services} providers={providers.length} />,
    });
  });

  async function createPage(reply: FastifyReply, { values, errors }: { values: FormValues; errors: FormErrors }) {
    const providers = await providersForNewService({ db, actor: reply.request.viewer });
    return reply.renderPage({
      title: 'Create a mentoring service',
      ...(errors.any ? { status: 400, hasErrors: true } : {}),
      content: (
        <CreateServicePage
          providers={providers}
          values={values}
          errors={errors}
          creationKey={typedText(values, 'creationKey') || randomUUID()}
        />
      ),
    });
  }

  app.get(routes.serviceNew, signedIn, async function serviceNewGet(_request, reply) {
    return createPage(reply, { values: newServiceValues, errors: FormErrors.none() });
  });

  app.post(routes.serviceNew, signedIn, async function serviceNewPost(request, reply) {
    const providers = await providersForNewService({ db, actor: request.viewer });
    const form = parseServiceForm(request.body);
    if (!form.ok) return createPage(reply, form);
    const onlyProvider = providers.length === 1 ? providers[0]?.id : undefined;
    const providerId = onlyProvider ?? form.provider;
    if (!providers.some((provider) => provider.id === providerId)) {
      const errors = new FormErrors([{ field: 'provider', message: 'Select which provider runs the service' }]);
      return createPage(reply, { values: form.values, errors });
    }
    const id = await createService({
      db,
      actor: request.viewer,
      providerId,
      details: form.details,
      creationKey: form.creationKey || randomUUID(),
    });
    return reply.redirect(partnershipPaths.service(id, 'created'), 303);
  });

  app.get(routes.service, signedIn, async function serviceGet(request, reply) {
    const service = await getService({ db, actor: request.viewer, serviceId: serviceId(request.params) });
    return reply.renderPage({
      title: service.name,
      content: (
        <ServicePage
          service={service}
          enquiryLink={`${publicUrl}${partnershipPaths.enquire(service.id)}`}
          done={doneFrom(request.query)}
        />
      ),
    });
  });

  function editPage(
    reply: FastifyReply,
    service: ServiceRow,
    form: { values: FormValues; errors: FormErrors; stale: ServiceRow | null } | null,
  ) {
    const values = form?.values ?? serviceValues(service);
    const stale = form?.stale ? { current: form.stale, differences: differences(form.stale, values) } : null;
    return reply.renderPage({
      title: 'Change the service',
      status: stale ? 409 : form?.errors.any ? 400 : 200,
      ...(form?.errors.any ? { hasErrors: true } : {}),
      content: (
        <EditServicePage service={service} values={values} errors={form?.errors ?? FormErrors.none()} stale={stale} />
      ),
    });
  }

  app.get(routes.serviceEdit, signedIn, async function serviceEditGet(request, reply) {
    const service = await getService({ db, actor: request.viewer, serviceId: serviceId(request.params) });
    return editPage(reply, service, null);
  });

  app.post(routes.serviceEdit, signedIn, async function serviceEditPost(request, reply) {
    const id = serviceId(request.params);
    const service = await getService({ db, actor: request.viewer, serviceId: id });
    const form = parseServiceForm(request.body);
    if (!form.ok) return editPage(reply, service, { ...form, stale: null });
    const result = await saveService({
      db,
      actor: request.viewer,
      serviceId: id,
      details: form.details,
      version: form.version,
    });
    if (result.outcome === 'stale') {
      return editPage(reply, result.current, { values: form.values, errors: FormErrors.none(), stale: result.current });
    }
    return reply.redirect(partnershipPaths.service(id, 'saved'), 303);
  });
}
