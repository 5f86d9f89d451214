import { hasRole, type Viewer } from '../../platform/auth/viewer.ts';
import type { AppDb } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { builtinFrameworks } from './builtin/index.ts';
import {
  parseFrameworkDocument,
  serialiseFrameworkDocument,
  type FrameworkDocument,
  type FrameworkFileFormat,
} from './framework-document.ts';
import * as repository from './frameworks.repository.ts';

export type { FrameworkRow, VersionRecord, VersionSummary } from './frameworks.repository.ts';

/**
 * Frameworks belong to the instance: platform administrators import, edit, clone and publish
 * them; everyone signed in reads the published versions (a review starts from one). A draft is
 * an administrator's work in progress and is not found by anyone else.
 */
export function mayManageFrameworks(actor: Viewer | null): boolean {
  return hasRole(actor, 'platform_administrator');
}

function assertSignedIn(actor: Viewer | null): asserts actor is Viewer {
  if (!actor) throw AppError.forbidden('Sign in first');
}

function assertMayManage(actor: Viewer | null): asserts actor is Viewer {
  if (!mayManageFrameworks(actor)) throw AppError.forbidden();
}

/**
 * Adds each built-in framework that is not there yet, published as version 1. Run at every
 * start: an instance gets frameworks added in a new release, and one an administrator has
 * since cloned or changed is left alone (the key is taken).
 */
export async function installBuiltinFrameworks({
  db,
  documents = builtinFrameworks,
  now = new Date(),
}: {
  db: AppDb;
  documents?: FrameworkDocument[];
  now?: Date;
}): Promise<number> {
  const present = await repository.listFrameworkKeys(db);
  let installed = 0;
  for (const document of documents.filter((each) => !present.has(each.key))) {
    const added = await db.transaction(async (tx) => {
      const framework = await repository.ensureFramework(tx, { key: document.key, builtin: true });
      // Another process starting at the same moment installed it first.
      if (!framework.created) return false;
      await repository.insertVersion(tx, {
        frameworkId: framework.id,
        document,
        status: 'published',
        personId: null,
        now,
      });
      return true;
    });
    if (added) installed += 1;
  }
  return installed;
}

export interface FrameworkListItem {
  id: string;
  key: string;
  builtin: boolean;
  /** The name of the newest version the viewer may see. */
  name: string;
  published: repository.VersionSummary | null;
  /** Only for those who manage frameworks. */
  draft: repository.VersionSummary | null;
}

export async function listFrameworks({ db, actor }: { db: AppDb; actor: Viewer | null }): Promise<FrameworkListItem[]> {
  assertSignedIn(actor);
  const manager = mayManageFrameworks(actor);
  const items = new Map<string, FrameworkListItem>();
  for (const version of await repository.listAllVersions(db)) {
    const item = items.get(version.frameworkId) ?? {
      id: version.frameworkId,
      key: version.key,
      builtin: version.builtin,
      name: '',
      published: null,
      draft: null,
    };
    // Versions arrive newest first: the first of each status is the one to show.
    if (version.status === 'published' && !item.published) item.published = version;
    if (version.status === 'draft' && manager) item.draft = version;
    items.set(version.frameworkId, item);
  }
  return [...items.values()]
    .filter((item) => item.published || item.draft)
    .map((item) => ({ ...item, name: (item.draft ?? item.published)?.name ?? item.key }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
}

export interface FrameworkOverview {
  framework: repository.FrameworkRow;
  /** Newest first; drafts only for those who manage frameworks. */
  versions: repository.VersionSummary[];
  /** What the framework says now: its newest published version, if any. */
  current: repository.VersionRecord | null;
}

export async function getFrameworkOverview({
  db,
  actor,
  frameworkId,
}: {
  db: AppDb;
  actor: Viewer | null;
  frameworkId: string;
}): Promise<FrameworkOverview> {
  assertSignedIn(actor);
  const framework = await repository.findFramework(db, frameworkId);
  if (!framework) throw AppError.notFound();
  const all = await repository.listVersions(db, frameworkId);
  const versions = mayManageFrameworks(actor) ? all : all.filter((version) => version.status === 'published');
  if (versions.length === 0) throw AppError.notFound();
  const newestPublished = all.find((version) => version.status === 'published');
  const current = newestPublished
    ? await repository.findVersion(db, { frameworkId, versionId: newestPublished.id })
    : null;
  return { framework, versions, current };
}

export async function getFrameworkVersion({
  db,
  actor,
  frameworkId,
  versionId,
}: {
  db: AppDb;
  actor: Viewer | null;
  frameworkId: string;
  versionId: string;
}): Promise<repository.VersionRecord> {
  assertSignedIn(actor);
  const version = await repository.findVersion(db, { frameworkId, versionId });
  if (!version || (version.status === 'draft' && !mayManageFrameworks(actor))) throw AppError.notFound();
  return version;
}

export function exportFrameworkVersion(version: repository.VersionRecord, format: FrameworkFileFormat): string {
  return serialiseFrameworkDocument(version.document, format);
}

export type Import =
  | { outcome: 'imported'; frameworkId: string; versionId: string }
  | { outcome: 'problems'; problems: string[] }
  /** The framework already has a draft: edit or publish that one first, so nobody's work is overwritten. */
  | { outcome: 'draft-exists'; frameworkId: string; versionId: string };

/**
 * Imports a file as a draft: of a new framework when its key is new, otherwise as the next
 * version of the framework with that key. Nothing is saved unless the whole file is right.
 */
export async function importFramework({
  db,
  actor,
  text,
  format,
  now = new Date(),
}: {
  db: AppDb;
  actor: Viewer | null;
  text: string;
  format: FrameworkFileFormat;
  now?: Date;
}): Promise<Import> {
  assertMayManage(actor);
  const parsed = parseFrameworkDocument(text, format);
  if (!parsed.ok) return { outcome: 'problems', problems: parsed.problems };
  const { document } = parsed;
  return db.transaction(async (tx): Promise<Import> => {
    const { id: frameworkId } = await repository.ensureFramework(tx, { key: document.key, builtin: false });
    await repository.lockFramework(tx, frameworkId);
    const draft = await repository.findDraft(tx, frameworkId);
    if (draft) return { outcome: 'draft-exists', frameworkId, versionId: draft.id };
    const versionId = await repository.insertVersion(tx, {
      frameworkId,
      document,
      status: 'draft',
      personId: actor.personId,
      now,
    });
    return { outcome: 'imported', frameworkId, versionId };
  });
}

/** A new draft copied from a version (or the draft there already is: one at a time). */
export async function startDraft({
  db,
  actor,
  frameworkId,
  fromVersionId,
  now = new Date(),
}: {
  db: AppDb;
  actor: Viewer | null;
  frameworkId: string;
  fromVersionId: string;
  now?: Date;
}): Promise<{ versionId: string; created: boolean }> {
  assertMayManage(actor);
  return db.transaction(async (tx) => {
    const from = await repository.findVersion(tx, { frameworkId, versionId: fromVersionId });
    if (!from) throw AppError.notFound();
    await repository.lockFramework(tx, frameworkId);
    const draft = await repository.findDraft(tx, frameworkId);
    if (draft) return { versionId: draft.id, created: false };
    const versionId = await repository.insertVersion(tx, {
      frameworkId,
      document: from.document,
      status: 'draft',
      personId: actor.personId,
      now,
    });
    return { versionId, created: true };
  });
}

export type DraftSave =
  | { outcome: 'saved' }
  | { outcome: 'problems'; problems: string[] }
  /** Someone saved or published this draft after the editor opened it: nothing was saved. */
  | { outcome: 'stale'; current: repository.VersionRecord };

export async function saveDraft({
  db,
  actor,
  frameworkId,
  versionId,
  version,
  text,
  format,
  now = new Date(),
}: {
  db: AppDb;
  actor: Viewer | null;
  frameworkId: string;
  versionId: string;
  /** The version of the draft the editor opened. */
  version: number;
  text: string;
  format: FrameworkFileFormat;
  now?: Date;
}): Promise<DraftSave> {
  assertMayManage(actor);
  const parsed = parseFrameworkDocument(text, format);
  return db.transaction(async (tx): Promise<DraftSave> => {
    const current = await repository.findVersion(tx, { frameworkId, versionId, forUpdate: true });
    if (!current) throw AppError.notFound();
    if (current.status !== 'draft' || current.version !== version) return { outcome: 'stale', current };
    if (!parsed.ok) return { outcome: 'problems', problems: parsed.problems };
    if (parsed.document.key !== current.document.key) {
      return {
        outcome: 'problems',
        problems: [
          `key: A new version keeps the framework's key (${current.document.key}). To make a separate framework, import the file with a new key instead`,
        ],
      };
    }
    await repository.updateDraftDocument(tx, versionId, { document: parsed.document, now });
    return { outcome: 'saved' };
  });
}

export type Publication = { outcome: 'published' } | { outcome: 'stale'; current: repository.VersionRecord };

/** Freezes the draft the publisher looked at, as it was: a later edit by someone else is not published unseen. */
export async function publishDraft({
  db,
  actor,
  frameworkId,
  versionId,
  version,
  now = new Date(),
}: {
  db: AppDb;
  actor: Viewer | null;
  frameworkId: string;
  versionId: string;
  version: number;
  now?: Date;
}): Promise<Publication> {
  assertMayManage(actor);
  return db.transaction(async (tx): Promise<Publication> => {
    const current = await repository.findVersion(tx, { frameworkId, versionId, forUpdate: true });
    if (!current) throw AppError.notFound();
    // Pressed twice: the first press published it.
    if (current.status === 'published' && current.version === version) return { outcome: 'published' };
    if (current.status !== 'draft' || current.version !== version) return { outcome: 'stale', current };
    await repository.markPublished(tx, versionId, { personId: actor.personId, now });
    return { outcome: 'published' };
  });
}

export interface PublishedFrameworkChoice {
  frameworkId: string;
  versionId: string;
  name: string;
  number: number;
  headings: Array<{ key: string; name: string }>;
}

/** Each framework's newest published version with its headings: what a review starts from. */
export async function listPublishedFrameworks({
  db,
  actor,
}: {
  db: AppDb;
  actor: Viewer | null;
}): Promise<PublishedFrameworkChoice[]> {
  const items = await listFrameworks({ db, actor });
  const choices: PublishedFrameworkChoice[] = [];
  for (const item of items) {
    if (!item.published) continue;
    const version = await repository.findVersion(db, { frameworkId: item.id, versionId: item.published.id });
    if (!version) continue;
    choices.push({
      frameworkId: item.id,
      versionId: version.id,
      name: version.name,
      number: version.number,
      headings: version.document.headings.map((heading) => ({ key: heading.key, name: heading.name })),
    });
  }
  return choices;
}
