import type { FrameworkFileFormat } from './framework-document.ts';

/** What a framework page says after a change: one of these, never text from the address bar. */
export const frameworkDoneMessages = {
  imported: 'Framework imported as a draft',
  'draft-started': 'New draft started',
  saved: 'Draft saved',
  published: 'Version published',
  'heading-added': 'Heading added',
  'heading-removed': 'Heading removed',
  'element-added': 'Element added',
  'element-removed': 'Element removed',
} as const;
export type FrameworkDone = keyof typeof frameworkDoneMessages;

/** Every URL of the frameworks pages, built in one place. */
export const frameworkPaths = {
  routes: {
    list: '/frameworks',
    import: '/frameworks/import',
    framework: '/frameworks/:id',
    version: '/frameworks/:id/versions/:versionId',
    export: '/frameworks/:id/versions/:versionId/export',
    edit: '/frameworks/:id/versions/:versionId/edit',
    clone: '/frameworks/:id/versions/:versionId/clone',
    publish: '/frameworks/:id/versions/:versionId/publish',
    details: '/frameworks/:id/versions/:versionId/details',
    scale: '/frameworks/:id/versions/:versionId/scale',
    newHeading: '/frameworks/:id/versions/:versionId/headings/new',
    heading: '/frameworks/:id/versions/:versionId/headings/:headingKey',
    moveHeading: '/frameworks/:id/versions/:versionId/headings/:headingKey/move',
    removeHeading: '/frameworks/:id/versions/:versionId/headings/:headingKey/remove',
    newElement: '/frameworks/:id/versions/:versionId/headings/:headingKey/elements/new',
    element: '/frameworks/:id/versions/:versionId/headings/:headingKey/elements/:elementKey',
    moveElement: '/frameworks/:id/versions/:versionId/headings/:headingKey/elements/:elementKey/move',
    removeElement: '/frameworks/:id/versions/:versionId/headings/:headingKey/elements/:elementKey/remove',
  },
  list: '/frameworks',
  import: '/frameworks/import',
  framework: (id: string): string => `/frameworks/${id}`,
  version: (id: string, versionId: string, done?: FrameworkDone): string =>
    `/frameworks/${id}/versions/${versionId}${done ? `?done=${done}` : ''}`,
  export: (id: string, versionId: string, format: FrameworkFileFormat): string =>
    `/frameworks/${id}/versions/${versionId}/export?format=${format}`,
  edit: (id: string, versionId: string): string => `/frameworks/${id}/versions/${versionId}/edit`,
  clone: (id: string, versionId: string): string => `/frameworks/${id}/versions/${versionId}/clone`,
  publish: (id: string, versionId: string): string => `/frameworks/${id}/versions/${versionId}/publish`,
  details: (id: string, versionId: string): string => `/frameworks/${id}/versions/${versionId}/details`,
  scale: (id: string, versionId: string): string => `/frameworks/${id}/versions/${versionId}/scale`,
  newHeading: (id: string, versionId: string): string => `/frameworks/${id}/versions/${versionId}/headings/new`,
  heading: (id: string, versionId: string, headingKey: string): string =>
    `/frameworks/${id}/versions/${versionId}/headings/${headingKey}`,
  moveHeading: (id: string, versionId: string, headingKey: string): string =>
    `/frameworks/${id}/versions/${versionId}/headings/${headingKey}/move`,
  removeHeading: (id: string, versionId: string, headingKey: string): string =>
    `/frameworks/${id}/versions/${versionId}/headings/${headingKey}/remove`,
  newElement: (id: string, versionId: string, headingKey: string): string =>
    `/frameworks/${id}/versions/${versionId}/headings/${headingKey}/elements/new`,
  element: (id: string, versionId: string, headingKey: string, elementKey: string): string =>
    `/frameworks/${id}/versions/${versionId}/headings/${headingKey}/elements/${elementKey}`,
  moveElement: (id: string, versionId: string, headingKey: string, elementKey: string): string =>
    `/frameworks/${id}/versions/${versionId}/headings/${headingKey}/elements/${elementKey}/move`,
  removeElement: (id: string, versionId: string, headingKey: string, elementKey: string): string =>
    `/frameworks/${id}/versions/${versionId}/headings/${headingKey}/elements/${elementKey}/remove`,
} as const;
