import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { adminQuery, databaseUrlFor } from '../../../test/support/database.ts';
import { createPersonWithRole } from '../../../test/support/factories.ts';
import { createPartnership, createService } from '../../../test/support/partnership-factories.ts';
import { backupDatabase, restoreDatabase, type BackupTarget } from './backup.ts';
import { migrationsFolder, openDatabase, queryRows, type AppDb } from './database.ts';

const workDir = mkdtempSync(join(tmpdir(), 'tandem-backup-test-'));
after(() => rmSync(workDir, { recursive: true, force: true }));

const migrationCount = (
  JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as {
    entries: unknown[];
  }
).entries.length;

type Fingerprint = Record<string, { rows: number; md5: string }>;

/** Every table in every schema: its row count and an md5 of all its rows in a fixed order. */
async function fingerprint(db: AppDb): Promise<Fingerprint> {
  const tables = await queryRows<{ schema: string; name: string }>(
    db,
    sql`select schemaname as schema, tablename as name from pg_catalog.pg_tables
        where schemaname not in ('pg_catalog', 'information_schema') order by 1, 2`,
  );
  const prints: Fingerprint = {};
  for (const { schema, name } of tables) {
    const [print] = await queryRows<{ rows: number; md5: string }>(
      db,
      sql`select count(*)::int as rows, md5(coalesce(string_agg(t::text, chr(10) order by t::text), '')) as md5
          from ${sql.identifier(schema)}.${sql.identifier(name)} as t`,
    );
    if (print) prints[`${schema}.${name}`] = print;
  }
  return prints;
}

async function fingerprintOf(target: BackupTarget): Promise<Fingerprint> {
  const database = await openDatabase(target);
  try {
    return await fingerprint(database.db);
  } finally {
    await database.close();
  }
}

/** Rows in several tables, of several column types (uuid, text, jsonb, dates, times, integers, booleans). */
async function addRows(db: AppDb): Promise<void> {
  const { person: mentee, organisation: trust } = await createPersonWithRole(db, 'ceo');
  const service = await createService(db);
  const { person: mentor } = await createPersonWithRole(db, 'mentor', service.provider);
  await createPartnership(db, { service, mentee, mentor, menteeTrust: trust });
  await db.execute(sql`insert into audit_events (action, actor_person_id, organisation_id, details)
    values ('backup.test', ${mentee.id}, ${trust.id}, ${JSON.stringify({ note: 'Zoë’s “notes” — 100%' })}::jsonb)`);
}

/** The scene is really there, so that an empty restore could not pass for a whole one. */
function assertFilled(print: Fingerprint): void {
  assert.equal(print['drizzle.__drizzle_migrations']?.rows, migrationCount);
  for (const table of ['organisations', 'people', 'memberships', 'partnerships', 'audit_events']) {
    assert.ok((print[`public.${table}`]?.rows ?? 0) > 0, `${table} has rows`);
  }
}

/**
 * Migrates the database, adds rows and returns its fingerprint, checked to be filled.
 * `whileOpen` runs while the database is still open, before it is closed for the backup.
 */
async function fillDatabase(target: BackupTarget, whileOpen?: () => Promise<void>): Promise<Fingerprint> {
  const database = await openDatabase(target);
  let print: Fingerprint;
  try {
    await database.migrate();
    await addRows(database.db);
    print = await fingerprint(database.db);
    await whileOpen?.();
  } finally {
    await database.close();
  }
  assertFilled(print);
  return print;
}

test('the embedded database (PGlite)', async (t) => {
  const source: BackupTarget = { kind: 'pglite', dataDir: join(workDir, 'source') };
  const file = join(workDir, 'embedded.tar.gz');
  const before = await fillDatabase(source, async () => {
    await assert.rejects(backupDatabase({ target: source, file }), /is in use/);
    assert.equal(existsSync(file), false);
  });
  const backup = await backupDatabase({ target: source, file });
  assert.equal(backup.tables, Object.keys(before).length);
  assert.ok(backup.bytes > 0);

  await t.test('comes back from its backup, in a new folder, with every row of every table', async () => {
    const restored: BackupTarget = { kind: 'pglite', dataDir: join(workDir, 'new', 'data') };
    const report = await restoreDatabase({ target: restored, file });
    assert.equal(report.tables, Object.keys(before).length);
    assert.deepEqual(await fingerprintOf(restored), before);
  });

  await t.test('is not restored over a folder that is not empty, unless told to replace it', async () => {
    const contents = readdirSync(source.dataDir).sort();
    const around = readdirSync(workDir).sort();
    await assert.rejects(restoreDatabase({ target: source, file }), /is not empty/);
    assert.deepEqual(readdirSync(source.dataDir).sort(), contents);
    assert.deepEqual(readdirSync(workDir).sort(), around);

    const report = await restoreDatabase({ target: source, file, replace: true });
    assert.ok(report.movedAside);
    assert.deepEqual(readdirSync(report.movedAside).sort(), contents);
    assert.ok(existsSync(join(source.dataDir, 'PG_VERSION')));
  });

  await t.test('is neither backed up nor restored while a program has its folder open', async () => {
    const open = await openDatabase(source);
    try {
      await assert.rejects(backupDatabase({ target: source, file: join(workDir, 'open.tar.gz') }), /is in use/);
      await assert.rejects(restoreDatabase({ target: source, file, replace: true }), /is in use/);
      assert.equal(existsSync(join(workDir, 'open.tar.gz')), false);
    } finally {
      await open.close();
    }
  });

  await t.test('refuses a missing file, a PostgreSQL backup and anything else, creating nothing', async () => {
    const target: BackupTarget = { kind: 'pglite', dataDir: join(workDir, 'untouched') };
    const postgresLike = join(workDir, 'postgres-like.dump');
    writeFileSync(postgresLike, 'PGDMP\u0001\u000e\u0000');
    const gzippedText = join(workDir, 'notes.gz');
    writeFileSync(gzippedText, gzipSync('not a data folder'));
    const plainText = join(workDir, 'notes.txt');
    writeFileSync(plainText, 'not a backup');

    await assert.rejects(restoreDatabase({ target, file: join(workDir, 'missing.tar.gz') }), /There is no file/);
    await assert.rejects(restoreDatabase({ target, file: postgresLike }), /backup of a PostgreSQL database/);
    await assert.rejects(restoreDatabase({ target, file: gzippedText }), /not a backup of an embedded/);
    await assert.rejects(restoreDatabase({ target, file: plainText }), /not a Tandem backup/);
    assert.equal(existsSync(target.dataDir), false);
  });
});

const serverUrl = process.env.TEST_DATABASE_URL;

test('PostgreSQL', { skip: serverUrl ? false : 'set TEST_DATABASE_URL to run it' }, async (t) => {
  if (!serverUrl) return;
  const suffix = `${process.pid}_${randomBytes(4).toString('hex')}`;
  const names = [`tandem_backup_source_${suffix}`, `tandem_backup_restored_${suffix}`];
  after(async () => {
    for (const name of names) await adminQuery(serverUrl, `drop database if exists ${name} with (force)`);
  });
  const [source, restored] = names.map((name): BackupTarget => ({
    kind: 'postgres',
    url: databaseUrlFor(serverUrl, name),
  }));
  if (!source || !restored) throw new Error('expected two databases');
  const file = join(workDir, 'postgres.dump');

  await adminQuery(serverUrl, `create database ${names[0]}`);
  const before = await fillDatabase(source);
  const backup = await backupDatabase({ target: source, file });
  assert.equal(backup.tables, Object.keys(before).length);

  await t.test('comes back from its backup, in an empty database, with every row of every table', async () => {
    await adminQuery(serverUrl, `create database ${names[1]}`);
    const report = await restoreDatabase({ target: restored, file });
    assert.equal(report.tables, Object.keys(before).length);
    assert.deepEqual(await fingerprintOf(restored), before);
  });

  await t.test('is not restored over a database that has tables, unless told to replace them', async () => {
    await assert.rejects(restoreDatabase({ target: restored, file }), /There are already \d+ tables/);
    await restoreDatabase({ target: restored, file, replace: true });
    assert.deepEqual(await fingerprintOf(restored), before);
  });

  await t.test('refuses a missing file and an embedded-database backup', async () => {
    const embeddedLike = join(workDir, 'embedded-like.tar.gz');
    writeFileSync(embeddedLike, gzipSync('a data folder, as far as the first bytes tell'));
    await assert.rejects(
      restoreDatabase({ target: restored, file: join(workDir, 'missing.dump') }),
      /There is no file/,
    );
    await assert.rejects(restoreDatabase({ target: restored, file: embeddedLike }), /backup of an embedded database/);
    assert.deepEqual(await fingerprintOf(restored), before);
  });
});
