import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import type { AppDb } from '../../platform/db/database.ts';
import { FormErrors, formValuesOf, type FormValues } from '../../platform/forms/forms.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { editDraft, type DraftChange } from './draft-editor.service.ts';
import { formErrorsFrom, type Placement } from './draft-editor.forms.ts';
import type { DocumentProblem, FrameworkDocument } from './framework-document.ts';
import { frameworkPaths } from './frameworks.paths.ts';
import { idsFrom, versionForm } from './frameworks.request.ts';
import { getFrameworkVersion, type VersionRecord } from './frameworks.service.ts';
import { DraftChangedPage, type EditorPageProps } from './views/draft-editor-parts.tsx';

/**
 * The flow every page of the form-based editor shares. GET: the draft (a published version's
 * editor sends people to its page instead). POST: one change, saved over the version the form
 * was opened on, then a redirect; or the same form again with what was typed and why not (400),
 * or, when someone saved first, with what the draft says now (409).
 */

export type EditorView = (page: EditorPageProps) => { title: string; content: VNode };

export function renderEditor(reply: FastifyReply, view: EditorView, page: EditorPageProps): FastifyReply {
  const { title, content } = view(page);
  const status = page.stale ? 409 : page.errors.any ? 400 : 200;
  return reply.renderPage({ title, content, status, hasErrors: page.errors.any });
}

/** The draft to show a form for, or null once the reply has been redirected to a published version's page. */
export async function openDraft(
  db: AppDb,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<{ frameworkId: string; draft: VersionRecord } | null> {
  const { frameworkId, versionId } = idsFrom(request);
  const draft = await getFrameworkVersion({ db, actor: request.viewer, frameworkId, versionId });
  if (draft.status === 'draft') return { frameworkId, draft };
  await reply.redirect(frameworkPaths.version(frameworkId, draft.id), 303);
  return null;
}

export async function saveChange<T>(
  db: AppDb,
  request: FastifyRequest,
  reply: FastifyReply,
  options: {
    change: (document: FrameworkDocument) => DraftChange<T>;
    /** Where to go once saved. */
    next: (made: T, ids: { frameworkId: string; versionId: string }) => string;
    view: EditorView;
    /** Which field a problem is about; what it does not place goes to `fallbackField`. */
    place: (path: DocumentProblem['path'], message: string) => Placement;
    fallbackField: string;
    /** What the form shows again: by default what was posted. */
    values?: FormValues;
  },
): Promise<FastifyReply> {
  const ids = idsFrom(request);
  const posted = formValuesOf(request.body);
  const { version } = versionForm.parse(posted);
  const result = await editDraft({ db, actor: request.viewer, ...ids, version, change: options.change });
  if (result.outcome === 'saved') return reply.redirect(options.next(result.made, ids), 303);
  const values = options.values ?? posted;
  const page = { frameworkId: ids.frameworkId, draft: result.current, values, errors: FormErrors.none(), stale: false };
  if (result.outcome === 'stale') {
    // Published meanwhile: there is nothing left to save over; its page says so.
    if (result.current.status !== 'draft') throw AppError.conflict('This version has been published');
    return renderEditor(reply, options.view, { ...page, stale: true });
  }
  const errors =
    result.outcome === 'refused'
      ? new FormErrors([{ field: options.fallbackField, message: result.message }])
      : formErrorsFrom(result.problems, options.place, options.fallbackField);
  return renderEditor(reply, options.view, { ...page, errors });
}

/** Moving a heading or an element: saved and back to the draft, or told the draft changed first (409). */
export async function saveMove(
  db: AppDb,
  request: FastifyRequest,
  reply: FastifyReply,
  move: (document: FrameworkDocument) => FrameworkDocument,
): Promise<FastifyReply> {
  const { frameworkId, versionId } = idsFrom(request);
  const { version } = versionForm.parse(formValuesOf(request.body));
  const result = await editDraft({
    db,
    actor: request.viewer,
    frameworkId,
    versionId,
    version,
    change: (document) => ({ document: move(document), made: null }),
  });
  if (result.outcome === 'saved') return reply.redirect(frameworkPaths.version(frameworkId, versionId, 'saved'), 303);
  if (result.outcome !== 'stale') {
    // A move changes only the order, which no rule of the document refuses.
    throw new Error(`moving in a draft gave ${result.outcome}`);
  }
  if (result.current.status !== 'draft') throw AppError.conflict('This version has been published');
  return reply.renderPage({
    title: 'The draft has changed',
    status: 409,
    content: <DraftChangedPage frameworkId={frameworkId} draft={result.current} />,
  });
}
