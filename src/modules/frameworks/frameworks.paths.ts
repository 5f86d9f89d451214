import type { FrameworkFileFormat } from './framework-document.ts';

/** What a framework page says after a change: one of these, never text from the address bar. */
export const frameworkDoneMessages = {
  imported: 'Framework imported as a draft',
  'draft-started': 'New draft started',
  saved: 'Draft saved',
  published: 'Version published',
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
} as const;
