import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { requireSignedIn } from '../../platform/access/guards.ts';
import { auditContext } from '../../platform/audit/audit.ts';
import { checkUpload, sendDownload, uploadedFiles, uploadProblem, type FileKind } from '../../platform/files/index.ts';
import { parseDatedForm } from '../../platform/forms/date-fields.ts';
import { FormErrors, parseForm, typedText, type FormValues } from '../../platform/forms/forms.ts';
import { parseId } from '../../platform/http/app-error.ts';
import { partnershipIdOf } from './agreements.routes.tsx';
import type { PartnershipsOptions } from './index.ts';
import { partnershipPaths } from './partnerships.paths.ts';
import { giveForm, requestForm, visitForm, visitOn } from './preparation.schemas.ts';
import { getVisitForm, markReadingDone, markVisitDone, planVisit } from './preparation-days.service.ts';
import {
  addDocumentRequest,
  getDocumentFile,
  getGiveForm,
  getPreparation,
  getRequestForm,
  giveDocument,
} from './preparation.service.ts';
import { GivePage, RequestNewPage, VisitNewPage } from './views/preparation-forms.tsx';
import { PreparationPageView } from './views/preparation-page.tsx';

const { routes } = partnershipPaths;

/** The same kinds and size as plan evidence: documents, spreadsheets, slides, images and text. */
const documentKinds: FileKind[] = ['pdf', 'png', 'jpeg', 'gif', 'docx', 'xlsx', 'pptx', 'text', 'csv'];
const maxDocumentBytes = 10 * 1024 * 1024;

const doneMessages: Record<string, string> = {
  'item-added': 'The item has been added to the checklist',
  given: 'Thank you: it has been given to the mentor',
  'visit-planned': 'The visit has been planned',
  'visit-done': 'The visit has been marked as done',
  'reading-done': 'The reading day is recorded as done',
};

function doneFrom(request: FastifyRequest): string | null {
  const done = (request.query as { done?: unknown } | undefined)?.done;
  return typeof done === 'string' ? (doneMessages[done] ?? null) : null;
}

const paramOf = (request: FastifyRequest, name: 'requestId' | 'documentId' | 'visitId') =>
  parseId((request.params as Record<string, unknown>)[name]);

type Shown = { values: FormValues; errors: FormErrors };
const fresh = (): Shown => ({ values: {}, errors: FormErrors.none() });
const keyOf = (values: FormValues) => typedText(values, 'creationKey') || randomUUID();
const withStatus = (form: Shown) => (form.errors.any ? { status: 400, hasErrors: true } : {});

/** The one file chosen, checked by its first bytes; or the problem to show beside the field. */
function documentFile(request: FastifyRequest) {
  const tooMuch = uploadProblem(request, 'file');
  if (tooMuch) return { file: null, problem: tooMuch.message };
  const files = uploadedFiles(request, 'file');
  if (files.length > 1) return { file: null, problem: 'Select one file' };
  const [file] = files;
  if (!file) return { file: null, problem: null };
  const check = checkUpload(file, { allowed: documentKinds, maxBytes: maxDocumentBytes });
  if (!check.ok) return { file: null, problem: `${file.originalName}: ${check.problem}` };
  return { file: { data: file.data, originalName: file.originalName, contentType: check.contentType }, problem: null };
}

export async function preparationRoutes(app: FastifyInstance, { db }: PartnershipsOptions): Promise<void> {
  const signedIn = { preHandler: requireSignedIn };
  const of = (request: FastifyRequest) => ({ db, actor: request.viewer, partnershipId: partnershipIdOf(request) });
  const back = (request: FastifyRequest, reply: FastifyReply, done: string) =>
    reply.redirect(partnershipPaths.of(partnershipIdOf(request), 'preparation', {}, done), 303);

  app.get(routes.preparation, signedIn, async function preparationGet(request, reply) {
    const page = await getPreparation({ ...of(request), audit: auditContext(request) });
    return reply.renderPage({
      title: 'Preparation',
      content: <PreparationPageView page={page} done={doneFrom(request)} />,
    });
  });

  app.post(routes.preparation, signedIn, async function readingDonePost(request, reply) {
    await markReadingDone(of(request));
    return back(request, reply, 'reading-done');
  });

  async function requestPage(request: FastifyRequest, reply: FastifyReply, form: Shown) {
    const partnership = await getRequestForm(of(request));
    return reply.renderPage({
      title: 'Add an item for the mentor to read',
      ...withStatus(form),
      content: <RequestNewPage partnership={partnership} {...form} creationKey={keyOf(form.values)} />,
    });
  }

  app.get(routes.documentRequestNew, signedIn, async function documentRequestNewGet(request, reply) {
    return requestPage(request, reply, fresh());
  });

  app.post(routes.documentRequestNew, signedIn, async function documentRequestNewPost(request, reply) {
    await getRequestForm(of(request));
    const form = parseForm(requestForm, request.body);
    if (!form.ok) return requestPage(request, reply, form);
    const { title, detail } = form.data;
    await addDocumentRequest({ ...of(request), title, detail, creationKey: keyOf(form.values) });
    return back(request, reply, 'item-added');
  });

  async function givePage(request: FastifyRequest, reply: FastifyReply, form: Shown) {
    const given = await getGiveForm({ ...of(request), requestId: paramOf(request, 'requestId') });
    return reply.renderPage({
      title: `Give: ${given.request.title}`,
      ...withStatus(form),
      content: <GivePage {...given} {...form} creationKey={keyOf(form.values)} />,
    });
  }

  app.get(routes.documentRequest, signedIn, async function documentRequestGet(request, reply) {
    return givePage(request, reply, fresh());
  });

  app.post(routes.documentRequest, signedIn, async function documentRequestPost(request, reply) {
    const requestId = paramOf(request, 'requestId');
    await getGiveForm({ ...of(request), requestId });
    const { file, problem } = documentFile(request);
    const form = parseDatedForm(giveForm, request.body, {
      dates: [],
      order: ['file', 'link', 'note'],
      also: (_typed, values) => {
        if (problem) return [{ field: 'file', message: problem }];
        return !file && typedText(values, 'link').trim() === ''
          ? [{ field: 'file', message: 'Select a file or enter a link' }]
          : [];
      },
    });
    if (!form.ok) return givePage(request, reply, form);
    await giveDocument({
      ...of(request),
      requestId,
      input: { link: form.data.link || null, note: form.data.note, file },
      creationKey: keyOf(form.values),
      fileStore: app.files,
    });
    return back(request, reply, 'given');
  });

  app.get(routes.documentFile, signedIn, async function documentFileGet(request, reply) {
    const file = await getDocumentFile({
      ...of(request),
      documentId: paramOf(request, 'documentId'),
      audit: auditContext(request),
    });
    const data = await app.files.read(file.storedName);
    return sendDownload(reply, { name: file.name, contentType: file.contentType, data });
  });

  async function visitPage(request: FastifyRequest, reply: FastifyReply, form: Shown) {
    const visiting = await getVisitForm(of(request));
    return reply.renderPage({
      title: 'Plan a school visit',
      ...withStatus(form),
      content: <VisitNewPage {...visiting} {...form} creationKey={keyOf(form.values)} />,
    });
  }

  app.get(routes.visitNew, signedIn, async function visitNewGet(request, reply) {
    return visitPage(request, reply, fresh());
  });

  app.post(routes.visitNew, signedIn, async function visitNewPost(request, reply) {
    const { partnership, schools, visits } = await getVisitForm(of(request));
    const trustName = partnership.menteeTrustName ?? 'the mentee’s trust';
    const form = parseDatedForm(visitForm, request.body, {
      dates: [visitOn],
      order: ['school', visitOn.name, 'meeting'],
      also: (_typed, values) => {
        const chosen = typedText(values, 'school').trim();
        if (chosen === '') return [];
        const school = schools.find((each) => each.id === chosen);
        if (!school) return [{ field: 'school', message: `Select one of ${trustName}’s schools` }];
        return visits.some((each) => each.schoolId === chosen)
          ? [{ field: 'school', message: `A visit to ${school.name} is already planned: select another school` }]
          : [];
      },
    });
    if (!form.ok) return visitPage(request, reply, form);
    await planVisit({
      ...of(request),
      visit: { schoolId: form.data.school, visitOn: form.dates[visitOn.name] ?? '', meeting: form.data.meeting },
      creationKey: keyOf(form.values),
    });
    return back(request, reply, 'visit-planned');
  });

  app.post(routes.visit, signedIn, async function visitDonePost(request, reply) {
    await markVisitDone({ ...of(request), visitId: paramOf(request, 'visitId') });
    return back(request, reply, 'visit-done');
  });
}
