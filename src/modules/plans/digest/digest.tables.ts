import { date, pgTable, primaryKey, timestamp, uuid } from 'drizzle-orm/pg-core';
import { people } from '../../people/people.tables.ts';

/**
 * Whose weekly digest of plan actions has gone, week by week. A run claims the row before it
 * sends, so two runs at once, or a retry, send nobody a second copy that week.
 */
export const planActionDigests = pgTable(
  'plan_action_digests',
  {
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    /** The Monday of the week, in London. */
    weekStart: date('week_start', { mode: 'string' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.personId, table.weekStart] })],
);
