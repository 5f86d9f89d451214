import { and, eq, isNotNull, sql, type SQL } from 'drizzle-orm';
import { queryRows, type AppDb } from '../../../platform/db/database.ts';
import { organisations } from '../organisations.tables.ts';
import type { OfstedRecord, SchoolRecord, TrustRecord } from './gias-rows.ts';

export interface UpsertOutcome {
  created: number;
  updated: number;
}

export type SchoolWrite = Omit<SchoolRecord, 'trustUid'> & { trustId: string | null };

/**
 * A batch goes in as one array per column, unnested in SQL: eleven parameters instead of eleven
 * thousand keeps both building the query and planning it cheap. Values travel as text and are
 * cast once in SQL, because the two drivers type JavaScript numbers differently.
 */
type Cell = string | number | null;
type ColumnType = 'integer' | 'text' | 'uuid' | 'date';

function columnOf<T>(rows: T[], type: ColumnType, value: (row: T) => Cell): SQL {
  const values = rows.map((row) => {
    const cell = value(row);
    return cell === null ? null : String(cell);
  });
  return sql`${sql.param(values)}::${sql.raw(type)}[]`;
}

function countOutcome(rows: Array<Record<string, unknown>>): UpsertOutcome {
  const created = rows.filter((row) => row.created === true).length;
  return { created, updated: rows.length - created };
}

/**
 * Inserts new trusts and updates changed ones, by group UID. Rows identical to what is stored
 * are filtered out before the insert, so they are neither written nor locked; the ON CONFLICT
 * condition repeats the comparison for a row that appears between the read and the write.
 * `xmax = 0` holds only for a freshly inserted row version: that tells created from updated.
 */
export async function upsertTrusts(db: AppDb, trusts: TrustRecord[]): Promise<UpsertOutcome> {
  if (trusts.length === 0) return { created: 0, updated: 0 };
  const rows = await queryRows(
    db,
    sql`
    with incoming as (
      select * from unnest(
        ${columnOf(trusts, 'integer', (trust) => trust.groupUid)},
        ${columnOf(trusts, 'text', (trust) => trust.name)},
        ${columnOf(trusts, 'text', (trust) => trust.trustType)},
        ${columnOf(trusts, 'text', (trust) => trust.companiesHouseNumber)},
        ${columnOf(trusts, 'text', (trust) => trust.town)},
        ${columnOf(trusts, 'text', (trust) => trust.postcode)}
      ) as v (group_uid, name, trust_type, companies_house_number, town, postcode)
    )
    insert into organisations as o (kind, name, group_uid, trust_type, companies_house_number, town, postcode)
    select 'trust', i.name, i.group_uid, i.trust_type, i.companies_house_number, i.town, i.postcode
    from incoming i
    left join organisations existing on existing.group_uid = i.group_uid
    where existing.id is null
       or (existing.kind, existing.name, existing.trust_type, existing.companies_house_number, existing.town, existing.postcode)
          is distinct from ('trust', i.name, i.trust_type, i.companies_house_number, i.town, i.postcode)
    on conflict (group_uid) do update set
      kind = excluded.kind, name = excluded.name, trust_type = excluded.trust_type,
      companies_house_number = excluded.companies_house_number, town = excluded.town, postcode = excluded.postcode,
      updated_at = now(), version = o.version + 1
    where (o.kind, o.name, o.trust_type, o.companies_house_number, o.town, o.postcode)
          is distinct from (excluded.kind, excluded.name, excluded.trust_type, excluded.companies_house_number, excluded.town, excluded.postcode)
    returning (o.xmax = 0) as created`,
  );
  return countOutcome(rows);
}

/** Group UID → organisation id of every trust, to link schools without a query per row. */
export async function listTrustIdsByGroupUid(db: AppDb): Promise<Map<number, string>> {
  const rows = await db
    .select({ groupUid: organisations.groupUid, id: organisations.id })
    .from(organisations)
    .where(and(eq(organisations.kind, 'trust'), isNotNull(organisations.groupUid)));
  return new Map(rows.flatMap((row) => (row.groupUid === null ? [] : [[row.groupUid, row.id] as const])));
}

/** As upsertTrusts, for schools by URN. Ofsted columns are left alone: they come from another file. */
export async function upsertSchools(db: AppDb, schools: SchoolWrite[]): Promise<UpsertOutcome> {
  if (schools.length === 0) return { created: 0, updated: 0 };
  const rows = await queryRows(
    db,
    sql`
    with incoming as (
      select * from unnest(
        ${columnOf(schools, 'integer', (school) => school.urn)},
        ${columnOf(schools, 'text', (school) => school.name)},
        ${columnOf(schools, 'text', (school) => school.phase)},
        ${columnOf(schools, 'text', (school) => school.establishmentType)},
        ${columnOf(schools, 'text', (school) => school.status)},
        ${columnOf(schools, 'text', (school) => school.localAuthority)},
        ${columnOf(schools, 'text', (school) => school.region)},
        ${columnOf(schools, 'text', (school) => school.town)},
        ${columnOf(schools, 'text', (school) => school.postcode)},
        ${columnOf(schools, 'integer', (school) => school.pupilCount)},
        ${columnOf(schools, 'uuid', (school) => school.trustId)}
      ) as v (urn, name, phase, establishment_type, status, local_authority, region, town, postcode, pupil_count, trust_id)
    )
    insert into organisations as o
      (kind, name, urn, phase, establishment_type, status, local_authority, region, town, postcode, pupil_count, trust_id)
    select 'school', i.name, i.urn, i.phase, i.establishment_type, i.status, i.local_authority, i.region,
           i.town, i.postcode, i.pupil_count, i.trust_id
    from incoming i
    left join organisations existing on existing.urn = i.urn
    where existing.id is null
       or (existing.kind, existing.name, existing.phase, existing.establishment_type, existing.status,
           existing.local_authority, existing.region, existing.town, existing.postcode, existing.pupil_count, existing.trust_id)
          is distinct from ('school', i.name, i.phase, i.establishment_type, i.status,
           i.local_authority, i.region, i.town, i.postcode, i.pupil_count, i.trust_id)
    on conflict (urn) do update set
      kind = excluded.kind, name = excluded.name, phase = excluded.phase, establishment_type = excluded.establishment_type,
      status = excluded.status, local_authority = excluded.local_authority, region = excluded.region,
      town = excluded.town, postcode = excluded.postcode, pupil_count = excluded.pupil_count, trust_id = excluded.trust_id,
      updated_at = now(), version = o.version + 1
    where (o.kind, o.name, o.phase, o.establishment_type, o.status, o.local_authority, o.region,
           o.town, o.postcode, o.pupil_count, o.trust_id)
          is distinct from (excluded.kind, excluded.name, excluded.phase, excluded.establishment_type, excluded.status,
           excluded.local_authority, excluded.region, excluded.town, excluded.postcode, excluded.pupil_count, excluded.trust_id)
    returning (o.xmax = 0) as created`,
  );
  return countOutcome(rows);
}

export interface OfstedOutcome {
  updated: number;
  /** URNs with no school to apply the rating to. */
  missing: number[];
}

/** Sets each school's rating and inspection date where they differ; reports URNs that are not schools. */
export async function applyOfstedRatings(db: AppDb, ratings: OfstedRecord[]): Promise<OfstedOutcome> {
  if (ratings.length === 0) return { updated: 0, missing: [] };
  const rows = await queryRows(
    db,
    sql`
    with incoming as (
      select * from unnest(
        ${columnOf(ratings, 'integer', (rating) => rating.urn)},
        ${columnOf(ratings, 'text', (rating) => rating.rating)},
        ${columnOf(ratings, 'date', (rating) => rating.inspectionDate)}
      ) as v (urn, rating, inspected)
    ),
    changed as (
      update organisations o
      set ofsted_rating = i.rating, ofsted_inspection_date = i.inspected, updated_at = now(), version = o.version + 1
      from incoming i
      where o.urn = i.urn and o.kind = 'school'
        and (o.ofsted_rating, o.ofsted_inspection_date) is distinct from (i.rating, i.inspected)
      returning o.urn
    )
    select i.urn, (school.id is not null) as found, (c.urn is not null) as changed
    from incoming i
    left join organisations school on school.urn = i.urn and school.kind = 'school'
    left join changed c on c.urn = i.urn`,
  );
  return {
    updated: rows.filter((row) => row.changed === true).length,
    missing: rows.filter((row) => row.found !== true).map((row) => Number(row.urn)),
  };
}
