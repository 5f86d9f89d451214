import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { idColumn, timestampColumns, versionColumn } from '../../platform/db/columns.ts';
import { people } from '../people/people.tables.ts';
import { partnerships, type PartnershipSide } from './partnerships.tables.ts';
import type { BudgetComponent } from './time-budget.ts';

const budgetComponentList = sql.raw(`'reading', 'school-visits', 'establishing', 'meetings'`);

/** The establishing meeting's record: the mentee's leadership story, needs and the year's objectives. */
export const partnershipEstablishing = pgTable('partnership_establishing', {
  partnershipId: uuid('partnership_id')
    .primaryKey()
    .references(() => partnerships.id, { onDelete: 'cascade' }),
  leadershipStory: text('leadership_story').notNull().default(''),
  currentNeeds: text('current_needs').notNull().default(''),
  futureNeeds: text('future_needs').notNull().default(''),
  objectives: text('objectives').notNull().default(''),
  version: versionColumn(),
  ...timestampColumns(),
});

/** A goal of the partnership, with how success will be measured. */
export const partnershipGoals = pgTable(
  'partnership_goals',
  {
    id: idColumn(),
    partnershipId: uuid('partnership_id')
      .notNull()
      .references(() => partnerships.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    measureOfSuccess: text('measure_of_success').notNull(),
    position: integer('position').notNull(),
    creationKey: text('creation_key').notNull(),
    version: versionColumn(),
    ...timestampColumns(),
  },
  (table) => [
    uniqueIndex('partnership_goals_creation_key_unique').on(table.creationKey),
    index('partnership_goals_partnership_idx').on(table.partnershipId, table.position),
  ],
);

/** Each side's view of progress on a goal, at the third-term review. */
export const goalReviews = pgTable(
  'goal_reviews',
  {
    id: idColumn(),
    goalId: uuid('goal_id')
      .notNull()
      .references(() => partnershipGoals.id, { onDelete: 'cascade' }),
    partnershipId: uuid('partnership_id')
      .notNull()
      .references(() => partnerships.id, { onDelete: 'cascade' }),
    side: text('side').$type<PartnershipSide>().notNull(),
    progress: text('progress').notNull(),
    authorPersonId: uuid('author_person_id').references(() => people.id),
    version: versionColumn(),
    ...timestampColumns(),
  },
  (table) => [uniqueIndex('goal_reviews_goal_side_unique').on(table.goalId, table.side)],
);

export const meetingKinds = ['establishing', 'regular', 'diagnostic'] as const;
export type MeetingKind = (typeof meetingKinds)[number];
export const meetingStatuses = ['planned', 'held', 'cancelled'] as const;
export type MeetingStatus = (typeof meetingStatuses)[number];

/** A meeting of the partnership; its agenda is the mentee's to set. Its private notes are in meeting_notes. */
export const partnershipMeetings = pgTable(
  'partnership_meetings',
  {
    id: idColumn(),
    partnershipId: uuid('partnership_id')
      .notNull()
      .references(() => partnerships.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<MeetingKind>().notNull().default('regular'),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    place: text('place').notNull().default(''),
    videoLink: text('video_link'),
    agenda: text('agenda').notNull().default(''),
    preparation: text('preparation').notNull().default(''),
    status: text('status').$type<MeetingStatus>().notNull().default('planned'),
    /** When the reminder email went, so each meeting gets one. */
    reminderSentAt: timestamp('reminder_sent_at', { withTimezone: true }),
    creationKey: text('creation_key').notNull(),
    version: versionColumn(),
    ...timestampColumns(),
  },
  (table) => [
    uniqueIndex('partnership_meetings_creation_key_unique').on(table.creationKey),
    index('partnership_meetings_partnership_idx').on(table.partnershipId, table.startsAt),
    index('partnership_meetings_reminder_idx')
      .on(table.startsAt)
      .where(sql`${table.reminderSentAt} is null`),
    check('partnership_meetings_kind_check', sql`${table.kind} in ('establishing', 'regular', 'diagnostic')`),
    check('partnership_meetings_status_check', sql`${table.status} in ('planned', 'held', 'cancelled')`),
    check('partnership_meetings_duration_check', sql`${table.durationMinutes} between 5 and 1440`),
  ],
);

/**
 * A meeting's private notes, for the partnership's participants only, sealed with AES-256-GCM
 * (platform/crypto/note-cipher.ts, this row's id bound in): the database never holds the plaintext.
 */
export const meetingNotes = pgTable('meeting_notes', {
  id: idColumn(),
  meetingId: uuid('meeting_id')
    .notNull()
    .unique()
    .references(() => partnershipMeetings.id, { onDelete: 'cascade' }),
  partnershipId: uuid('partnership_id')
    .notNull()
    .references(() => partnerships.id, { onDelete: 'cascade' }),
  ciphertext: text('ciphertext').notNull(),
  updatedByPersonId: uuid('updated_by_person_id').references(() => people.id),
  version: versionColumn(),
  ...timestampColumns(),
});

/** An action agreed at a meeting. */
export const meetingActions = pgTable(
  'meeting_actions',
  {
    id: idColumn(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => partnershipMeetings.id, { onDelete: 'cascade' }),
    partnershipId: uuid('partnership_id')
      .notNull()
      .references(() => partnerships.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    ownerPersonId: uuid('owner_person_id').references(() => people.id),
    dueOn: date('due_on', { mode: 'string' }),
    done: boolean('done').notNull().default(false),
    creationKey: text('creation_key').notNull(),
    version: versionColumn(),
    ...timestampColumns(),
  },
  (table) => [
    uniqueIndex('meeting_actions_creation_key_unique').on(table.creationKey),
    index('meeting_actions_meeting_idx').on(table.meetingId),
  ],
);

/**
 * Time spent, counted against the budget: a held meeting (linked, one entry per meeting), the
 * reading day, a school visit, or an ad hoc conversation logged briefly.
 */
export const partnershipTimeEntries = pgTable(
  'partnership_time_entries',
  {
    id: idColumn(),
    partnershipId: uuid('partnership_id')
      .notNull()
      .references(() => partnerships.id, { onDelete: 'cascade' }),
    component: text('component').$type<BudgetComponent>().notNull(),
    minutes: integer('minutes').notNull(),
    occurredOn: date('occurred_on', { mode: 'string' }).notNull(),
    /** A short line, e.g. "Phone call about the board away day". */
    description: text('description').notNull().default(''),
    meetingId: uuid('meeting_id')
      .unique()
      .references(() => partnershipMeetings.id, { onDelete: 'cascade' }),
    adHoc: boolean('ad_hoc').notNull().default(false),
    /** An ad hoc conversation may be logged without counting against the budget. */
    countsAgainstBudget: boolean('counts_against_budget').notNull().default(true),
    loggedByPersonId: uuid('logged_by_person_id').references(() => people.id),
    creationKey: text('creation_key').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('partnership_time_entries_creation_key_unique').on(table.creationKey),
    index('partnership_time_entries_partnership_idx').on(table.partnershipId, table.occurredOn),
    // Time used is summed from the index alone (no visit to the rows): the provider's dashboard totals
    // every open partnership's time, and each page of partnerships sums its own by part of the budget.
    index('partnership_time_entries_budget_idx')
      .on(table.partnershipId, table.component, table.minutes)
      .where(sql`${table.countsAgainstBudget}`),
    check('partnership_time_entries_component_check', sql`${table.component} in (${budgetComponentList})`),
    check('partnership_time_entries_minutes_check', sql`${table.minutes} between 1 and 1440`),
  ],
);

/**
 * The nudges sent when a half-term had no meeting booked: one per partnership and half-term, claimed
 * before the email is written, so two runs at once or a retry send one.
 */
export const partnershipMeetingNudges = pgTable(
  'partnership_meeting_nudges',
  {
    partnershipId: uuid('partnership_id')
      .notNull()
      .references(() => partnerships.id, { onDelete: 'cascade' }),
    /** "2026/27" */
    schoolYear: text('school_year').notNull(),
    /** "autumn-2" */
    halfTerm: text('half_term').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.partnershipId, table.schoolYear, table.halfTerm] })],
);

/** A person's private calendar feed: a secret URL (only its hash is kept), revocable by making a new one. */
export const calendarFeeds = pgTable('calendar_feeds', {
  personId: uuid('person_id')
    .primaryKey()
    .references(() => people.id, { onDelete: 'cascade' }),
  tokenHash: text('token_hash').notNull().unique(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
