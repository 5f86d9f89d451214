import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { idColumn, timestampColumns } from '../db/columns.ts';

export const outboxStatuses = ['queued', 'sent', 'failed'] as const;
export type OutboxStatus = (typeof outboxStatuses)[number];

/**
 * Every message Tandem sends, written before any attempt to send it: with no mail server
 * it stays here for administrators to read, and with one it records how delivery went.
 * Bodies hold sign-in links, so only platform administrators may read this table's pages.
 */
export const outboxMessages = pgTable(
  'outbox_messages',
  {
    id: idColumn(),
    to: text('to').notNull(),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    html: text('html'),
    status: text('status').$type<OutboxStatus>().notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    /**
     * Names a message that must be written once however often the job writing it runs: a retry
     * after a partial run finds the messages already written and writes only the rest.
     */
    idempotencyKey: text('idempotency_key'),
    ...timestampColumns(),
  },
  (table) => [
    check('outbox_messages_status_check', sql`${table.status} in ('queued', 'sent', 'failed')`),
    // The admin page lists newest first, a page at a time.
    index('outbox_messages_created_idx').on(table.createdAt.desc(), table.id.desc()),
    uniqueIndex('outbox_messages_idempotency_key_idx').on(table.idempotencyKey),
  ],
);
