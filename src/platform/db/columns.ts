import { integer, timestamp, uuid } from 'drizzle-orm/pg-core';

/** The columns every table starts with (see ARCHITECTURE.md, "Names"). */
export const idColumn = () => uuid('id').primaryKey().defaultRandom();

export const timestampColumns = () => ({
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** For rows people edit at the same time: an update names the version it read, so a stale save is caught. */
export const versionColumn = () => integer('version').notNull().default(1);
