import { index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { idColumn } from '../../platform/db/columns.ts';
import { people } from '../people/people.tables.ts';
import { partnerships, type PartnershipSide } from './partnerships.tables.ts';

/**
 * A version of a partnership's agreement, generated from the service's template. Its text never
 * changes (the database refuses an update of it): a change is a new version, accepted again.
 */
export const partnershipAgreements = pgTable(
  'partnership_agreements',
  {
    id: idColumn(),
    partnershipId: uuid('partnership_id')
      .notNull()
      .references(() => partnerships.id, { onDelete: 'cascade' }),
    /** 1, 2, 3… in the order made. */
    number: integer('number').notNull(),
    text: text('text').notNull(),
    createdByPersonId: uuid('created_by_person_id').references(() => people.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex('partnership_agreements_number_unique').on(table.partnershipId, table.number)],
);

/** One party's acceptance of one version: the name they typed and when. */
export const agreementAcceptances = pgTable(
  'agreement_acceptances',
  {
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => partnershipAgreements.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    side: text('side').$type<PartnershipSide>().notNull(),
    typedName: text('typed_name').notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.agreementId, table.personId] }),
    index('agreement_acceptances_person_idx').on(table.personId),
  ],
);
