import { and, eq } from 'drizzle-orm';
import { frameworks, frameworkVersions } from '../src/modules/frameworks/frameworks.tables.ts';
import type { AppDb } from '../src/platform/db/database.ts';
import type { PageVisit } from './support/page-visit.ts';

/**
 * The framework pages: the built-in trust development framework as everyone reads it, and a
 * draft of its next version, which administrators edit and publish.
 */
export async function frameworkVisits(db: AppDb): Promise<PageVisit[]> {
  const [published] = await db
    .select({ frameworkId: frameworks.id, id: frameworkVersions.id, document: frameworkVersions.document })
    .from(frameworkVersions)
    .innerJoin(frameworks, eq(frameworks.id, frameworkVersions.frameworkId))
    .where(and(eq(frameworks.key, 'trust-development'), eq(frameworkVersions.status, 'published')));
  if (!published) throw new Error('the built-in trust development framework is not installed');
  const [draft] = await db
    .insert(frameworkVersions)
    .values({
      frameworkId: published.frameworkId,
      number: 2,
      status: 'draft',
      name: published.document.name,
      document: published.document,
    })
    .returning({ id: frameworkVersions.id });
  if (!draft) throw new Error('draft not created');
  const base = `/frameworks/${published.frameworkId}/versions`;
  const name = published.document.name;
  const admin = (visit: Omit<PageVisit, 'visitors' | 'status'>): PageVisit => ({
    ...visit,
    visitors: ['platform_administrator'],
    status: 200,
  });
  return [
    {
      name: 'frameworks',
      route: '/frameworks',
      path: '/frameworks',
      visitors: ['platform_administrator', 'ceo'],
      status: 200,
      heading: () => 'Frameworks',
    },
    {
      name: 'framework',
      route: '/frameworks/:id',
      path: `/frameworks/${published.frameworkId}`,
      visitors: ['trustee'],
      status: 200,
      heading: () => name,
    },
    {
      name: 'framework-version',
      route: '/frameworks/:id/versions/:versionId',
      path: `${base}/${published.id}`,
      visitors: ['ceo', 'platform_administrator'],
      status: 200,
      heading: () => name,
    },
    admin({
      name: 'framework-import',
      route: '/frameworks/import',
      path: '/frameworks/import',
      heading: () => 'Import a framework',
    }),
    admin({
      name: 'framework-draft',
      route: '/frameworks/:id/versions/:versionId',
      path: `${base}/${draft.id}`,
      heading: () => name,
    }),
    admin({
      name: 'framework-edit',
      route: '/frameworks/:id/versions/:versionId/edit',
      path: `${base}/${draft.id}/edit`,
      heading: () => `Edit ${name}`,
    }),
    ...draftEditorVisits(`${base}/${draft.id}`, admin),
    admin({
      name: 'framework-publish',
      route: '/frameworks/:id/versions/:versionId/publish',
      path: `${base}/${draft.id}/publish`,
      heading: () => `Publish ${name}?`,
    }),
  ];
}

/** The form-based editor's pages, on the draft's first heading and its first element. */
function draftEditorVisits(
  draft: string,
  admin: (visit: Omit<PageVisit, 'visitors' | 'status'>) => PageVisit,
): PageVisit[] {
  const routeOf = (path: string) => `/frameworks/:id/versions/:versionId${path}`;
  const heading = '/headings/vision-culture-ethos';
  const element = `${heading}/elements/clarity-of-purpose`;
  const pages: Array<[name: string, route: string, path: string, title: string]> = [
    ['framework-draft-details', '/details', '/details', 'Name and summary'],
    ['framework-draft-scale', '/scale', '/scale', 'Rating scale'],
    ['framework-draft-new-heading', '/headings/new', '/headings/new', 'Add a heading'],
    ['framework-draft-heading', '/headings/:headingKey', heading, 'Change the heading Vision, culture and ethos'],
    [
      'framework-draft-remove-heading',
      '/headings/:headingKey/remove',
      `${heading}/remove`,
      'Remove the heading Vision, culture and ethos?',
    ],
    [
      'framework-draft-new-element',
      '/headings/:headingKey/elements/new',
      `${heading}/elements/new`,
      'Add an element to Vision, culture and ethos',
    ],
    [
      'framework-draft-element',
      '/headings/:headingKey/elements/:elementKey',
      element,
      'Change the element Clarity of purpose',
    ],
    [
      'framework-draft-remove-element',
      '/headings/:headingKey/elements/:elementKey/remove',
      `${element}/remove`,
      'Remove the element Clarity of purpose?',
    ],
  ];
  return pages.map(([name, route, path, title]) =>
    admin({ name, route: routeOf(route), path: `${draft}${path}`, heading: () => title }),
  );
}
