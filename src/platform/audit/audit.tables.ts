import { sql } from 'drizzle-orm';
import { bigint, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { idColumn } from '../db/columns.ts';

/**
 * Who did what to whose account, when and from where. Append-only: the app has no update
 * or delete path, and a trigger (the audit_append_only migration) makes the database
 * refuse UPDATE, DELETE and TRUNCATE as well.
 *
 * The person and organisation ids carry no foreign keys on purpose: a cascade or "set null"
 * would be an update or delete the trigger refuses, and a record must outlive what it is
 * about. (The platform also knows no module's tables.)
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: idColumn(),
    // clock_timestamp, not now(): several events in one transaction keep their order.
    occurredAt: timestamp('occurred_at', { withTimezone: true })
      .notNull()
      .default(sql`clock_timestamp()`),
    /**
     * The order events were written in, where their times tie: the embedded database's clock
     * counts in milliseconds, so two events of one request often share a time.
     */
    seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity(),
    action: text('action').notNull(),
    actorPersonId: uuid('actor_person_id'),
    subjectPersonId: uuid('subject_person_id'),
    organisationId: uuid('organisation_id'),
    ip: text('ip'),
    userAgent: text('user_agent'),
    requestId: text('request_id'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
  },
  (table) => [
    // Ascending on purpose: read backwards, each serves "order by occurred_at desc, seq desc"
    // (a DESC NULLS LAST index would not match that order's default NULLS FIRST).
    // Account activity: one person's events, newest first.
    index('audit_events_subject_idx').on(table.subjectPersonId, table.occurredAt, table.seq),
    // Audit log: everything newest first, narrowed by action, by person, or by dates.
    index('audit_events_occurred_idx').on(table.occurredAt, table.seq),
    index('audit_events_action_idx').on(table.action, table.occurredAt, table.seq),
    index('audit_events_actor_idx').on(table.actorPersonId, table.occurredAt, table.seq),
    // An organisation's log of one kind of event (who has read a trust's reviews), newest first.
    index('audit_events_organisation_idx').on(table.organisationId, table.action, table.occurredAt, table.seq),
    // The reads of one confidential thing (a partnership, a plan), newest first: its read log.
    index('audit_events_read_subject_idx')
      .on(sql`(${table.details} ->> 'id')`, table.occurredAt, table.seq)
      .where(sql`${table.action} = 'confidential.read'`),
  ],
);

export type AuditEventRow = typeof auditEvents.$inferSelect;
