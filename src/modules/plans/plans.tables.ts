import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { idColumn, timestampColumns, versionColumn } from '../../platform/db/columns.ts';
import { organisations } from '../organisations/organisations.tables.ts';
import { people } from '../people/people.tables.ts';
import { reviews } from '../reviews/reviews.tables.ts';

export const planStatuses = ['draft', 'active', 'closed'] as const;
export type PlanStatus = (typeof planStatuses)[number];

export const actionStatuses = ['not_started', 'in_progress', 'done', 'dropped'] as const;
export type ActionStatus = (typeof actionStatuses)[number];

export const ragRatings = ['red', 'amber', 'green'] as const;
export type RagRating = (typeof ragRatings)[number];

const listOf = (values: readonly string[]) => sql.raw(values.map((value) => `'${value}'`).join(', '));

/**
 * A development plan: a trust's (`organisationId`) or one person's own (`ownerPersonId`), never
 * both. Who sees and edits it is decided in plans.policy.ts from these two columns alone.
 */
export const plans = pgTable(
  'plans',
  {
    id: idColumn(),
    organisationId: uuid('organisation_id').references(() => organisations.id),
    ownerPersonId: uuid('owner_person_id').references(() => people.id),
    title: text('title').notNull(),
    /** Calendar days, "2026-09-01": a plan runs over school terms, not instants. */
    periodStart: date('period_start', { mode: 'string' }).notNull(),
    periodEnd: date('period_end', { mode: 'string' }).notNull(),
    status: text('status').$type<PlanStatus>().notNull().default('draft'),
    summary: text('summary').notNull().default(''),
    createdByPersonId: uuid('created_by_person_id').references(() => people.id),
    /** The closed plan whose medium-term priorities this one started from. */
    previousPlanId: uuid('previous_plan_id').references((): AnyPgColumn => plans.id, { onDelete: 'set null' }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedByPersonId: uuid('closed_by_person_id').references(() => people.id),
    /** The create form's one-time key: pressing "Create" twice makes one plan. */
    creationKey: text('creation_key').notNull(),
    version: versionColumn(),
    ...timestampColumns(),
  },
  (table) => [
    uniqueIndex('plans_creation_key_unique').on(table.creationKey),
    index('plans_organisation_idx').on(table.organisationId),
    index('plans_owner_idx').on(table.ownerPersonId),
    check('plans_owner_check', sql`(${table.organisationId} is null) <> (${table.ownerPersonId} is null)`),
    check('plans_status_check', sql`${table.status} in (${listOf(planStatuses)})`),
    check('plans_period_check', sql`${table.periodEnd} >= ${table.periodStart}`),
    check('plans_closed_check', sql`(${table.status} = 'closed') = (${table.closedAt} is not null)`),
  ],
);

/**
 * What the plan sets out to improve. One made from a review keeps where it came from: the
 * framework keys, the review, and the heading and element names as they read then (the review
 * itself is private to its participants, so the plan cannot look them up for every reader).
 */
export const planPriorities = pgTable(
  'plan_priorities',
  {
    id: idColumn(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    intendedOutcome: text('intended_outcome').notNull(),
    successCriteria: text('success_criteria').notNull().default(''),
    /** Shown in this order on the plan; people move priorities up and down. */
    position: integer('position').notNull(),
    reviewId: uuid('review_id').references(() => reviews.id, { onDelete: 'set null' }),
    headingKeys: jsonb('heading_keys').$type<string[]>().notNull().default([]),
    elementKeys: jsonb('element_keys').$type<string[]>().notNull().default([]),
    /** "Leadership: Clarity of purpose", as the framework named it when the priority was made. */
    sourceLabel: text('source_label'),
    /** What was achieved, written when the plan is closed. */
    achieved: text('achieved'),
    creationKey: text('creation_key').notNull(),
    version: versionColumn(),
    ...timestampColumns(),
  },
  (table) => [
    uniqueIndex('plan_priorities_creation_key_unique').on(table.creationKey),
    index('plan_priorities_plan_idx').on(table.planId, table.position),
  ],
);

/** A step towards a priority, owned by one person, with a due date, a status and a RAG rating. */
export const planActions = pgTable(
  'plan_actions',
  {
    id: idColumn(),
    // The plan as well as the priority: dependencies and access are decided per plan without a join.
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    priorityId: uuid('priority_id')
      .notNull()
      .references(() => planPriorities.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    ownerPersonId: uuid('owner_person_id')
      .notNull()
      .references(() => people.id),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    status: text('status').$type<ActionStatus>().notNull().default('not_started'),
    rag: text('rag').$type<RagRating>().notNull(),
    /** Another action of the same plan that must come first (the service keeps it in the plan, without loops). */
    dependsOnActionId: uuid('depends_on_action_id').references((): AnyPgColumn => planActions.id, {
      onDelete: 'set null',
    }),
    /** Who saved it last: a save refused as stale says who changed it. */
    updatedByPersonId: uuid('updated_by_person_id').references(() => people.id),
    creationKey: text('creation_key').notNull(),
    version: versionColumn(),
    ...timestampColumns(),
  },
  (table) => [
    uniqueIndex('plan_actions_creation_key_unique').on(table.creationKey),
    index('plan_actions_plan_idx').on(table.planId),
    index('plan_actions_priority_idx').on(table.priorityId),
    index('plan_actions_owner_idx').on(table.ownerPersonId, table.dueDate),
    check('plan_actions_status_check', sql`${table.status} in (${listOf(actionStatuses)})`),
    check('plan_actions_rag_check', sql`${table.rag} in (${listOf(ragRatings)})`),
    check('plan_actions_not_own_dependency', sql`${table.dependsOnActionId} <> ${table.id}`),
  ],
);

/** A dated note on an action's progress, with a link or an uploaded file as evidence. */
export const planProgressUpdates = pgTable(
  'plan_progress_updates',
  {
    id: idColumn(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    actionId: uuid('action_id')
      .notNull()
      .references(() => planActions.id, { onDelete: 'cascade' }),
    updatedOn: date('updated_on', { mode: 'string' }).notNull(),
    note: text('note').notNull(),
    link: text('link'),
    /** The file's name as uploaded; the file store keeps it under `storedName`. */
    fileName: text('file_name'),
    storedName: text('stored_name'),
    contentType: text('content_type'),
    size: integer('size'),
    authorPersonId: uuid('author_person_id').references(() => people.id),
    creationKey: text('creation_key').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('plan_progress_updates_creation_key_unique').on(table.creationKey),
    index('plan_progress_updates_action_idx').on(table.actionId, table.updatedOn),
    check('plan_progress_updates_file_check', sql`(${table.storedName} is null) = (${table.fileName} is null)`),
  ],
);

/** A dated point on the way, marked when reached. */
export const planMilestones = pgTable(
  'plan_milestones',
  {
    id: idColumn(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    reached: boolean('reached').notNull().default(false),
    creationKey: text('creation_key').notNull(),
    version: versionColumn(),
    ...timestampColumns(),
  },
  (table) => [
    uniqueIndex('plan_milestones_creation_key_unique').on(table.creationKey),
    index('plan_milestones_plan_idx').on(table.planId, table.dueOn),
  ],
);
