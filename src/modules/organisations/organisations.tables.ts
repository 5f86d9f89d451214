import { sql } from 'drizzle-orm';
import { type AnyPgColumn, check, date, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { idColumn, timestampColumns, versionColumn } from '../../platform/db/columns.ts';

export const organisationKinds = ['provider', 'trust', 'school', 'group'] as const;
export type OrganisationKind = (typeof organisationKinds)[number];

/** GIAS "Group Type": a multi-academy trust, a single-academy trust, or another kind of trust. */
export const trustTypes = ['multi_academy', 'single_academy', 'other'] as const;
export type TrustType = (typeof trustTypes)[number];

/** GIAS "EstablishmentStatus (name)", as codes. */
export const establishmentStatuses = ['open', 'open_proposed_to_close', 'proposed_to_open', 'closed'] as const;
export type EstablishmentStatus = (typeof establishmentStatuses)[number];

const listOf = (values: readonly string[]) => sql.raw(values.map((value) => `'${value}'`).join(', '));

/**
 * Providers, trusts, schools and groups of schools. Trusts and schools are identified the
 * way the DfE register does it: a school by URN, a trust by group UID and Companies House number.
 * The register's columns sit on this one table (empty for providers and groups) so that a
 * school and its trust are both organisations that people can be members of.
 */
export const organisations = pgTable(
  'organisations',
  {
    id: idColumn(),
    kind: text('kind').$type<OrganisationKind>().notNull(),
    name: text('name').notNull(),
    urn: integer('urn'),
    groupUid: integer('group_uid'),
    companiesHouseNumber: text('companies_house_number'),
    trustType: text('trust_type').$type<TrustType>(),
    /** GIAS names, kept as the register spells them ("Primary", "Academy converter"). */
    phase: text('phase'),
    establishmentType: text('establishment_type'),
    status: text('status').$type<EstablishmentStatus>(),
    localAuthority: text('local_authority'),
    /** Government office region (GIAS "GOR"). */
    region: text('region'),
    town: text('town'),
    postcode: text('postcode'),
    pupilCount: integer('pupil_count'),
    ofstedRating: text('ofsted_rating'),
    ofstedInspectionDate: date('ofsted_inspection_date', { mode: 'string' }),
    // A trust that leaves the register must not take its schools with it.
    trustId: uuid('trust_id').references((): AnyPgColumn => organisations.id, { onDelete: 'set null' }),
    ...timestampColumns(),
    version: versionColumn(),
  },
  (table) => [
    check('organisations_kind_check', sql`${table.kind} in ('provider', 'trust', 'school', 'group')`),
    check('organisations_trust_type_check', sql`${table.trustType} in (${listOf(trustTypes)})`),
    check('organisations_status_check', sql`${table.status} in (${listOf(establishmentStatuses)})`),
    uniqueIndex('organisations_urn_unique').on(table.urn),
    uniqueIndex('organisations_group_uid_unique').on(table.groupUid),
    // A trust's schools, and lists of one kind in name order.
    index('organisations_trust_idx').on(table.trustId),
    index('organisations_kind_name_idx').on(table.kind, table.name),
    // A trust's size and region, from its open schools (the benchmark filters): read from this
    // index alone, in trust order, instead of scanning every organisation on each request.
    index('organisations_open_school_trust_idx')
      .on(table.trustId, table.region)
      .where(
        sql`${table.kind} = 'school' and ${table.trustId} is not null and (${table.status} is null or ${table.status} in ('open', 'open_proposed_to_close'))`,
      ),
    // The few regions in use (the benchmark filter), found by skipping through this index from
    // one region to the next instead of reading every school.
    index('organisations_region_idx')
      .on(table.region)
      .where(sql`${table.region} is not null and ${table.kind} in ('trust', 'school')`),
  ],
);
