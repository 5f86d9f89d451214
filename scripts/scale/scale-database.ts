/**
 * The England-scale database that `npm run seed:scale` fills and `npm run bench` measures. It is
 * a database of its own on the PostgreSQL server, so that seeding it never touches one in use.
 */
import pg from 'pg';
import { adminQuery, databaseUrlFor } from '../../test/support/database.ts';

/** SCALE_DATABASE_URL, or a database named tandem_scale on the local server. */
export const scaleDatabaseUrl = process.env.SCALE_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/tandem_scale';

export function databaseNameOf(url: string): string {
  const name = decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) {
    throw new Error(`The scale database name "${name}" must be lower-case letters, digits and underscores`);
  }
  return name;
}

/** The same server with its maintenance database, to create and drop the scale database from. */
function maintenanceUrl(url: string): string {
  return databaseUrlFor(url, 'postgres');
}

export async function scaleDatabaseExists(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: maintenanceUrl(url) });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [databaseNameOf(url)]);
    return found.rowCount === 1;
  } finally {
    await client.end();
  }
}

/** Creates the database, dropping any earlier one first when `replace` is set. */
export async function createScaleDatabase(url: string, { replace }: { replace: boolean }): Promise<void> {
  const name = databaseNameOf(url);
  if (replace) await adminQuery(maintenanceUrl(url), `drop database if exists ${name} with (force)`);
  await adminQuery(maintenanceUrl(url), `create database ${name}`);
}

/** Counts of what the seed made, read back from the database rather than trusted from the seed. */
export async function countScaleRows(client: pg.Client): Promise<Array<[string, number]>> {
  const tables: Array<[string, string]> = [
    ['trusts', `select count(*) from organisations where kind = 'trust'`],
    ['schools', `select count(*) from organisations where kind = 'school'`],
    ['people', 'select count(*) from people'],
    ['memberships', 'select count(*) from memberships'],
    ['reviews', 'select count(*) from reviews'],
    ['ratings', 'select count(*) from review_ratings'],
    ['plans', 'select count(*) from plans'],
    ['priorities', 'select count(*) from plan_priorities'],
    ['actions', 'select count(*) from plan_actions'],
    ['partnerships', 'select count(*) from partnerships'],
    ['meetings', 'select count(*) from partnership_meetings'],
    ['meeting notes', 'select count(*) from meeting_notes'],
    ['audit events', 'select count(*) from audit_events'],
  ];
  const counts: Array<[string, number]> = [];
  for (const [label, query] of tables) {
    const result = await client.query<{ count: string }>(query);
    counts.push([label, Number(result.rows[0]?.count ?? 0)]);
  }
  return counts;
}
