import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { requireRole, requireSignedIn } from '../../platform/access/guards.ts';
import type { AppDb } from '../../platform/db/database.ts';
import { formValuesOf } from '../../platform/forms/forms.ts';
import { AppError, parseId } from '../../platform/http/app-error.ts';
import { serialiseFrameworkDocument } from './framework-document.ts';
import { frameworkDoneMessages, frameworkPaths, type FrameworkDone } from './frameworks.paths.ts';
import {
  exportFrameworkVersion,
  getFrameworkOverview,
  getFrameworkVersion,
  importFramework,
  listFrameworks,
  mayManageFrameworks,
  publishDraft,
  saveDraft,
  startDraft,
  type VersionRecord,
} from './frameworks.service.ts';
import { draftEditorRoutes } from './draft-editor.routes.tsx';
import { draftElementRoutes } from './draft-elements.routes.tsx';
import { frameworkUpload, textBoxTooLong } from './framework-upload.ts';
import { idsFrom, versionForm } from './frameworks.request.ts';
import {
  EditDraftPage,
  ImportFrameworkPage,
  PublishDraftPage,
  type ImportForm,
} from './views/framework-edit-pages.tsx';
import { FrameworkListPage, FrameworkPage, VersionPage } from './views/framework-pages.tsx';

const { routes } = frameworkPaths;

/** A framework file as a form sends it: the text, and which format it is written in. */
const fileForm = z.object({
  document: z.preprocess((value) => (typeof value === 'string' ? value : ''), z.string()),
  format: z.enum(['yaml', 'json']).catch('yaml'),
});

const exportQuery = z.object({ format: z.enum(['yaml', 'json']) });

function doneFrom(query: unknown): FrameworkDone | null {
  const done = (query as { done?: unknown } | undefined)?.done;
  return typeof done === 'string' && done in frameworkDoneMessages ? (done as FrameworkDone) : null;
}

export async function frameworkRoutes(app: FastifyInstance, { db }: { db: AppDb }): Promise<void> {
  const signedIn = { preHandler: requireSignedIn };
  const managers = { preHandler: requireRole('platform_administrator') };

  app.get(routes.list, signedIn, async function frameworkListGet(request, reply) {
    const items = await listFrameworks({ db, actor: request.viewer });
    return reply.renderPage({
      title: 'Frameworks',
      content: <FrameworkListPage items={items} manager={mayManageFrameworks(request.viewer)} />,
    });
  });

  const importPage = (reply: FastifyReply, form: ImportForm) =>
    reply.renderPage({
      title: 'Import a framework',
      ...(form.problems.length > 0 || form.fileProblem ? { status: 400, hasErrors: true } : {}),
      content: <ImportFrameworkPage {...form} />,
    });

  app.get(routes.import, managers, async function frameworkImportGet(_request, reply) {
    return importPage(reply, { text: '', format: 'yaml', problems: [] });
  });

  /** A chosen file wins over the box; its problems are shown with its text in the box, so nothing is lost. */
  app.post(routes.import, managers, async function frameworkImportPost(request, reply) {
    const { document: pastedText, format: pastedFormat } = fileForm.parse(formValuesOf(request.body));
    const pasted = { text: pastedText, format: pastedFormat };
    const upload = frameworkUpload(request);
    if (upload.outcome === 'refused')
      return importPage(reply, { ...pasted, problems: [], fileProblem: upload.problem });
    if (upload.outcome === 'none' && textBoxTooLong(request)) {
      return importPage(reply, { ...pasted, problems: ['The framework in the box must be 1MB or smaller'] });
    }
    const form =
      upload.outcome === 'file' ? { text: upload.text, format: upload.format, fromFile: upload.name } : pasted;
    if (form.text.trim() === '') {
      return importPage(reply, {
        ...form,
        problems: [],
        fileProblem: 'Select a YAML or JSON file, or paste the framework into the box',
      });
    }
    const result = await importFramework({ db, actor: request.viewer, text: form.text, format: form.format });
    if (result.outcome === 'problems') return importPage(reply, { ...form, problems: result.problems });
    if (result.outcome === 'draft-exists') {
      return importPage(reply, {
        ...form,
        problems: [
          'This framework already has a draft. Publish it or edit it (paste this file there) first, so that nobody’s work is overwritten',
        ],
      });
    }
    return reply.redirect(frameworkPaths.version(result.frameworkId, result.versionId, 'imported'), 303);
  });

  app.get(routes.framework, signedIn, async function frameworkGet(request, reply) {
    const frameworkId = parseId((request.params as { id?: unknown }).id);
    const overview = await getFrameworkOverview({ db, actor: request.viewer, frameworkId });
    const name = overview.current?.name ?? overview.versions[0]?.name ?? 'Framework';
    return reply.renderPage({ title: name, content: <FrameworkPage overview={overview} /> });
  });

  app.get(routes.version, signedIn, async function frameworkVersionGet(request, reply) {
    const { frameworkId, versionId } = idsFrom(request);
    const version = await getFrameworkVersion({ db, actor: request.viewer, frameworkId, versionId });
    return reply.renderPage({
      title: `${version.name}, version ${version.number}`,
      content: (
        <VersionPage
          frameworkId={frameworkId}
          version={version}
          manager={mayManageFrameworks(request.viewer)}
          done={doneFrom(request.query)}
        />
      ),
    });
  });

  app.get(routes.export, signedIn, async function frameworkExportGet(request, reply) {
    const { frameworkId, versionId } = idsFrom(request);
    const query = exportQuery.safeParse(request.query);
    if (!query.success) throw AppError.notFound();
    const version = await getFrameworkVersion({ db, actor: request.viewer, frameworkId, versionId });
    const { format } = query.data;
    const fileName = `${version.document.key}-v${version.number}.${format}`;
    return reply
      .header('content-type', format === 'json' ? 'application/json; charset=utf-8' : 'application/yaml; charset=utf-8')
      .header('content-disposition', `attachment; filename="${fileName}"`)
      .send(exportFrameworkVersion(version, format));
  });

  app.post(routes.clone, managers, async function frameworkClonePost(request, reply) {
    const { frameworkId, versionId } = idsFrom(request);
    const draft = await startDraft({ db, actor: request.viewer, frameworkId, fromVersionId: versionId });
    const done = draft.created ? 'draft-started' : undefined;
    return reply.redirect(frameworkPaths.version(frameworkId, draft.versionId, done), 303);
  });

  const editPage = (
    reply: FastifyReply,
    props: { frameworkId: string; draft: VersionRecord; text: string; version: number; problems: string[] },
    stale = false,
  ) =>
    reply.renderPage({
      title: `Edit ${props.draft.name}`,
      ...(props.problems.length > 0 || stale
        ? { status: stale ? 409 : 400, hasErrors: props.problems.length > 0 }
        : {}),
      content: <EditDraftPage {...props} stale={stale} />,
    });

  /** Only a draft is edited or published; a published version's page is where to go instead. */
  async function draftFrom(request: FastifyRequest) {
    const { frameworkId, versionId } = idsFrom(request);
    const draft = await getFrameworkVersion({ db, actor: request.viewer, frameworkId, versionId });
    return { frameworkId, draft };
  }

  app.get(routes.edit, managers, async function frameworkEditGet(request, reply) {
    const { frameworkId, draft } = await draftFrom(request);
    if (draft.status !== 'draft') return reply.redirect(frameworkPaths.version(frameworkId, draft.id), 303);
    const text = serialiseFrameworkDocument(draft.document, 'yaml');
    return editPage(reply, { frameworkId, draft, text, version: draft.version, problems: [] });
  });

  app.post(routes.edit, managers, async function frameworkEditPost(request, reply) {
    const { frameworkId, draft } = await draftFrom(request);
    const { document: text, format } = fileForm.parse(formValuesOf(request.body));
    const { version } = versionForm.parse(formValuesOf(request.body));
    const result = await saveDraft({
      db,
      actor: request.viewer,
      frameworkId,
      versionId: draft.id,
      version,
      text,
      format,
    });
    if (result.outcome === 'saved') return reply.redirect(frameworkPaths.version(frameworkId, draft.id, 'saved'), 303);
    if (result.outcome === 'problems')
      return editPage(reply, { frameworkId, draft, text, version, problems: result.problems });
    // Published meanwhile: nothing here to save over; its page says so.
    if (result.current.status !== 'draft') throw new AppError('Conflict', 'This version has been published');
    // Someone saved first: keep what this person typed, and let the next save go over the newer draft.
    return editPage(
      reply,
      { frameworkId, draft: result.current, text, version: result.current.version, problems: [] },
      true,
    );
  });

  app.get(routes.publish, managers, async function frameworkPublishGet(request, reply) {
    const { frameworkId, draft } = await draftFrom(request);
    if (draft.status !== 'draft') return reply.redirect(frameworkPaths.version(frameworkId, draft.id), 303);
    return reply.renderPage({
      title: `Publish ${draft.name}`,
      content: <PublishDraftPage frameworkId={frameworkId} draft={draft} changedMeanwhile={false} />,
    });
  });

  app.post(routes.publish, managers, async function frameworkPublishPost(request, reply) {
    const { frameworkId, versionId } = idsFrom(request);
    const { version } = versionForm.parse(formValuesOf(request.body));
    const result = await publishDraft({ db, actor: request.viewer, frameworkId, versionId, version });
    if (result.outcome === 'published') {
      return reply.redirect(frameworkPaths.version(frameworkId, versionId, 'published'), 303);
    }
    if (result.current.status !== 'draft') throw new AppError('Conflict', 'This version has been published');
    return reply.renderPage({
      title: `Publish ${result.current.name}`,
      status: 409,
      content: <PublishDraftPage frameworkId={frameworkId} draft={result.current} changedMeanwhile />,
    });
  });

  // The form-based editor of a draft, beside the whole-file editor above.
  await app.register(draftEditorRoutes, { db });
  await app.register(draftElementRoutes, { db });
}
