import type { FastifyInstance, FastifyReply } from 'fastify';
import { requireRole } from '../../platform/access/guards.ts';
import { auditContext } from '../../platform/audit/audit.ts';
import type { AppDb } from '../../platform/db/database.ts';
import { FormErrors, parseForm, type FormValues } from '../../platform/forms/forms.ts';
import { pageQuerySchema } from '../../platform/forms/fields.ts';
import { parseId } from '../../platform/http/app-error.ts';
import { doneMessages, organisationPaths, type Done } from './organisations.paths.ts';
import { ORGANISATIONS_ROLE } from './organisations.policy.ts';
import {
  editOrganisationSchema,
  kindQuestionSchema,
  listQuerySchema,
  newOrganisationSchema,
  originalsOf,
  typedDetails,
  type DetailField,
} from './organisations.schemas.ts';
import {
  createOrganisation,
  editOrganisation,
  getOrganisation,
  getOrganisationOverview,
  listOrganisations,
  type Clash,
} from './organisations.service.ts';
import type { OrganisationKind } from './organisations.tables.ts';
import { clashMessage, staleMessage } from './views/labels.ts';
import {
  EditOrganisationPage,
  KIND_STEP_FIELD,
  NewOrganisationPage,
  newOrganisationTitle,
  OrganisationKindPage,
} from './views/organisation-form-pages.tsx';
import { OrganisationListPage } from './views/organisation-list-page.tsx';
import { OrganisationPage } from './views/organisation-page.tsx';

const { routes } = organisationPaths;

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** "Organisations (page 2 of 4)": a screen reader hears which page it landed on first. */
function pageTitle(title: string, page: number, pageCount: number): string {
  return pageCount > 1 ? `${title} (page ${page} of ${pageCount})` : title;
}

const clashErrors = (clashes: Clash[]) =>
  new FormErrors(clashes.map((clash) => ({ field: clash.field, message: clashMessage(clash) })));

/** Only a message Tandem wrote: the address bar never puts words on the page. */
function doneFrom(query: unknown): Done | null {
  const done = text((query as Record<string, unknown> | undefined)?.done);
  return done in doneMessages ? (done as Done) : null;
}

/** The version the edit form carried, for showing the form again exactly as it was sent. */
function versionFrom(values: FormValues): number {
  const typed = text(values.version);
  return /^\d{1,9}$/.test(typed) ? Number(typed) : 0;
}

export async function organisationRoutes(app: FastifyInstance, { db }: { db: AppDb }): Promise<void> {
  const preHandler = requireRole(ORGANISATIONS_ROLE);

  app.get(routes.list, { preHandler }, async function organisationListGet(request, reply) {
    const query = (request.query ?? {}) as Record<string, unknown>;
    // The trust filter comes from our own links: a malformed one names nothing.
    const trustId = text(query.trust) === '' ? null : parseId(query.trust);
    const form = parseForm(listQuerySchema, query);
    const typed = { q: text(form.values.q), kind: text(form.values.kind), trust: trustId ?? '' };
    if (!form.ok) {
      return reply.renderPage({
        title: 'Organisations',
        status: 400,
        hasErrors: true,
        content: <OrganisationListPage typed={typed} errors={form.errors} />,
      });
    }
    const { page } = pageQuerySchema.parse(query);
    const result = await listOrganisations({
      db,
      actor: request.viewer,
      search: { text: form.data.q, kind: form.data.kind === '' ? null : form.data.kind, trustId },
      page,
    });
    const title = result.trust ? `Schools of ${result.trust.name}` : 'Organisations';
    return reply.renderPage({
      title: pageTitle(title, result.page, result.pageCount),
      content: <OrganisationListPage typed={typed} errors={FormErrors.none()} result={result} />,
    });
  });

  const kindPage = (reply: FastifyReply, chosen: string, errors: FormErrors) =>
    reply.renderPage({
      title: 'What kind of organisation is it?',
      ...(errors.any ? { status: 400, hasErrors: true } : {}),
      content: <OrganisationKindPage chosen={chosen} errors={errors} />,
    });

  const newPage = (reply: FastifyReply, kind: OrganisationKind, values: FormValues, errors: FormErrors) =>
    reply.renderPage({
      title: newOrganisationTitle(kind),
      ...(errors.any ? { status: 400, hasErrors: true } : {}),
      content: <NewOrganisationPage kind={kind} values={values} errors={errors} />,
    });

  app.get(routes.new, { preHandler }, async function organisationNewGet(request, reply) {
    const query = (request.query ?? {}) as Record<string, unknown>;
    // A first visit asks the question; an answer (or "Continue" with none) is checked.
    if (text(query[KIND_STEP_FIELD]) === '' && query.kind === undefined) return kindPage(reply, '', FormErrors.none());
    const question = parseForm(kindQuestionSchema, query);
    if (!question.ok) return kindPage(reply, text(question.values.kind), question.errors);
    return newPage(reply, question.data.kind, {}, FormErrors.none());
  });

  app.post(routes.new, { preHandler }, async function organisationNewPost(request, reply) {
    // Without a kind there is no details page to show again: back to the question.
    const question = parseForm(kindQuestionSchema, request.body);
    if (!question.ok) return kindPage(reply, '', question.errors);
    const { kind } = question.data;
    const form = parseForm(newOrganisationSchema, request.body);
    if (!form.ok) return newPage(reply, kind, form.values, form.errors);
    const result = await createOrganisation({
      db,
      actor: request.viewer,
      organisation: form.data,
      audit: auditContext(request),
    });
    if (result.outcome === 'clash') return newPage(reply, kind, form.values, clashErrors(result.clashes));
    return reply.redirect(organisationPaths.organisation(result.id, 'created'), 303);
  });

  app.get(routes.organisation, { preHandler }, async function organisationGet(request, reply) {
    const id = parseId((request.params as { id?: unknown }).id);
    const { page } = pageQuerySchema.parse(request.query);
    const overview = await getOrganisationOverview({ db, actor: request.viewer, id, peoplePage: page });
    return reply.renderPage({
      title: overview.organisation.name,
      content: (
        <OrganisationPage
          overview={overview}
          done={doneFrom(request.query)}
          viewerPersonId={request.viewer?.personId ?? ''}
        />
      ),
    });
  });

  const editPage = (
    reply: FastifyReply,
    props: {
      organisation: { id: string; kind: OrganisationKind; name: string };
      version: number;
      shown: Record<DetailField, string>;
      values: FormValues;
      errors: FormErrors;
      status?: number;
    },
  ) =>
    reply.renderPage({
      title: "Change the organisation's details",
      ...(props.errors.any ? { status: props.status ?? 400, hasErrors: true } : {}),
      content: (
        <EditOrganisationPage
          id={props.organisation.id}
          kind={props.organisation.kind}
          savedName={props.organisation.name}
          version={props.version}
          shown={props.shown}
          values={props.values}
          errors={props.errors}
        />
      ),
    });

  app.get(routes.edit, { preHandler }, async function organisationEditGet(request, reply) {
    const id = parseId((request.params as { id?: unknown }).id);
    const organisation = await getOrganisation({ db, actor: request.viewer, id });
    const shown = typedDetails(organisation);
    return editPage(reply, {
      organisation,
      version: organisation.version,
      shown,
      values: shown,
      errors: FormErrors.none(),
    });
  });

  app.post(routes.edit, { preHandler }, async function organisationEditPost(request, reply) {
    const id = parseId((request.params as { id?: unknown }).id);
    const organisation = await getOrganisation({ db, actor: request.viewer, id });
    const form = parseForm(editOrganisationSchema(organisation.kind), request.body);
    const shown = originalsOf(form.values);
    // Until it is saved, the form keeps the version and details it was read with.
    const again = (errors: FormErrors) =>
      editPage(reply, { organisation, version: versionFrom(form.values), shown, values: form.values, errors });
    if (!form.ok) return again(form.errors);

    const result = await editOrganisation({
      db,
      actor: request.viewer,
      id,
      ...form.data,
      shown,
      audit: auditContext(request),
    });
    if (result.outcome === 'saved') return reply.redirect(organisationPaths.organisation(id, 'saved'), 303);
    if (result.outcome === 'clash') return again(clashErrors(result.clashes));
    // Someone saved first: show what they changed, keep what this person typed, and let the next save go over it.
    const { current, changed } = result;
    return editPage(reply, {
      organisation: current,
      version: current.version,
      shown: typedDetails(current),
      values: form.values,
      errors: new FormErrors(changed.map((field) => ({ field, message: staleMessage(field, current) }))),
      status: 409,
    });
  });
}
