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
import { organisations } from '../organisations/organisations.tables.ts';
import { people } from '../people/people.tables.ts';
import type { EnglishRegion, Phase, TrustSizeBand } from './mentor-profile-terms.ts';
import { partnerships } from './partnerships.tables.ts';

/**
 * A mentor's profile in a provider's pool, kept by the mentor and checked by the provider: only a
 * checked profile is ranked. One per mentor and provider.
 */
export const mentorProfiles = pgTable(
  'mentor_profiles',
  {
    id: idColumn(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    providerOrganisationId: uuid('provider_organisation_id')
      .notNull()
      .references(() => organisations.id),
    biography: text('biography').notNull().default(''),
    values: text('values').notNull().default(''),
    experienceTags: jsonb('experience_tags').$type<string[]>().notNull().default([]),
    phases: jsonb('phases').$type<Phase[]>().notNull().default([]),
    trustSizes: jsonb('trust_sizes').$type<TrustSizeBand[]>().notNull().default([]),
    hasGrownATrust: boolean('has_grown_a_trust').notNull().default(false),
    hasLedAMerger: boolean('has_led_a_merger').notNull().default(false),
    region: text('region').$type<EnglishRegion>(),
    /** The trust they lead or work in, never matched with its own people. */
    trustId: uuid('trust_id').references(() => organisations.id),
    /** How many partnerships at once. */
    capacity: integer('capacity').notNull().default(1),
    available: boolean('available').notNull().default(true),
    availabilityNote: text('availability_note').notNull().default(''),
    /** Trusts they must not be matched with (a declared conflict of interest). */
    conflictTrustIds: jsonb('conflict_trust_ids').$type<string[]>().notNull().default([]),
    checkedAt: timestamp('checked_at', { withTimezone: true }),
    checkedByPersonId: uuid('checked_by_person_id').references(() => people.id),
    version: versionColumn(),
    ...timestampColumns(),
  },
  (table) => [
    uniqueIndex('mentor_profiles_person_provider_unique').on(table.personId, table.providerOrganisationId),
    index('mentor_profiles_provider_idx').on(table.providerOrganisationId),
    check('mentor_profiles_capacity_check', sql`${table.capacity} between 0 and 20`),
  ],
);

export const chemistryStatuses = ['scheduled', 'held', 'cancelled'] as const;
export type ChemistryStatus = (typeof chemistryStatuses)[number];

/**
 * An exploratory, no-obligation conversation between the mentee and one possible mentor. Each is
 * with a different mentor (a cancelled one aside). The outcome note is the mentee's own, encrypted.
 */
export const chemistryConversations = pgTable(
  'chemistry_conversations',
  {
    id: idColumn(),
    partnershipId: uuid('partnership_id')
      .notNull()
      .references(() => partnerships.id, { onDelete: 'cascade' }),
    mentorPersonId: uuid('mentor_person_id')
      .notNull()
      .references(() => people.id),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    durationMinutes: integer('duration_minutes').notNull().default(60),
    place: text('place').notNull().default(''),
    status: text('status').$type<ChemistryStatus>().notNull().default('scheduled'),
    /** The mentee's outcome note, sealed by platform/crypto/note-cipher.ts with this row's id. */
    outcomeNoteCiphertext: text('outcome_note_ciphertext'),
    /** The mentor the mentee chose, after their conversations. */
    chosen: boolean('chosen').notNull().default(false),
    creationKey: text('creation_key').notNull(),
    version: versionColumn(),
    ...timestampColumns(),
  },
  (table) => [
    uniqueIndex('chemistry_conversations_creation_key_unique').on(table.creationKey),
    uniqueIndex('chemistry_conversations_one_per_mentor')
      .on(table.partnershipId, table.mentorPersonId)
      .where(sql`${table.status} <> 'cancelled'`),
    uniqueIndex('chemistry_conversations_one_chosen')
      .on(table.partnershipId)
      .where(sql`${table.chosen}`),
    check('chemistry_conversations_status_check', sql`${table.status} in ('scheduled', 'held', 'cancelled')`),
    check('chemistry_conversations_duration_check', sql`${table.durationMinutes} between 5 and 600`),
  ],
);
