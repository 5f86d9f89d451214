import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { count, eq } from 'drizzle-orm';
import { createTestDatabase } from '../../test/support/database.ts';
import { organisations } from '../modules/organisations/organisations.tables.ts';
import { memberships, people } from '../modules/people/people.tables.ts';
import { secondFactorKey } from '../modules/people/index.ts';
import { signInWithPassword } from '../modules/people/accounts.service.ts';
import { currentCode, verifySecondFactor } from '../modules/people/mfa.service.ts';
import { roles } from '../modules/people/roles.ts';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET, demoPeople, seedDemoData } from './demo-data.ts';

const mfaKey = secondFactorKey('x'.repeat(32));

/** URN → group UID, straight from the shipped sample, to check every link the seed made. */
const sampleTrustOf = new Map(
  (
    parse(readFileSync(new URL('../../fixtures/gias-sample/establishments.csv', import.meta.url)), {
      columns: true,
    }) as Array<Record<string, string>>
  ).map((row) => [Number(row.URN), Number(row['Trusts (code)'])]),
);

test('demo data is seeded on the first run only, with the six sample trusts and their schools', async (context) => {
  const database = await createTestDatabase();
  context.after(() => database.close());
  const { db } = database;

  assert.equal(await seedDemoData(db, { mfaKey }), true);
  const trusts = await db.select().from(organisations).where(eq(organisations.kind, 'trust'));
  assert.equal(trusts.length, 6, 'the six sample trusts');
  const meridian = trusts.find((trust) => trust.groupUid === 2526);
  assert.equal(meridian?.name, 'MERIDIAN TRUST');
  assert.equal(meridian?.trustType, 'multi_academy');
  assert.match(meridian?.companiesHouseNumber ?? '', /^\d{8}$/, 'Companies House numbers keep their leading zeros');
  assert.equal(trusts.find((trust) => trust.groupUid === 2045)?.trustType, 'single_academy');

  const schools = await db.select().from(organisations).where(eq(organisations.kind, 'school'));
  assert.equal(schools.length, 139, 'the open schools of the six trusts');
  assert.equal(sampleTrustOf.size, 139);
  const groupUidOf = new Map(trusts.map((trust) => [trust.id, trust.groupUid]));
  for (const school of schools) {
    assert.equal(
      school.trustId === null ? null : groupUidOf.get(school.trustId),
      sampleTrustOf.get(school.urn ?? 0),
      `${school.name} (URN ${school.urn}) belongs to its trust`,
    );
  }
  const meridianSchools = schools.filter((school) => school.trustId === meridian?.id);
  assert.equal(meridianSchools.length, 30);
  const rated = schools.filter((school) => school.ofstedInspectionDate !== null);
  assert.equal(rated.length, 115, 'every sample Ofsted row is applied');
  const paddington = schools.find((school) => school.urn === 130912);
  assert.equal(paddington?.ofstedRating, 'Outstanding');
  assert.equal(paddington?.ofstedInspectionDate, '2023-03-13');

  const [peopleCount] = await db.select({ total: count() }).from(people);
  assert.equal(peopleCount?.total, demoPeople.length);
  const [membershipCount] = await db.select({ total: count() }).from(memberships);
  assert.equal(membershipCount?.total, demoPeople.length);
  assert.deepEqual(
    roles.filter((role) => !demoPeople.some((person) => person.role === role)),
    [],
    'one demo person for every role',
  );

  assert.equal(await seedDemoData(db, { mfaKey }), false, 'a second run changes nothing');
  const [after] = await db.select({ total: count() }).from(organisations);
  assert.equal(after?.total, 1 + 6 + 139);
});

test('the demo sign-ins printed at start-up work, with the demo code where a second factor is needed', async (context) => {
  const database = await createTestDatabase();
  context.after(() => database.close());
  const { db } = database;
  await seedDemoData(db, { mfaKey });
  const signInAs = (email: string) => signInWithPassword({ db, email, password: DEMO_PASSWORD, ip: '192.0.2.1' });

  assert.equal((await signInAs('ceo@demo.tandem.test')).outcome, 'signed-in');
  const admin = await signInAs('admin@demo.tandem.test');
  assert.equal(admin.outcome, 'second-factor-needed');
  assert.ok(admin.outcome === 'second-factor-needed');
  const code = currentCode(DEMO_TOTP_SECRET);
  assert.equal(await verifySecondFactor({ db, personId: admin.personId, code, key: mfaKey }), 'accepted');
});
