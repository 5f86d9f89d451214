import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type AppDb } from '../../../platform/db/database.ts';

/**
 * What the register import finds stored, read once at its start, so that a row that matches it
 * needs no write at all.
 */

type Text = string | null;

/**
 * Reads `columns` of every organisation that has `key`, key first, as one JSON text of row arrays:
 * decoding tens of thousands of rows through the driver cost more than the rest of a file's work.
 */
async function listStored<Row extends unknown[]>(
  db: AppDb,
  key: 'urn' | 'group_uid',
  columns: string,
  where: SQL = sql`true`,
): Promise<Row[]> {
  const [result] = await queryRows<{ rows: string }>(
    db,
    sql`select coalesce(json_agg(json_build_array(${sql.raw(`${key}, ${columns}`)})), '[]')::text as rows
        from organisations where ${sql.raw(key)} is not null and ${where}`,
  );
  return JSON.parse(result?.rows ?? '[]') as Row[];
}

export interface StoredTrust {
  kind: string;
  name: string;
  trustType: Text;
  companiesHouseNumber: Text;
  town: Text;
  postcode: Text;
}

/** Every organisation with a group UID, by group UID. */
export async function listStoredTrusts(db: AppDb): Promise<Map<number, StoredTrust>> {
  const rows = await listStored<[number, string, string, Text, Text, Text, Text]>(
    db,
    'group_uid',
    'kind, name, trust_type, companies_house_number, town, postcode',
  );
  return new Map(
    rows.map(([groupUid, kind, name, trustType, companiesHouseNumber, town, postcode]) => [
      groupUid,
      { kind, name, trustType, companiesHouseNumber, town, postcode },
    ]),
  );
}

/** A school as the establishments file describes it. */
export interface StoredSchool {
  kind: string;
  name: string;
  phase: Text;
  establishmentType: Text;
  status: Text;
  localAuthority: Text;
  region: Text;
  town: Text;
  postcode: Text;
  pupilCount: number | null;
  trustId: Text;
}

type StoredSchoolRow = [
  urn: number,
  kind: string,
  name: string,
  phase: Text,
  establishmentType: Text,
  status: Text,
  localAuthority: Text,
  region: Text,
  town: Text,
  postcode: Text,
  pupilCount: number | null,
  trustId: Text,
];

/** Every organisation with a URN, by URN. */
export async function listStoredSchools(db: AppDb): Promise<Map<number, StoredSchool>> {
  const rows = await listStored<StoredSchoolRow>(
    db,
    'urn',
    'kind, name, phase, establishment_type, status, local_authority, region, town, postcode, pupil_count, trust_id',
  );
  return new Map(
    rows.map((row) => [
      row[0],
      {
        kind: row[1],
        name: row[2],
        phase: row[3],
        establishmentType: row[4],
        status: row[5],
        localAuthority: row[6],
        region: row[7],
        town: row[8],
        postcode: row[9],
        pupilCount: row[10],
        trustId: row[11],
      },
    ]),
  );
}

/** A school's Ofsted judgement as stored; the inspection date as yyyy-mm-dd. */
export interface StoredRating {
  rating: Text;
  inspectionDate: Text;
}

/**
 * The Ofsted judgement of every school that has one, by URN. Schools without one are left out: a
 * first import has none to read, and a rating for no school is found out when it is written.
 */
export async function listStoredRatings(db: AppDb): Promise<Map<number, StoredRating>> {
  const rows = await listStored<[number, Text, Text]>(
    db,
    'urn',
    'ofsted_rating, ofsted_inspection_date',
    sql`kind = 'school' and (ofsted_rating is not null or ofsted_inspection_date is not null)`,
  );
  return new Map(rows.map(([urn, rating, inspectionDate]) => [urn, { rating, inspectionDate }]));
}
