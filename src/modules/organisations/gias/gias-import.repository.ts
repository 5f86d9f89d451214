import { and, eq, isNotNull, sql, type SQL } from 'drizzle-orm';
import { isUniqueViolation, queryRows, type AppDb } from '../../../platform/db/database.ts';
import { organisations } from '../organisations.tables.ts';
import type { OfstedRecord, SchoolRecord, TrustRecord } from './gias-rows.ts';

export interface UpsertOutcome {
  created: number;
  updated: number;
}

/**
 * A school as written: the row as read, and its trust's id (the group UID is not stored). Kept as
 * two parts: copying the record into a new object with one more property made every later read
 * of it several times slower.
 */
export interface SchoolWrite {
  school: SchoolRecord;
  trustId: string | null;
}

/**
 * A batch travels as one JSON array of row arrays and is unpacked in SQL by position: one parameter
 * for the whole batch, and JSON costs both Node and PostgreSQL less to write and read than the
 * eleven text arrays that unnest took (half the time for the full register). Every cell is read as
 * text and cast once in SQL, so the two drivers cannot type a value differently.
 */
type Cell = string | number | null;
type ColumnType = 'integer' | 'text' | 'uuid' | 'date';

/** The columns a batch is unpacked into, with their types, and a record's values in the same order. */
interface Incoming<T> {
  columns: ReadonlyArray<readonly [name: string, type: ColumnType]>;
  values(record: T): Cell[];
}

function incoming<T>(records: T[], { columns, values }: Incoming<T>): SQL {
  const json = JSON.stringify(records.map(values));
  const fields = columns.map(([name, type], index) => `(e->>${index})::${type} as ${name}`).join(', ');
  return sql`select ${sql.raw(fields)} from jsonb_array_elements(${json}::jsonb) as e`;
}

/**
 * Runs an upsert of `incoming` rows that returns `(o.xmax = 0) as created`, and has the database
 * count what it wrote: one row comes back, rather than one per row written.
 */
async function countWritten(db: AppDb, rows: SQL, upsert: SQL): Promise<UpsertOutcome> {
  const [counts] = await queryRows<{ created: number; written: number }>(
    db,
    sql`with incoming as (${rows}), written as (${upsert})
        select count(*) filter (where created)::int as created, count(*)::int as written from written`,
  );
  const created = Number(counts?.created ?? 0);
  return { created, updated: Number(counts?.written ?? 0) - created };
}

const incomingTrusts: Incoming<TrustRecord> = {
  columns: [
    ['group_uid', 'integer'],
    ['name', 'text'],
    ['trust_type', 'text'],
    ['companies_house_number', 'text'],
    ['town', 'text'],
    ['postcode', 'text'],
  ],
  values: (trust) => [
    trust.groupUid,
    trust.name,
    trust.trustType,
    trust.companiesHouseNumber,
    trust.town,
    trust.postcode,
  ],
};

const incomingSchools: Incoming<SchoolWrite> = {
  columns: [
    ['urn', 'integer'],
    ['name', 'text'],
    ['phase', 'text'],
    ['establishment_type', 'text'],
    ['status', 'text'],
    ['local_authority', 'text'],
    ['region', 'text'],
    ['town', 'text'],
    ['postcode', 'text'],
    ['pupil_count', 'integer'],
    ['trust_id', 'uuid'],
  ],
  values: ({ school, trustId }) => [
    school.urn,
    school.name,
    school.phase,
    school.establishmentType,
    school.status,
    school.localAuthority,
    school.region,
    school.town,
    school.postcode,
    school.pupilCount,
    trustId,
  ],
};

const incomingRatings: Incoming<OfstedRecord> = {
  columns: [
    ['urn', 'integer'],
    ['rating', 'text'],
    ['inspected', 'date'],
  ],
  values: (rating) => [rating.urn, rating.rating, rating.inspectionDate],
};

/**
 * Inserts new trusts and updates changed ones, by group UID. The service sends only rows that
 * differ from what it read before the file; the ON CONFLICT condition compares again, so a row
 * that changed between that read and this write is updated only if it still differs.
 * `xmax = 0` holds only for a freshly inserted row version: that tells created from updated.
 */
export async function upsertTrusts(db: AppDb, trusts: TrustRecord[]): Promise<UpsertOutcome> {
  if (trusts.length === 0) return { created: 0, updated: 0 };
  return countWritten(
    db,
    incoming(trusts, incomingTrusts),
    sql`
    insert into organisations as o (kind, name, group_uid, trust_type, companies_house_number, town, postcode)
    select 'trust', i.name, i.group_uid, i.trust_type, i.companies_house_number, i.town, i.postcode
    from incoming i
    on conflict (group_uid) do update set
      kind = excluded.kind, name = excluded.name, trust_type = excluded.trust_type,
      companies_house_number = excluded.companies_house_number, town = excluded.town, postcode = excluded.postcode,
      updated_at = now(), version = o.version + 1
    where (o.kind, o.name, o.trust_type, o.companies_house_number, o.town, o.postcode)
          is distinct from (excluded.kind, excluded.name, excluded.trust_type, excluded.companies_house_number, excluded.town, excluded.postcode)
    returning (o.xmax = 0) as created`,
  );
}

/** Group UID → organisation id of every trust, to link schools without a query per row. */
export async function listTrustIdsByGroupUid(db: AppDb): Promise<Map<number, string>> {
  const rows = await db
    .select({ groupUid: organisations.groupUid, id: organisations.id })
    .from(organisations)
    .where(and(eq(organisations.kind, 'trust'), isNotNull(organisations.groupUid)));
  return new Map(rows.flatMap((row) => (row.groupUid === null ? [] : [[row.groupUid, row.id] as const])));
}

/**
 * Refreshes the planner's statistics for the columns the import looks rows up by. A first import
 * grows the table from a few rows to tens of thousands; until autovacuum catches up, the planner
 * takes schools for a rare kind and scans every one of them for each batch of the Ofsted file
 * instead of looking rows up by URN. A small sample is enough to tell it the kinds and that URNs
 * are unique, at a tenth of the cost; the other columns are left to autovacuum.
 */
export async function analyzeOrganisations(db: AppDb): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`set local default_statistics_target = 10`);
    await tx.execute(sql`analyze organisations (kind, urn, group_uid)`);
  });
}

const insertSchools = sql`
    insert into organisations as o
      (kind, name, urn, phase, establishment_type, status, local_authority, region, town, postcode, pupil_count, trust_id)
    select 'school', i.name, i.urn, i.phase, i.establishment_type, i.status, i.local_authority, i.region,
           i.town, i.postcode, i.pupil_count, i.trust_id
    from incoming i`;

/** As upsertTrusts, for schools by URN. Ofsted columns are left alone: they come from another file. */
export async function upsertSchools(db: AppDb, schools: SchoolWrite[]): Promise<UpsertOutcome> {
  if (schools.length === 0) return { created: 0, updated: 0 };
  return countWritten(
    db,
    incoming(schools, incomingSchools),
    sql`${insertSchools}
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
}

/**
 * Inserts schools that had no row when the file was started, without the conflict check an upsert
 * makes for every row (a tenth of the database's work in a first import). Should one of them have
 * been stored since, the insert fails whole on the unique URN, and the batch is upserted instead.
 */
export async function insertNewSchools(db: AppDb, schools: SchoolWrite[]): Promise<UpsertOutcome> {
  if (schools.length === 0) return { created: 0, updated: 0 };
  try {
    return await countWritten(db, incoming(schools, incomingSchools), sql`${insertSchools} returning true as created`);
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return upsertSchools(db, schools);
  }
}

export interface OfstedOutcome {
  updated: number;
  /** URNs with no school to apply the rating to. */
  missing: number[];
}

/**
 * Sets each school's rating and inspection date where they differ; reports URNs that are not schools.
 * Both answers are aggregated in SQL: joining the updated rows back to the incoming ones cost a
 * comparison per pair, which made a batch's time grow with the square of its size.
 */
export async function applyOfstedRatings(db: AppDb, ratings: OfstedRecord[]): Promise<OfstedOutcome> {
  if (ratings.length === 0) return { updated: 0, missing: [] };
  const [outcome] = await queryRows<{ updated: number; missing: number[] }>(
    db,
    sql`
    with incoming as (${incoming(ratings, incomingRatings)}),
    changed as (
      update organisations o
      set ofsted_rating = i.rating, ofsted_inspection_date = i.inspected, updated_at = now(), version = o.version + 1
      from incoming i
      where o.urn = i.urn and o.kind = 'school'
        and (o.ofsted_rating, o.ofsted_inspection_date) is distinct from (i.rating, i.inspected)
      returning o.urn
    )
    select (select count(*)::int from changed) as updated,
      array(
        select i.urn from incoming i
        where not exists (select from organisations school where school.urn = i.urn and school.kind = 'school')
      ) as missing`,
  );
  return { updated: Number(outcome?.updated ?? 0), missing: (outcome?.missing ?? []).map(Number) };
}
