import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { idColumn, timestampColumns, versionColumn } from '../../platform/db/columns.ts';
import { organisations } from '../organisations/organisations.tables.ts';
import { roles, type Role } from './roles.ts';

export const people = pgTable(
  'people',
  {
    id: idColumn(),
    email: text('email').notNull(),
    displayName: text('display_name').notNull(),
    /** argon2id; null until the person sets a password from their invitation. */
    passwordHash: text('password_hash'),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }),
    /** Failed sign-ins since the last success: they slow, then lock, the account. */
    failedSignIns: integer('failed_sign_ins').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    /** TOTP secret (base32), set once enrolment is confirmed. */
    mfaSecret: text('mfa_secret'),
    mfaEnabledAt: timestamp('mfa_enabled_at', { withTimezone: true }),
    /** The 30-second step of the last authenticator code accepted: each code works once (RFC 6238, 5.2). */
    mfaLastStep: integer('mfa_last_step'),
    /** SHA-256 hashes of the unused recovery codes. */
    mfaRecoveryCodeHashes: jsonb('mfa_recovery_code_hashes').$type<string[]>().notNull().default([]),
    deactivatedAt: timestamp('deactivated_at', { withTimezone: true }),
    ...timestampColumns(),
    version: versionColumn(),
  },
  // Email addresses are compared without regard to case: one person, one address.
  (table) => [uniqueIndex('people_email_unique').on(sql`lower(${table.email})`)],
);

/** A person's role in an organisation. A person may hold several roles in several organisations. */
export const memberships = pgTable(
  'memberships',
  {
    id: idColumn(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    role: text('role').$type<Role>().notNull(),
    ...timestampColumns(),
  },
  (table) => [
    uniqueIndex('memberships_person_organisation_role_unique').on(table.personId, table.organisationId, table.role),
    index('memberships_organisation_idx').on(table.organisationId),
    check('memberships_role_check', sql.raw(`role in (${roles.map((role) => `'${role}'`).join(', ')})`)),
  ],
);

/**
 * Signed-in sessions. The cookie holds a random token; the table holds only its SHA-256,
 * so a copy of the database cannot be used to sign in as anyone.
 */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    ip: text('ip'),
    userAgent: text('user_agent'),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (table) => [index('sessions_person_idx').on(table.personId)],
);

/** An emailed, single-use invitation to join an organisation with a role; the table keeps only the token's hash. */
export const invitations = pgTable(
  'invitations',
  {
    id: idColumn(),
    email: text('email').notNull(),
    displayName: text('display_name').notNull(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    role: text('role').$type<Role>().notNull(),
    invitedByPersonId: uuid('invited_by_person_id').references(() => people.id, { onDelete: 'set null' }),
    tokenHash: text('token_hash').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    ...timestampColumns(),
  },
  (table) => [
    uniqueIndex('invitations_token_hash_unique').on(table.tokenHash),
    index('invitations_organisation_idx').on(table.organisationId),
  ],
);

/** A single-use password reset link, valid for an hour; the table keeps only the token's hash. */
export const passwordResets = pgTable(
  'password_resets',
  {
    id: idColumn(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex('password_resets_token_hash_unique').on(table.tokenHash)],
);
