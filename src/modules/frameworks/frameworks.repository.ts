import { and, asc, desc, eq, max, sql } from 'drizzle-orm';
import type { AppDb } from '../../platform/db/database.ts';
import type { FrameworkDocument } from './framework-document.ts';
import { frameworks, frameworkVersions, type FrameworkVersionStatus } from './frameworks.tables.ts';

export interface VersionSummary {
  id: string;
  frameworkId: string;
  number: number;
  status: FrameworkVersionStatus;
  name: string;
  publishedAt: Date | null;
  updatedAt: Date;
}

export interface VersionRecord extends VersionSummary {
  document: FrameworkDocument;
  /** Edits name the version they read, so a save over someone else's is caught. */
  version: number;
}

export interface FrameworkRow {
  id: string;
  key: string;
  builtin: boolean;
}

const summaryColumns = {
  id: frameworkVersions.id,
  frameworkId: frameworkVersions.frameworkId,
  number: frameworkVersions.number,
  status: frameworkVersions.status,
  name: frameworkVersions.name,
  publishedAt: frameworkVersions.publishedAt,
  updatedAt: frameworkVersions.updatedAt,
};

export async function findFramework(db: AppDb, id: string): Promise<FrameworkRow | null> {
  const [row] = await db
    .select({ id: frameworks.id, key: frameworks.key, builtin: frameworks.builtin })
    .from(frameworks)
    .where(eq(frameworks.id, id));
  return row ?? null;
}

export async function findFrameworkByKey(db: AppDb, key: string): Promise<FrameworkRow | null> {
  const [row] = await db
    .select({ id: frameworks.id, key: frameworks.key, builtin: frameworks.builtin })
    .from(frameworks)
    .where(eq(frameworks.key, key));
  return row ?? null;
}

export async function listFrameworkKeys(db: AppDb): Promise<Set<string>> {
  const rows = await db.select({ key: frameworks.key }).from(frameworks);
  return new Set(rows.map((row) => row.key));
}

/** Every version of every framework, newest first within each: lists pick what they show. */
export async function listAllVersions(db: AppDb): Promise<Array<VersionSummary & { key: string; builtin: boolean }>> {
  return db
    .select({ ...summaryColumns, key: frameworks.key, builtin: frameworks.builtin })
    .from(frameworkVersions)
    .innerJoin(frameworks, eq(frameworks.id, frameworkVersions.frameworkId))
    .orderBy(asc(frameworks.key), desc(frameworkVersions.number));
}

export async function listVersions(db: AppDb, frameworkId: string): Promise<VersionSummary[]> {
  return db
    .select(summaryColumns)
    .from(frameworkVersions)
    .where(eq(frameworkVersions.frameworkId, frameworkId))
    .orderBy(desc(frameworkVersions.number));
}

export async function findVersion(
  db: AppDb,
  { frameworkId, versionId, forUpdate = false }: { frameworkId: string; versionId: string; forUpdate?: boolean },
): Promise<VersionRecord | null> {
  const query = db
    .select({ ...summaryColumns, document: frameworkVersions.document, version: frameworkVersions.version })
    .from(frameworkVersions)
    .where(and(eq(frameworkVersions.id, versionId), eq(frameworkVersions.frameworkId, frameworkId)));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

export async function findDraft(db: AppDb, frameworkId: string): Promise<VersionSummary | null> {
  const [row] = await db
    .select(summaryColumns)
    .from(frameworkVersions)
    .where(and(eq(frameworkVersions.frameworkId, frameworkId), eq(frameworkVersions.status, 'draft')));
  return row ?? null;
}

/**
 * The framework with this key, added if it is not there. Two imports of a new key at the same
 * moment both get the one framework: the unique key decides, and the second reads the first's row.
 */
export async function ensureFramework(
  db: AppDb,
  { key, builtin }: { key: string; builtin: boolean },
): Promise<{ id: string; created: boolean }> {
  const [inserted] = await db
    .insert(frameworks)
    .values({ key, builtin })
    .onConflictDoNothing({ target: frameworks.key })
    .returning({ id: frameworks.id });
  if (inserted) return { id: inserted.id, created: true };
  const existing = await findFrameworkByKey(db, key);
  if (!existing) throw new Error(`framework ${key} neither inserted nor found`);
  return { id: existing.id, created: false };
}

/** A new version numbered after the last one. The caller holds the framework's lock (lockFramework). */
export async function insertVersion(
  db: AppDb,
  {
    frameworkId,
    document,
    status,
    personId,
    now,
  }: {
    frameworkId: string;
    document: FrameworkDocument;
    status: FrameworkVersionStatus;
    personId: string | null;
    now: Date;
  },
): Promise<string> {
  const [last] = await db
    .select({ number: max(frameworkVersions.number) })
    .from(frameworkVersions)
    .where(eq(frameworkVersions.frameworkId, frameworkId));
  const published = status === 'published';
  const [row] = await db
    .insert(frameworkVersions)
    .values({
      frameworkId,
      number: (last?.number ?? 0) + 1,
      status,
      name: document.name,
      document,
      createdByPersonId: personId,
      publishedAt: published ? now : null,
      publishedByPersonId: published ? personId : null,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: frameworkVersions.id });
  if (!row) throw new Error('framework version not created');
  return row.id;
}

/** Versions of one framework are numbered and drafted one at a time. */
export async function lockFramework(db: AppDb, frameworkId: string): Promise<void> {
  await db.select({ id: frameworks.id }).from(frameworks).where(eq(frameworks.id, frameworkId)).for('update');
}

export async function updateDraftDocument(
  db: AppDb,
  versionId: string,
  { document, now }: { document: FrameworkDocument; now: Date },
): Promise<void> {
  await db
    .update(frameworkVersions)
    .set({ document, name: document.name, updatedAt: now, version: sql`${frameworkVersions.version} + 1` })
    .where(and(eq(frameworkVersions.id, versionId), eq(frameworkVersions.status, 'draft')));
}

export async function markPublished(
  db: AppDb,
  versionId: string,
  { personId, now }: { personId: string; now: Date },
): Promise<void> {
  await db
    .update(frameworkVersions)
    .set({ status: 'published', publishedAt: now, publishedByPersonId: personId, updatedAt: now })
    .where(and(eq(frameworkVersions.id, versionId), eq(frameworkVersions.status, 'draft')));
}
