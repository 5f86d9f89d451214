import { sql } from 'drizzle-orm';
import { boolean, check, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { idColumn, timestampColumns, versionColumn } from '../../platform/db/columns.ts';
import { people } from '../people/people.tables.ts';
import type { FrameworkDocument } from './framework-document.ts';

/**
 * A framework is a line of versions sharing one key ("trust-development"). Its content lives
 * in the versions: at most one draft, which people edit, and any number of published ones,
 * which never change (the framework_versions_frozen trigger refuses it) because reviews point at them.
 */
export const frameworks = pgTable(
  'frameworks',
  {
    id: idColumn(),
    key: text('key').notNull(),
    /** Written by the project and installed at start-up: people clone it rather than edit it. */
    builtin: boolean('builtin').notNull().default(false),
    ...timestampColumns(),
  },
  (table) => [uniqueIndex('frameworks_key_unique').on(table.key)],
);

export const frameworkVersionStatuses = ['draft', 'published'] as const;
export type FrameworkVersionStatus = (typeof frameworkVersionStatuses)[number];

export const frameworkVersions = pgTable(
  'framework_versions',
  {
    id: idColumn(),
    frameworkId: uuid('framework_id')
      .notNull()
      .references(() => frameworks.id),
    /** 1, 2, 3…: the order versions were started in; a published version keeps its number for ever. */
    number: integer('number').notNull(),
    status: text('status').$type<FrameworkVersionStatus>().notNull(),
    /** The document's name, kept beside it for lists. */
    name: text('name').notNull(),
    document: jsonb('document').$type<FrameworkDocument>().notNull(),
    createdByPersonId: uuid('created_by_person_id').references(() => people.id),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    publishedByPersonId: uuid('published_by_person_id').references(() => people.id),
    version: versionColumn(),
    ...timestampColumns(),
  },
  (table) => [
    uniqueIndex('framework_versions_number_unique').on(table.frameworkId, table.number),
    // One draft at a time: a second "start a new draft" finds the first.
    uniqueIndex('framework_versions_one_draft')
      .on(table.frameworkId)
      .where(sql`${table.status} = 'draft'`),
    check('framework_versions_status_check', sql`${table.status} in ('draft', 'published')`),
    check(
      'framework_versions_published_check',
      sql`(${table.status} = 'published') = (${table.publishedAt} is not null)`,
    ),
  ],
);
