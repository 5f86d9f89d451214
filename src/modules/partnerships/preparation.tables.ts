import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { idColumn } from '../../platform/db/columns.ts';
import { organisations } from '../organisations/organisations.tables.ts';
import { people } from '../people/people.tables.ts';
import { partnerships } from './partnerships.tables.ts';

/** An item the mentor asks to read before they start (the defaults, and any the mentee adds). */
export const documentRequests = pgTable(
  'document_requests',
  {
    id: idColumn(),
    partnershipId: uuid('partnership_id')
      .notNull()
      .references(() => partnerships.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    detail: text('detail').notNull().default(''),
    /** One of the checklist's defaults, rather than added by a person. */
    standard: boolean('standard').notNull().default(false),
    position: integer('position').notNull(),
    addedByPersonId: uuid('added_by_person_id').references(() => people.id),
    creationKey: text('creation_key').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('document_requests_creation_key_unique').on(table.creationKey),
    index('document_requests_partnership_idx').on(table.partnershipId, table.position),
  ],
);

/** What was given for a request: an uploaded file or a link, with a note. */
export const partnershipDocuments = pgTable(
  'partnership_documents',
  {
    id: idColumn(),
    partnershipId: uuid('partnership_id')
      .notNull()
      .references(() => partnerships.id, { onDelete: 'cascade' }),
    requestId: uuid('request_id')
      .notNull()
      .references(() => documentRequests.id, { onDelete: 'cascade' }),
    link: text('link'),
    fileName: text('file_name'),
    storedName: text('stored_name'),
    contentType: text('content_type'),
    size: integer('size'),
    note: text('note').notNull().default(''),
    addedByPersonId: uuid('added_by_person_id').references(() => people.id),
    creationKey: text('creation_key').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('partnership_documents_creation_key_unique').on(table.creationKey),
    index('partnership_documents_request_idx').on(table.requestId),
    check('partnership_documents_given_check', sql`${table.link} is not null or ${table.storedName} is not null`),
  ],
);

export const schoolVisitStatuses = ['planned', 'done'] as const;
export type SchoolVisitStatus = (typeof schoolVisitStatuses)[number];

/** A visit by the mentor to one of the mentee trust's schools, chosen from the register. */
export const schoolVisits = pgTable(
  'school_visits',
  {
    id: idColumn(),
    partnershipId: uuid('partnership_id')
      .notNull()
      .references(() => partnerships.id, { onDelete: 'cascade' }),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => organisations.id),
    visitOn: date('visit_on', { mode: 'string' }).notNull(),
    /** Whom they meet: key staff, and as the mentee wishes the chair or executive team. */
    meeting: text('meeting').notNull().default(''),
    status: text('status').$type<SchoolVisitStatus>().notNull().default('planned'),
    creationKey: text('creation_key').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('school_visits_creation_key_unique').on(table.creationKey),
    uniqueIndex('school_visits_school_unique').on(table.partnershipId, table.schoolId),
    check('school_visits_status_check', sql`${table.status} in ('planned', 'done')`),
  ],
);
