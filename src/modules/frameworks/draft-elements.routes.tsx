import type { FastifyInstance } from 'fastify';
import { requireRole } from '../../platform/access/guards.ts';
import type { AppDb } from '../../platform/db/database.ts';
import { FormErrors, formValuesOf } from '../../platform/forms/forms.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { addElement, findElement, findHeading, moveElement, removeElement, updateElement } from './draft-edits.ts';
import { descriptorField, elementInputFrom, placeElement } from './draft-editor.forms.ts';
import { openDraft, renderEditor, saveChange, saveMove, type EditorView } from './draft-editor.respond.tsx';
import type { FrameworkDocument, FrameworkElement, FrameworkLevel } from './framework-document.ts';
import { frameworkPaths } from './frameworks.paths.ts';
import { directionForm, keyFrom } from './frameworks.request.ts';
import type { EditorPageProps } from './views/draft-editor-parts.tsx';
import { ElementPage } from './views/draft-element-page.tsx';
import { RemovePage } from './views/draft-heading-pages.tsx';

const { routes } = frameworkPaths;

/** The heading (and element) a page is about, in the draft it shows: gone (removed meanwhile) is NotFound. */
function placeOf(document: FrameworkDocument, headingKey: string, elementKey?: string) {
  const heading = findHeading(document, headingKey);
  const element = elementKey === undefined ? undefined : findElement(document, headingKey, elementKey);
  if (!heading || (elementKey !== undefined && !element)) throw AppError.notFound();
  return { heading, element };
}

const elementView =
  (headingKey: string, elementKey?: string): EditorView =>
  (page) => {
    const { heading, element } = placeOf(page.draft.document, headingKey, elementKey);
    return {
      title: element ? `Change the element ${element.name}` : `Add an element to ${heading.name}`,
      content: <ElementPage page={page} heading={heading} element={element} />,
    };
  };

const removeElementView =
  (headingKey: string, elementKey: string): EditorView =>
  (page) => {
    const { heading, element } = placeOf(page.draft.document, headingKey, elementKey);
    const name = element?.name ?? '';
    const action = frameworkPaths.removeElement(page.frameworkId, page.draft.id, headingKey, elementKey);
    const consequence = `It is removed from ${heading.name}, with its questions and descriptors. Reviews of published versions keep what they rated.`;
    return {
      title: `Remove the element ${name}?`,
      content: <RemovePage page={page} what="element" name={name} consequence={consequence} action={action} />,
    };
  };

function elementValues(element: FrameworkElement, levels: FrameworkLevel[]) {
  return {
    name: element.name,
    summary: element.summary ?? '',
    questions: element.questions.join('\n'),
    ...Object.fromEntries(levels.map((level) => [descriptorField(level.key), element.descriptors[level.key] ?? ''])),
  };
}

/** One element at a time: add, change, move within its heading, remove. */
export async function draftElementRoutes(app: FastifyInstance, { db }: { db: AppDb }): Promise<void> {
  const managers = { preHandler: requireRole('platform_administrator') };

  app.get(routes.newElement, managers, async function draftNewElementGet(request, reply) {
    const headingKey = keyFrom(request, 'headingKey');
    const opened = await openDraft(db, request, reply);
    if (!opened) return reply;
    return renderEditor(reply, elementView(headingKey), {
      ...opened,
      values: {},
      errors: FormErrors.none(),
      stale: false,
    });
  });

  app.post(routes.newElement, managers, async function draftNewElementPost(request, reply) {
    const headingKey = keyFrom(request, 'headingKey');
    const values = formValuesOf(request.body);
    return saveChange(db, request, reply, {
      change: (document) => {
        placeOf(document, headingKey);
        const added = addElement(document, headingKey, elementInputFrom(values, document.scale.levels));
        return { document: added.document, made: added.elementKey };
      },
      next: (_elementKey, { frameworkId, versionId }) =>
        frameworkPaths.version(frameworkId, versionId, 'element-added'),
      view: elementView(headingKey),
      place: placeElement,
      fallbackField: 'name',
    });
  });

  app.get(routes.element, managers, async function draftElementGet(request, reply) {
    const headingKey = keyFrom(request, 'headingKey');
    const elementKey = keyFrom(request, 'elementKey');
    const opened = await openDraft(db, request, reply);
    if (!opened) return reply;
    const { document } = opened.draft;
    const { element } = placeOf(document, headingKey, elementKey);
    const values = element ? elementValues(element, document.scale.levels) : {};
    return renderEditor(reply, elementView(headingKey, elementKey), {
      ...opened,
      values,
      errors: FormErrors.none(),
      stale: false,
    });
  });

  app.post(routes.element, managers, async function draftElementPost(request, reply) {
    const headingKey = keyFrom(request, 'headingKey');
    const elementKey = keyFrom(request, 'elementKey');
    const values = formValuesOf(request.body);
    return saveChange(db, request, reply, {
      change: (document) => {
        placeOf(document, headingKey, elementKey);
        const input = elementInputFrom(values, document.scale.levels);
        return { document: updateElement(document, headingKey, elementKey, input), made: null };
      },
      next: (_made, { frameworkId, versionId }) => frameworkPaths.version(frameworkId, versionId, 'saved'),
      view: elementView(headingKey, elementKey),
      place: placeElement,
      fallbackField: 'name',
    });
  });

  app.post(routes.moveElement, managers, async function draftElementMovePost(request, reply) {
    const headingKey = keyFrom(request, 'headingKey');
    const elementKey = keyFrom(request, 'elementKey');
    const { direction } = directionForm.parse(formValuesOf(request.body));
    return saveMove(db, request, reply, (document) => {
      placeOf(document, headingKey, elementKey);
      return moveElement(document, headingKey, elementKey, direction);
    });
  });

  app.get(routes.removeElement, managers, async function draftRemoveElementGet(request, reply) {
    const headingKey = keyFrom(request, 'headingKey');
    const elementKey = keyFrom(request, 'elementKey');
    const opened = await openDraft(db, request, reply);
    if (!opened) return reply;
    const page: EditorPageProps = { ...opened, values: {}, errors: FormErrors.none(), stale: false };
    return renderEditor(reply, removeElementView(headingKey, elementKey), page);
  });

  app.post(routes.removeElement, managers, async function draftRemoveElementPost(request, reply) {
    const headingKey = keyFrom(request, 'headingKey');
    const elementKey = keyFrom(request, 'elementKey');
    return saveChange(db, request, reply, {
      change: (document) => {
        const { heading } = placeOf(document, headingKey, elementKey);
        if (heading.elements.length === 1) {
          return {
            refused: `${heading.name} needs at least one element. Add another element to it, or remove the whole heading`,
          };
        }
        return { document: removeElement(document, headingKey, elementKey), made: null };
      },
      next: (_made, { frameworkId, versionId }) => frameworkPaths.version(frameworkId, versionId, 'element-removed'),
      view: removeElementView(headingKey, elementKey),
      place: () => undefined,
      fallbackField: 'remove',
    });
  });
}
