import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/platform/db/database.ts';

/**
 * A fresh, migrated database for one test file. On PGlite it is loaded from a template
 * the test runner migrated once (TANDEM_PGLITE_TEMPLATE), which takes about a second
 * instead of migrating from scratch. With TEST_DATABASE_URL it is a new PostgreSQL
 * database copied from the runner's migrated template, dropped again on close.
 */
export async function createTestDatabase(): Promise<Database> {
  const postgresUrl = process.env.TEST_DATABASE_URL;
  return postgresUrl ? createPostgresDatabase(postgresUrl) : createPgliteDatabase();
}

async function createPgliteDatabase(): Promise<Database> {
  const templateFile = process.env.TANDEM_PGLITE_TEMPLATE;
  if (templateFile) return openDatabase({ kind: 'pglite-memory', loadDataDir: new Blob([readFileSync(templateFile)]) });
  const database = await openDatabase({ kind: 'pglite-memory' });
  await database.migrate();
  return database;
}

export function databaseUrlFor(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function createPostgresDatabase(serverUrl: string): Promise<Database> {
  const name = `tandem_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const template = process.env.TANDEM_PG_TEMPLATE;
  await adminQuery(serverUrl, `create database ${name}${template ? ` template ${template}` : ''}`);
  const database = await openDatabase({ kind: 'postgres', url: databaseUrlFor(serverUrl, name) });
  if (!template) await database.migrate();
  return {
    ...database,
    close: async () => {
      await database.close();
      await adminQuery(serverUrl, `drop database if exists ${name} with (force)`);
    },
  };
}

export async function adminQuery(serverUrl: string, sql: string): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}
