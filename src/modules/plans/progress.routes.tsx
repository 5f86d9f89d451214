import { randomUUID } from 'node:crypto';
import { auditContext } from '../../platform/audit/audit.ts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { requireSignedIn } from '../../platform/access/guards.ts';
import type { AppDb } from '../../platform/db/database.ts';
import { checkUpload, sendDownload, uploadedFiles, uploadProblem, type FileKind } from '../../platform/files/index.ts';
import { dateValues, parseDatedForm } from '../../platform/forms/date-fields.ts';
import { FormErrors, typedText, type FormValues } from '../../platform/forms/forms.ts';
import { londonToday } from '../../platform/views/london-time.ts';
import { planPaths } from './plans.paths.ts';
import { creationKeyOr, paramId } from './plans.request.ts';
import { progressForm, updatedOn } from './plans.schemas.ts';
import { getProgressFile, getProgressForm, postProgressUpdate, type ProgressInput } from './progress.service.ts';
import { ProgressUpdatePage } from './views/action-page.tsx';

const { routes } = planPaths;

/** The same kinds and size as review evidence: documents, spreadsheets, slides, images and text. */
const evidenceKinds: FileKind[] = ['pdf', 'png', 'jpeg', 'gif', 'docx', 'xlsx', 'pptx', 'text', 'csv'];
const maxEvidenceBytes = 10 * 1024 * 1024;

/** The one file chosen in the form, checked by its first bytes; or the problem to show beside the field. */
function evidenceFile(request: FastifyRequest): { file: ProgressInput['file']; problem: string | null } {
  const tooMuch = uploadProblem(request, 'file');
  if (tooMuch) return { file: null, problem: tooMuch.message };
  const files = uploadedFiles(request, 'file');
  if (files.length > 1) return { file: null, problem: 'Select one file' };
  const [file] = files;
  if (!file) return { file: null, problem: null };
  const check = checkUpload(file, { allowed: evidenceKinds, maxBytes: maxEvidenceBytes });
  if (!check.ok) return { file: null, problem: `${file.originalName}: ${check.problem}` };
  return { file: { data: file.data, originalName: file.originalName, contentType: check.contentType }, problem: null };
}

const progressOrder = [updatedOn.name, 'note', 'link', 'file'];

/** An update is about what has happened: its date cannot be after today. */
function notInFuture(dates: Record<string, string>) {
  return (dates[updatedOn.name] ?? '') > londonToday()
    ? [{ field: updatedOn.name, message: 'The date of the update must be today or in the past' }]
    : [];
}

export async function progressRoutes(app: FastifyInstance, { db }: { db: AppDb }): Promise<void> {
  const signedIn = { preHandler: requireSignedIn };

  async function updatePage(
    request: FastifyRequest,
    reply: FastifyReply,
    form: { values: FormValues; errors: FormErrors } | null,
  ) {
    const { plan, action } = await getProgressForm({
      db,
      actor: request.viewer,
      planId: paramId(request, 'id'),
      actionId: paramId(request, 'actionId'),
    });
    const values = form?.values ?? dateValues(updatedOn.name, londonToday());
    const errors = form?.errors ?? FormErrors.none();
    return reply.renderPage({
      title: 'Post a progress update',
      ...(errors.any ? { status: 400, hasErrors: true } : {}),
      content: (
        <ProgressUpdatePage
          plan={plan}
          action={action}
          values={values}
          errors={errors}
          creationKey={typedText(values, 'creationKey') || randomUUID()}
        />
      ),
    });
  }

  app.get(routes.updateNew, signedIn, async function progressUpdateGet(request, reply) {
    return updatePage(request, reply, null);
  });

  app.post(routes.updateNew, signedIn, async function progressUpdatePost(request, reply) {
    const planId = paramId(request, 'id');
    const actionId = paramId(request, 'actionId');
    const { file, problem } = evidenceFile(request);
    const form = parseDatedForm(progressForm, request.body, {
      dates: [updatedOn],
      order: progressOrder,
      also: notInFuture,
      problems: problem ? [{ field: 'file', message: problem }] : [],
    });
    if (!form.ok) return updatePage(request, reply, form);
    await postProgressUpdate({
      db,
      actor: request.viewer,
      planId,
      actionId,
      fileStore: app.files,
      creationKey: creationKeyOr(form.data.creationKey),
      input: {
        updatedOn: form.dates[updatedOn.name] ?? '',
        note: form.data.note,
        link: form.data.link || null,
        file,
      },
    });
    return reply.redirect(planPaths.action(planId, actionId, 'update-posted'), 303);
  });

  app.get(routes.evidence, signedIn, async function progressFileGet(request, reply) {
    const file = await getProgressFile({
      db,
      actor: request.viewer,
      planId: paramId(request, 'id'),
      updateId: paramId(request, 'evidenceId'),
      audit: auditContext(request),
    });
    const data = await app.files.read(file.storedName);
    return sendDownload(reply, { name: file.name, contentType: file.contentType, data });
  });
}
