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
import { plans } from '../plans/plans.tables.ts';
import { reviews } from '../reviews/reviews.tables.ts';
import type { MenteePreferences } from './matching.ts';

export const partnershipKinds = ['ceo_mentoring', 'trust_to_trust', 'peer_triad', 'coaching'] as const;
export type PartnershipKind = (typeof partnershipKinds)[number];

/**
 * The lifecycle of SPEC section 2, in order. Each state names what the partnership is doing now;
 * the service decides who may move it on.
 */
export const partnershipStates = [
  'matching',
  'chemistry',
  'agreement',
  'preparation',
  'establishing',
  'meetings',
  'review',
  'closed',
] as const;
export type PartnershipState = (typeof partnershipStates)[number];

export const partnershipSides = ['mentor', 'mentee', 'peer'] as const;
export type PartnershipSide = (typeof partnershipSides)[number];

const listOf = (values: readonly string[]) => sql.raw(values.map((value) => `'${value}'`).join(', '));

/** The time budget columns (whole minutes), on a service (its default) and on each partnership (its own). */
const budgetColumns = () => ({
  readingMinutes: integer('reading_minutes').notNull(),
  schoolVisitsMinutes: integer('school_visits_minutes').notNull(),
  establishingMinutes: integer('establishing_minutes').notNull(),
  meetingsMinutes: integer('meetings_minutes').notNull(),
});

/** A provider's mentoring service: its kind, term, time budget, meeting pattern, fee and agreement template. */
export const mentoringServices = pgTable(
  'mentoring_services',
  {
    id: idColumn(),
    providerOrganisationId: uuid('provider_organisation_id')
      .notNull()
      .references(() => organisations.id),
    name: text('name').notNull(),
    kind: text('kind').$type<PartnershipKind>().notNull(),
    description: text('description').notNull().default(''),
    termMonths: integer('term_months').notNull().default(12),
    ...budgetColumns(),
    meetingPattern: text('meeting_pattern').notNull(),
    /** Integer pence, before VAT. */
    feePence: integer('fee_pence').notNull().default(0),
    agreementTemplate: text('agreement_template').notNull(),
    /** Open to enquiries; a closed service keeps its partnerships. */
    open: boolean('open').notNull().default(true),
    creationKey: text('creation_key').notNull(),
    version: versionColumn(),
    ...timestampColumns(),
  },
  (table) => [
    uniqueIndex('mentoring_services_creation_key_unique').on(table.creationKey),
    index('mentoring_services_provider_idx').on(table.providerOrganisationId),
    check('mentoring_services_kind_check', sql`${table.kind} in (${listOf(partnershipKinds)})`),
    check('mentoring_services_term_check', sql`${table.termMonths} between 1 and 36`),
    check('mentoring_services_fee_check', sql`${table.feePence} >= 0`),
  ],
);

export const enquiryStatuses = ['new', 'accepted', 'referred', 'closed'] as const;
export type EnquiryStatus = (typeof enquiryStatuses)[number];

/**
 * Someone asking about a service, signed in or not (a public form). The programme manager
 * accepts it into matching (making a partnership), refers it elsewhere, or closes it.
 */
export const enquiries = pgTable(
  'enquiries',
  {
    id: idColumn(),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => mentoringServices.id),
    name: text('name').notNull(),
    email: text('email').notNull(),
    jobTitle: text('job_title').notNull().default(''),
    /** As typed; `trustId` when it names a trust in the register. */
    organisationName: text('organisation_name').notNull(),
    trustId: uuid('trust_id').references(() => organisations.id),
    message: text('message').notNull(),
    /** The enquirer's account, when they were signed in. */
    personId: uuid('person_id').references(() => people.id),
    status: text('status').$type<EnquiryStatus>().notNull().default('new'),
    triageNote: text('triage_note').notNull().default(''),
    triagedByPersonId: uuid('triaged_by_person_id').references(() => people.id),
    triagedAt: timestamp('triaged_at', { withTimezone: true }),
    partnershipId: uuid('partnership_id').references((): AnyPgColumn => partnerships.id),
    creationKey: text('creation_key').notNull(),
    version: versionColumn(),
    ...timestampColumns(),
  },
  (table) => [
    uniqueIndex('enquiries_creation_key_unique').on(table.creationKey),
    index('enquiries_service_status_idx').on(table.serviceId, table.status, table.createdAt),
    check('enquiries_status_check', sql`${table.status} in (${listOf(enquiryStatuses)})`),
  ],
);

/**
 * A partnership: a mentor side and a mentee side (or peers) for a term. What it holds (notes,
 * goals, documents) is for its participants alone; provider staff see these columns only.
 */
export const partnerships = pgTable(
  'partnerships',
  {
    id: idColumn(),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => mentoringServices.id),
    providerOrganisationId: uuid('provider_organisation_id')
      .notNull()
      .references(() => organisations.id),
    kind: text('kind').$type<PartnershipKind>().notNull(),
    state: text('state').$type<PartnershipState>().notNull().default('matching'),
    /** "Sam Patel (Carrow Trust)": who the partnership is for, as provider staff may see it. */
    title: text('title').notNull(),
    menteeTrustId: uuid('mentee_trust_id').references(() => organisations.id),
    /** Trust-to-trust: the trust whose people mentor. */
    mentorTrustId: uuid('mentor_trust_id').references(() => organisations.id),
    /** Trust-to-trust: the diagnostic review of the mentee trust, with the mentor trust as peer challenge. */
    diagnosticReviewId: uuid('diagnostic_review_id').references(() => reviews.id),
    /** Trust-to-trust: the development plan by the framework's headings, shared with the mentor trust. */
    planId: uuid('plan_id').references(() => plans.id),
    /** The mentee's matching preferences, content: for participants and the programme manager matching. */
    preferences: jsonb('preferences').$type<Omit<MenteePreferences, 'trustId'>>(),
    startsOn: date('starts_on', { mode: 'string' }),
    endsOn: date('ends_on', { mode: 'string' }),
    ...budgetColumns(),
    feePence: integer('fee_pence').notNull().default(0),
    meetingPattern: text('meeting_pattern').notNull(),
    matchConfirmedAt: timestamp('match_confirmed_at', { withTimezone: true }),
    matchConfirmedByPersonId: uuid('match_confirmed_by_person_id').references(() => people.id),
    /** The year before, when this one extends it. */
    previousPartnershipId: uuid('previous_partnership_id').references((): AnyPgColumn => partnerships.id),
    /** What the mentee will sustain without the mentor, recorded when it closes. */
    sustainNote: text('sustain_note'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /** Who recorded the decision that closed it; kept null if their account is later deleted. */
    closedByPersonId: uuid('closed_by').references(() => people.id, { onDelete: 'set null' }),
    creationKey: text('creation_key').notNull(),
    version: versionColumn(),
    ...timestampColumns(),
  },
  (table) => [
    uniqueIndex('partnerships_creation_key_unique').on(table.creationKey),
    index('partnerships_provider_state_idx').on(table.providerOrganisationId, table.state),
    check('partnerships_kind_check', sql`${table.kind} in (${listOf(partnershipKinds)})`),
    check('partnerships_state_check', sql`${table.state} in (${listOf(partnershipStates)})`),
    check(
      'partnerships_budget_check',
      sql`least(${table.readingMinutes}, ${table.schoolVisitsMinutes}, ${table.establishingMinutes}, ${table.meetingsMinutes}) >= 0`,
    ),
  ],
);

/**
 * Who takes part, on which side. Participation is the whole of partnership access: content is
 * read by these people and nobody else (partnerships.policy.ts).
 */
export const partnershipParticipants = pgTable(
  'partnership_participants',
  {
    id: idColumn(),
    partnershipId: uuid('partnership_id')
      .notNull()
      .references(() => partnerships.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    side: text('side').$type<PartnershipSide>().notNull(),
    /** The trust they take part for, in a trust-to-trust partnership or a triad. */
    organisationId: uuid('organisation_id').references(() => organisations.id),
    /** A lead contact of their side. */
    lead: boolean('lead').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('partnership_participants_unique').on(table.partnershipId, table.personId),
    index('partnership_participants_person_idx').on(table.personId),
    check('partnership_participants_side_check', sql`${table.side} in (${listOf(partnershipSides)})`),
  ],
);
