import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  check,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { idColumn } from '../../platform/db/columns.ts';
import { organisations } from '../organisations/organisations.tables.ts';
import { people } from '../people/people.tables.ts';
import { planPriorities, plans } from './plans.tables.ts';

export const shareAccessLevels = ['read', 'comment'] as const;
export type ShareAccess = (typeof shareAccessLevels)[number];

/**
 * A plan shared by its owners with one person (a mentor, or anyone named) or with a partner
 * trust (whose leaders then read it). Revoking keeps the row, with who revoked it and when:
 * the plan's owners see the whole history of who could read it.
 */
export const planShares = pgTable(
  'plan_shares',
  {
    id: idColumn(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    personId: uuid('person_id').references(() => people.id),
    organisationId: uuid('organisation_id').references(() => organisations.id),
    access: text('access').$type<ShareAccess>().notNull(),
    sharedByPersonId: uuid('shared_by_person_id').references(() => people.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedByPersonId: uuid('revoked_by_person_id').references(() => people.id),
  },
  (table) => [
    index('plan_shares_plan_idx').on(table.planId),
    // The policy asks "is this plan shared with me (or my trust) now?" for every plan read.
    index('plan_shares_person_idx')
      .on(table.personId)
      .where(sql`${table.revokedAt} is null`),
    index('plan_shares_organisation_idx')
      .on(table.organisationId)
      .where(sql`${table.revokedAt} is null`),
    // One live share per plan and recipient: sharing again changes its access instead.
    uniqueIndex('plan_shares_live_person_unique')
      .on(table.planId, table.personId)
      .where(sql`${table.revokedAt} is null and ${table.personId} is not null`),
    uniqueIndex('plan_shares_live_organisation_unique')
      .on(table.planId, table.organisationId)
      .where(sql`${table.revokedAt} is null and ${table.organisationId} is not null`),
    check('plan_shares_recipient_check', sql`(${table.personId} is null) <> (${table.organisationId} is null)`),
    check('plan_shares_access_check', sql`${table.access} in ('read', 'comment')`),
  ],
);

/** A comment on one priority of a plan, or a reply to one (threads are one level deep). */
export const planComments = pgTable(
  'plan_comments',
  {
    id: idColumn(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    priorityId: uuid('priority_id')
      .notNull()
      .references(() => planPriorities.id, { onDelete: 'cascade' }),
    /** The comment this replies to; always a top-level comment of the same priority. */
    replyToCommentId: uuid('reply_to_comment_id').references((): AnyPgColumn => planComments.id, {
      onDelete: 'cascade',
    }),
    authorPersonId: uuid('author_person_id')
      .notNull()
      .references(() => people.id),
    body: text('body').notNull(),
    creationKey: text('creation_key').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('plan_comments_creation_key_unique').on(table.creationKey),
    index('plan_comments_priority_idx').on(table.priorityId, table.createdAt),
  ],
);

/**
 * What a closed plan carries forward: the medium-term priorities its owners name when they close
 * it, which the next plan may start from.
 */
export const planCarriedPriorities = pgTable(
  'plan_carried_priorities',
  {
    id: idColumn(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    detail: text('detail').notNull().default(''),
    position: integer('position').notNull(),
  },
  (table) => [index('plan_carried_priorities_plan_idx').on(table.planId, table.position)],
);
