import assert from 'node:assert/strict';
import { test } from 'node:test';
import { count, eq } from 'drizzle-orm';
import { createTestDatabase } from '../../test/support/database.ts';
import { organisations } from '../modules/organisations/organisations.tables.ts';
import { memberships, people } from '../modules/people/people.tables.ts';
import { demoPeople, seedDemoData } from './demo-data.ts';

test('demo data is seeded on the first run only', async (context) => {
  const database = await createTestDatabase();
  context.after(() => database.close());
  const { db } = database;

  assert.equal(await seedDemoData(db), true);
  const trusts = await db.select().from(organisations).where(eq(organisations.kind, 'trust'));
  assert.equal(trusts.length, 6, 'the six sample trusts');
  const meridian = trusts.find((trust) => trust.groupUid === 2526);
  assert.equal(meridian?.name, 'MERIDIAN TRUST');
  assert.match(meridian?.companiesHouseNumber ?? '', /^\d{8}$/, 'Companies House numbers keep their leading zeros');
  const [peopleCount] = await db.select({ total: count() }).from(people);
  assert.equal(peopleCount?.total, demoPeople.length);
  const [membershipCount] = await db.select({ total: count() }).from(memberships);
  assert.equal(membershipCount?.total, demoPeople.length);

  assert.equal(await seedDemoData(db), false, 'a second run changes nothing');
  const [after] = await db.select({ total: count() }).from(organisations);
  assert.equal(after?.total, 7);
});
