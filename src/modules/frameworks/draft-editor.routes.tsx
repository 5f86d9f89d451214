import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { requireRole } from '../../platform/access/guards.ts';
import type { AppDb } from '../../platform/db/database.ts';
import { FormErrors, formValuesOf, type FormValues } from '../../platform/forms/forms.ts';
import { AppError } from '../../platform/http/app-error.ts';
import {
  addHeading,
  findHeading,
  moveHeading,
  removeHeading,
  renameHeading,
  setDetails,
  setScale,
} from './draft-edits.ts';
import {
  levelField,
  levelRowsFrom,
  levelValues,
  placeDetails,
  placeHeading,
  placeLevel,
  textOf,
} from './draft-editor.forms.ts';
import { openDraft, renderEditor, saveChange, saveMove, type EditorView } from './draft-editor.respond.tsx';
import { frameworkPaths } from './frameworks.paths.ts';
import { directionForm, keyFrom } from './frameworks.request.ts';
import type { EditorPageProps } from './views/draft-editor-parts.tsx';
import { DraftDetailsPage, DraftScalePage } from './views/draft-details-pages.tsx';
import { HeadingPage, NewHeadingPage, RemovePage } from './views/draft-heading-pages.tsx';

const { routes } = frameworkPaths;

/** The heading a page is about, in the draft the page shows: gone (removed meanwhile) is NotFound. */
function headingIn(page: EditorPageProps, headingKey: string) {
  const index = page.draft.document.headings.findIndex((heading) => heading.key === headingKey);
  const heading = page.draft.document.headings[index];
  if (!heading) throw AppError.notFound();
  return { heading, index };
}

const detailsView: EditorView = (page) => ({
  title: 'Name and summary',
  content: <DraftDetailsPage {...page} />,
});
const scaleView: EditorView = (page) => ({ title: 'Rating scale', content: <DraftScalePage {...page} /> });
const newHeadingView: EditorView = (page) => ({ title: 'Add a heading', content: <NewHeadingPage {...page} /> });

const headingView =
  (headingKey: string): EditorView =>
  (page) => {
    const { heading } = headingIn(page, headingKey);
    return { title: `Change the heading ${heading.name}`, content: <HeadingPage page={page} heading={heading} /> };
  };

const removeHeadingView =
  (headingKey: string): EditorView =>
  (page) => {
    const { heading } = headingIn(page, headingKey);
    const count = heading.elements.length;
    const consequence = `Its ${count === 1 ? 'element goes' : `${count} elements go`} with it. Reviews of published versions keep what they rated.`;
    const action = frameworkPaths.removeHeading(page.frameworkId, page.draft.id, heading.key);
    return {
      title: `Remove the heading ${heading.name}?`,
      content: <RemovePage page={page} what="heading" name={heading.name} consequence={consequence} action={action} />,
    };
  };

/** The details, the scale and the headings of a draft, each edited by a form of its own. */
export async function draftEditorRoutes(app: FastifyInstance, { db }: { db: AppDb }): Promise<void> {
  const managers = { preHandler: requireRole('platform_administrator') };

  /** A GET of an editor page: the form filled from the draft as saved. */
  async function showForm(
    request: FastifyRequest,
    reply: FastifyReply,
    view: EditorView,
    valuesFrom: (draft: EditorPageProps['draft']) => FormValues,
  ) {
    const opened = await openDraft(db, request, reply);
    if (!opened) return reply;
    const values = valuesFrom(opened.draft);
    return renderEditor(reply, view, { ...opened, values, errors: FormErrors.none(), stale: false });
  }

  const saved = (_made: unknown, { frameworkId, versionId }: { frameworkId: string; versionId: string }) =>
    frameworkPaths.version(frameworkId, versionId, 'saved');

  app.get(routes.details, managers, async function draftDetailsGet(request, reply) {
    return showForm(request, reply, detailsView, ({ document }) => ({
      name: document.name,
      summary: document.summary ?? '',
    }));
  });

  app.post(routes.details, managers, async function draftDetailsPost(request, reply) {
    const values = formValuesOf(request.body);
    const details = { name: textOf(values, 'name'), summary: textOf(values, 'summary') };
    return saveChange(db, request, reply, {
      change: (document) => ({ document: setDetails(document, details), made: null }),
      next: saved,
      view: detailsView,
      place: placeDetails,
      fallbackField: 'name',
    });
  });

  app.get(routes.scale, managers, async function draftScaleGet(request, reply) {
    return showForm(request, reply, scaleView, ({ document }) => levelValues(document.scale.levels));
  });

  app.post(routes.scale, managers, async function draftScalePost(request, reply) {
    const values = formValuesOf(request.body);
    const rows = levelRowsFrom(values);
    if (textOf(values, 'change') === 'add-level') {
      // Another row for the person to fill in; nothing is saved until the scale is.
      const opened = await openDraft(db, request, reply);
      if (!opened) return reply;
      const page = { ...opened, values: { ...values, levels: String(rows.length + 1) }, errors: FormErrors.none() };
      return renderEditor(reply, scaleView, { ...page, stale: false });
    }
    const kept = rows.filter((row) => !row.remove);
    return saveChange(db, request, reply, {
      change: (document) => ({
        document: setScale(
          document,
          kept.map((row) => row.input),
        ),
        made: null,
      }),
      next: saved,
      view: scaleView,
      place: placeLevel(kept.map((row) => row.row)),
      fallbackField: levelField('label', 0),
    });
  });

  app.get(routes.newHeading, managers, async function draftNewHeadingGet(request, reply) {
    return showForm(request, reply, newHeadingView, () => ({}));
  });

  app.post(routes.newHeading, managers, async function draftNewHeadingPost(request, reply) {
    const values = formValuesOf(request.body);
    const input = { name: textOf(values, 'name'), elementName: textOf(values, 'elementName') };
    return saveChange(db, request, reply, {
      change: (document) => {
        const added = addHeading(document, input);
        return { document: added.document, made: added };
      },
      // Straight on to describe the new heading's first element.
      next: ({ headingKey, elementKey }, { frameworkId, versionId }) =>
        frameworkPaths.element(frameworkId, versionId, headingKey, elementKey),
      view: newHeadingView,
      place: placeHeading,
      fallbackField: 'name',
    });
  });

  app.get(routes.heading, managers, async function draftHeadingGet(request, reply) {
    const headingKey = keyFrom(request, 'headingKey');
    return showForm(request, reply, headingView(headingKey), ({ document }) => {
      const heading = findHeading(document, headingKey);
      if (!heading) throw AppError.notFound();
      return { name: heading.name };
    });
  });

  app.post(routes.heading, managers, async function draftHeadingPost(request, reply) {
    const headingKey = keyFrom(request, 'headingKey');
    const name = textOf(formValuesOf(request.body), 'name');
    return saveChange(db, request, reply, {
      change: (document) => {
        if (!findHeading(document, headingKey)) throw AppError.notFound();
        return { document: renameHeading(document, headingKey, name), made: null };
      },
      next: saved,
      view: headingView(headingKey),
      place: placeHeading,
      fallbackField: 'name',
    });
  });

  app.post(routes.moveHeading, managers, async function draftHeadingMovePost(request, reply) {
    const headingKey = keyFrom(request, 'headingKey');
    return saveMove(db, request, reply, (document) => {
      if (!findHeading(document, headingKey)) throw AppError.notFound();
      return moveHeading(document, headingKey, directionForm.parse(formValuesOf(request.body)).direction);
    });
  });

  app.get(routes.removeHeading, managers, async function draftRemoveHeadingGet(request, reply) {
    const headingKey = keyFrom(request, 'headingKey');
    return showForm(request, reply, removeHeadingView(headingKey), () => ({}));
  });

  app.post(routes.removeHeading, managers, async function draftRemoveHeadingPost(request, reply) {
    const headingKey = keyFrom(request, 'headingKey');
    return saveChange(db, request, reply, {
      change: (document) => {
        if (!findHeading(document, headingKey)) throw AppError.notFound();
        if (document.headings.length === 1) {
          return { refused: 'A framework needs at least one heading. Add another heading before you remove this one' };
        }
        return { document: removeHeading(document, headingKey), made: null };
      },
      next: (_made, { frameworkId, versionId }) => frameworkPaths.version(frameworkId, versionId, 'heading-removed'),
      view: removeHeadingView(headingKey),
      place: () => undefined,
      fallbackField: 'remove',
    });
  });
}
