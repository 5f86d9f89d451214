import { sql } from 'drizzle-orm';
import { check, integer, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { idColumn, timestampColumns, versionColumn } from '../../platform/db/columns.ts';

export const organisationKinds = ['provider', 'trust', 'school', 'group'] as const;
export type OrganisationKind = (typeof organisationKinds)[number];

/**
 * Providers, trusts, schools and groups of schools. Trusts and schools are identified the
 * way the DfE register does it: a school by URN, a trust by group UID and Companies House number.
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
    ...timestampColumns(),
    version: versionColumn(),
  },
  (table) => [
    check('organisations_kind_check', sql`${table.kind} in ('provider', 'trust', 'school', 'group')`),
    uniqueIndex('organisations_urn_unique').on(table.urn),
    uniqueIndex('organisations_group_uid_unique').on(table.groupUid),
  ],
);
