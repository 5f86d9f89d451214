import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { createTestDatabase } from '../../../../test/support/database.ts';
import type { Database } from '../../../platform/db/database.ts';
import { organisations } from '../organisations.tables.ts';
import { applyOfstedRatings, insertNewSchools, upsertSchools, type SchoolWrite } from './gias-import.repository.ts';
import type { SchoolRecord } from './gias-rows.ts';
import { listStoredRatings, listStoredSchools } from './gias-stored.repository.ts';

let database: Database;
before(async () => {
  database = await createTestDatabase();
});
after(() => database.close());

const school = (urn: number, name: string, pupilCount: number | null = 100): SchoolWrite => {
  const record: SchoolRecord = {
    urn,
    name,
    phase: 'Primary',
    establishmentType: 'Community school',
    status: 'open',
    localAuthority: 'Leeds',
    region: null,
    town: 'Leeds',
    postcode: 'LS1 1AA',
    pupilCount,
    trustUid: null,
  };
  return { school: record, trustId: null };
};

async function stamp(urn: number) {
  const [row] = await database.db
    .select({ version: organisations.version, updatedAt: organisations.updatedAt })
    .from(organisations)
    .where(eq(organisations.urn, urn));
  return row;
}

test('new schools are inserted and counted created; one stored since they were read is upserted instead', async () => {
  const { db } = database;
  await db.execute(sql`delete from organisations`);
  assert.deepEqual(await insertNewSchools(db, [school(1, 'One'), school(2, 'Two')]), { created: 2, updated: 0 });
  // School 2 exists now: the plain insert fails on its URN, and the batch is written as an upsert.
  const outcome = await insertNewSchools(db, [school(2, 'Two, renamed'), school(3, 'Three')]);
  assert.deepEqual(outcome, { created: 1, updated: 1 });
  const names = await db.select({ name: organisations.name }).from(organisations).orderBy(organisations.urn);
  assert.deepEqual(
    names.map((row) => row.name),
    ['One', 'Two, renamed', 'Three'],
  );
});

test('an upsert counts created and updated rows, and leaves a row that matches untouched', async () => {
  const { db } = database;
  await db.execute(sql`delete from organisations`);
  await insertNewSchools(db, [school(10, 'Ten'), school(11, 'Eleven')]);
  const before = await stamp(11);
  const outcome = await upsertSchools(db, [school(10, 'Ten', 120), school(11, 'Eleven'), school(12, 'Twelve')]);
  assert.deepEqual(outcome, { created: 1, updated: 1 });
  assert.equal((await stamp(10))?.version, 2);
  assert.deepEqual(await stamp(11), before, 'the school that matched was not written');
});

test('what is stored reads back in the form the import compares: ids as text, dates as yyyy-mm-dd', async () => {
  const { db } = database;
  await db.execute(sql`delete from organisations`);
  const [trust] = await db
    .insert(organisations)
    .values({ kind: 'trust', name: 'T', groupUid: 7 })
    .returning({ id: organisations.id });
  await insertNewSchools(db, [{ ...school(20, 'Twenty'), trustId: trust?.id ?? null }, school(21, 'Twenty-one')]);
  const ratings = await applyOfstedRatings(db, [
    { urn: 20, rating: 'Good', inspectionDate: '2024-02-29' },
    { urn: 99, rating: 'Good', inspectionDate: null },
  ]);
  assert.deepEqual(ratings, { updated: 1, missing: [99] });
  const schools = await listStoredSchools(db);
  assert.equal(schools.get(20)?.trustId, trust?.id);
  assert.equal(schools.get(20)?.pupilCount, 100);
  assert.equal(schools.get(21)?.region, null);
  assert.deepEqual([...(await listStoredRatings(db))], [[20, { rating: 'Good', inspectionDate: '2024-02-29' }]]);
});
