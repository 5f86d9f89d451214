import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { idColumn } from '../../platform/db/columns.ts';
import { people } from './people.tables.ts';

/**
 * A form someone sent after their session had ended, kept for an hour so that signing in again
 * does not cost them what they typed. The fields are sealed (they may be a private meeting note,
 * which the database never holds in plain text), and the browser holds the token, of which the
 * table keeps only a hash.
 */
export const unsentForms = pgTable(
  'unsent_forms',
  {
    id: idColumn(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    /** Where the form was sent: a path of this site. */
    path: text('path').notNull(),
    sealedFields: text('sealed_fields').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    uniqueIndex('unsent_forms_token_hash_unique').on(table.tokenHash),
    index('unsent_forms_expires_idx').on(table.expiresAt),
  ],
);
