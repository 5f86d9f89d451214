import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
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
import { frameworkVersions } from '../frameworks/frameworks.tables.ts';
import { organisations } from '../organisations/organisations.tables.ts';
import { people } from '../people/people.tables.ts';

export const reviewStatuses = ['open', 'closed'] as const;
export type ReviewStatus = (typeof reviewStatuses)[number];

/**
 * One organisation rated against one published framework version. Who sees it is decided by
 * `review_participants` alone (see reviews.policy.ts): the organisation's membership grants nothing.
 */
export const reviews = pgTable(
  'reviews',
  {
    id: idColumn(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    frameworkVersionId: uuid('framework_version_id')
      .notNull()
      .references(() => frameworkVersions.id),
    title: text('title').notNull(),
    status: text('status').$type<ReviewStatus>().notNull().default('open'),
    /** The headings the review covers (all of them when it covers the whole framework), in framework order. */
    headingKeys: jsonb('heading_keys').$type<string[]>().notNull(),
    /** Individual answers are never shown; an element's results appear only from `minimumResponses` answers. */
    anonymous: boolean('anonymous').notNull().default(false),
    minimumResponses: integer('minimum_responses').notNull().default(3),
    /** The trust giving peer challenge: set by the first person added to the partner group. */
    partnerOrganisationId: uuid('partner_organisation_id').references(() => organisations.id),
    createdByPersonId: uuid('created_by_person_id').references(() => people.id),
    /** The start form's one-time key: pressing "Start" twice makes one review. */
    creationKey: text('creation_key').notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedByPersonId: uuid('closed_by_person_id').references(() => people.id),
    version: versionColumn(),
    ...timestampColumns(),
  },
  (table) => [
    uniqueIndex('reviews_creation_key_unique').on(table.creationKey),
    index('reviews_organisation_idx').on(table.organisationId, table.closedAt),
    check('reviews_status_check', sql`${table.status} in ('open', 'closed')`),
    check('reviews_closed_check', sql`(${table.status} = 'closed') = (${table.closedAt} is not null)`),
    check('reviews_minimum_responses_check', sql`${table.minimumResponses} between 3 and 50`),
  ],
);

/** Executive team, trustees, partner trust…: people rate in groups so groups can be compared. */
export const reviewGroups = pgTable(
  'review_groups',
  {
    id: idColumn(),
    reviewId: uuid('review_id')
      .notNull()
      .references(() => reviews.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    position: integer('position').notNull(),
    /** The partner trust's group: its members see the peer challenge page, not the trust's own results. */
    partner: boolean('partner').notNull().default(false),
    ...timestampColumns(),
  },
  (table) => [
    uniqueIndex('review_groups_name_unique').on(table.reviewId, sql`lower(${table.name})`),
    uniqueIndex('review_groups_one_partner')
      .on(table.reviewId)
      .where(sql`${table.partner}`),
  ],
);

/**
 * A person's place in a review: a lead (agrees ratings, manages people, closes), a rater in a
 * group, or both. A lead without a group rates nothing.
 */
export const reviewParticipants = pgTable(
  'review_participants',
  {
    id: idColumn(),
    reviewId: uuid('review_id')
      .notNull()
      .references(() => reviews.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    groupId: uuid('group_id').references(() => reviewGroups.id),
    lead: boolean('lead').notNull().default(false),
    ...timestampColumns(),
  },
  (table) => [
    uniqueIndex('review_participants_person_unique').on(table.reviewId, table.personId),
    index('review_participants_person_idx').on(table.personId),
    check('review_participants_role_check', sql`${table.lead} or ${table.groupId} is not null`),
  ],
);

/** One participant's rating of one element: saved as a draft as often as they like, level chosen or not. */
export const reviewRatings = pgTable(
  'review_ratings',
  {
    id: idColumn(),
    reviewId: uuid('review_id')
      .notNull()
      .references(() => reviews.id, { onDelete: 'cascade' }),
    participantId: uuid('participant_id')
      .notNull()
      .references(() => reviewParticipants.id, { onDelete: 'cascade' }),
    elementKey: text('element_key').notNull(),
    levelKey: text('level_key'),
    rationale: text('rationale').notNull().default(''),
    evidenceText: text('evidence_text').notNull().default(''),
    version: versionColumn(),
    ...timestampColumns(),
  },
  (table) => [
    uniqueIndex('review_ratings_participant_element_unique').on(table.participantId, table.elementKey),
    index('review_ratings_review_element_idx').on(table.reviewId, table.elementKey),
  ],
);

export const evidenceKinds = ['link', 'file'] as const;
export type EvidenceKind = (typeof evidenceKinds)[number];

/** A link or an uploaded file backing a rating. Files live in the file store under `storedName`. */
export const reviewEvidence = pgTable(
  'review_evidence',
  {
    id: idColumn(),
    ratingId: uuid('rating_id')
      .notNull()
      .references(() => reviewRatings.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<EvidenceKind>().notNull(),
    /** The address of a link, or the file's name as uploaded. */
    name: text('name').notNull(),
    storedName: text('stored_name'),
    contentType: text('content_type'),
    size: integer('size'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('review_evidence_rating_idx').on(table.ratingId),
    check('review_evidence_kind_check', sql`${table.kind} in ('link', 'file')`),
    check('review_evidence_file_check', sql`(${table.kind} = 'file') = (${table.storedName} is not null)`),
  ],
);

/** The lead's agreed rating of an element, with why: what the heat map and the board pack show. */
export const reviewAgreedRatings = pgTable(
  'review_agreed_ratings',
  {
    id: idColumn(),
    reviewId: uuid('review_id')
      .notNull()
      .references(() => reviews.id, { onDelete: 'cascade' }),
    elementKey: text('element_key').notNull(),
    levelKey: text('level_key').notNull(),
    rationale: text('rationale').notNull(),
    setByPersonId: uuid('set_by_person_id').references(() => people.id),
    version: versionColumn(),
    ...timestampColumns(),
  },
  (table) => [uniqueIndex('review_agreed_ratings_element_unique').on(table.reviewId, table.elementKey)],
);

/** A trust's consent to its agreed ratings joining the anonymous benchmarks; withdrawn by deleting the row. */
export const benchmarkConsents = pgTable('benchmark_consents', {
  organisationId: uuid('organisation_id')
    .primaryKey()
    .references(() => organisations.id),
  consentedByPersonId: uuid('consented_by_person_id').references(() => people.id),
  consentedAt: timestamp('consented_at', { withTimezone: true }).notNull().defaultNow(),
});
