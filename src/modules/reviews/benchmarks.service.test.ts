import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { createTestDatabase } from '../../../test/support/database.ts';
import {
  createOrganisation,
  createPerson,
  createPersonWithRole,
  type OrganisationRow,
} from '../../../test/support/factories.ts';
import {
  agreeEverything,
  builtinVersion,
  consentToBenchmarks,
  createFramework,
  createReview,
  createReviewLead,
  createTrustWithSchools,
  publishAnotherVersion,
  type PublishedVersion,
} from '../../../test/support/review-factories.ts';
import { viewerOf } from '../../../test/support/review-scene.ts';
import { auditEvents } from '../../platform/audit/audit.tables.ts';
import type { Viewer } from '../../platform/auth/viewer.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { organisations } from '../organisations/organisations.tables.ts';
import type { Role } from '../people/roles.ts';
import { benchmarkFor, getBenchmarkConsent, setBenchmarkConsent, type Benchmark } from './benchmarks.service.ts';

const database = await createTestDatabase();
after(() => database.close());
const { db } = database;

const development = await builtinVersion(db, 'trust-development');
const firstElement = development.document.headings[0]?.elements[0]?.key ?? '';

async function member(role: Role, organisation?: OrganisationRow) {
  const { person, organisation: home } = await createPersonWithRole(db, role, organisation);
  return viewerOf(person, [{ organisationId: home.id, organisationName: home.name, role }]);
}

/**
 * A framework of its own for each test, so that trusts added by one test never count in another's;
 * and the trust looking at its benchmarks: a closed review with green agreed throughout, and its lead.
 */
async function scene() {
  const version = await createFramework(db, development);
  const trust = await createTrustWithSchools(db);
  const reviewId = await createReview(db, { organisation: trust, version, agreed: agreeEverything(version, 'green') });
  const lead = viewerOf(await createReviewLead(db, reviewId));
  return { version, trust, reviewId, lead };
}

/** Another trust with a closed review agreeing `level` throughout; consenting unless told otherwise. */
async function otherTrust(
  version: PublishedVersion,
  level: string,
  {
    consent = true,
    schools = 1,
    region = null,
    closedAt = new Date(),
  }: { consent?: boolean; schools?: number; region?: string | null; closedAt?: Date | null } = {},
) {
  const trust = await createTrustWithSchools(db, { schools, region });
  if (consent) await consentToBenchmarks(db, trust.id);
  await createReview(db, { organisation: trust, version, agreed: agreeEverything(version, level), closedAt });
  return trust;
}

const first = (benchmark: Benchmark) => benchmark.headings[0]?.elements[0];

test('an element is compared only once 5 trusts contribute, with the count per level', async () => {
  const { version, reviewId, lead } = await scene();
  for (const level of ['red', 'red', 'amber-green', 'green']) await otherTrust(version, level);
  const four = await benchmarkFor({ db, actor: lead, reviewId });
  assert.equal(first(four)?.others, null, 'four trusts: nothing shown');
  assert.equal(first(four)?.own, 'green', 'the trust’s own agreed rating is there');

  await otherTrust(version, 'red');
  const five = await benchmarkFor({ db, actor: lead, reviewId });
  assert.equal(first(five)?.key, firstElement);
  assert.deepEqual(first(five)?.others, { trusts: 5, levels: { red: 3, 'amber-green': 1, green: 1 } });
  assert.deepEqual(
    five.headings.map((heading) => heading.key),
    version.document.headings.map((heading) => heading.key),
  );
  assert.deepEqual(
    five.levels.map((level) => level.key),
    ['red', 'amber-red', 'amber-green', 'green'],
  );
});

test('only consenting trusts’ latest closed review of the same framework counts, never the trust’s own', async () => {
  const { version, trust, reviewId, lead } = await scene();
  await consentToBenchmarks(db, trust.id);
  for (let index = 0; index < 4; index += 1) await otherTrust(version, 'red');
  await otherTrust(version, 'green', { consent: false });
  await otherTrust(version, 'green', { closedAt: null });
  await otherTrust(await createFramework(db, development), 'green');
  const changedItsMind = await otherTrust(version, 'green', { closedAt: new Date('2026-01-01') });
  await createReview(db, {
    organisation: changedItsMind,
    version: await publishAnotherVersion(db, version),
    agreed: agreeEverything(version, 'amber-red'),
    closedAt: new Date('2026-06-01'),
  });
  const benchmark = await benchmarkFor({ db, actor: lead, reviewId });
  assert.equal(benchmark.review.consented, true);
  assert.deepEqual(first(benchmark)?.others, { trusts: 5, levels: { red: 4, 'amber-red': 1 } });
});

test('filters by region and by the number of open schools; a filter leaving fewer than 5 shows nothing', async () => {
  const { version, reviewId, lead } = await scene();
  for (let index = 0; index < 5; index += 1) await otherTrust(version, 'red', { schools: 3, region: 'London' });
  for (let index = 0; index < 5; index += 1) await otherTrust(version, 'green', { schools: 12, region: 'South West' });
  const oneSchool = await otherTrust(version, 'amber-red', { schools: 1, region: 'London' });
  // Closed schools do not make a trust bigger.
  await createOrganisation(db, { kind: 'school', status: 'closed', region: 'London', trustId: oneSchool.id });
  // A trust's own region wins over its schools'.
  const movedOut = await otherTrust(version, 'amber-green', { schools: 3, region: 'London' });
  await db.update(organisations).set({ region: 'South West' }).where(eq(organisations.id, movedOut.id));

  const all = await benchmarkFor({ db, actor: lead, reviewId });
  assert.deepEqual(first(all)?.others, {
    trusts: 12,
    levels: { red: 5, green: 5, 'amber-red': 1, 'amber-green': 1 },
  });
  assert.ok(all.regions.includes('London') && all.regions.includes('South West'));

  const london = await benchmarkFor({ db, actor: lead, reviewId, region: 'London' });
  assert.equal(london.region, 'London');
  assert.deepEqual(first(london)?.others, { trusts: 6, levels: { red: 5, 'amber-red': 1 } });

  const middling = await benchmarkFor({ db, actor: lead, reviewId, size: '11-20' });
  assert.deepEqual(first(middling)?.others, { trusts: 5, levels: { green: 5 } });
  const londonSmall = await benchmarkFor({ db, actor: lead, reviewId, region: 'London', size: '2-5' });
  assert.deepEqual(first(londonSmall)?.others, { trusts: 5, levels: { red: 5 } });
  const single = await benchmarkFor({ db, actor: lead, reviewId, size: '1' });
  assert.equal(first(single)?.others, null, 'one trust of one school: not shown');

  const unknown = await benchmarkFor({ db, actor: lead, reviewId, region: 'Atlantis' });
  assert.equal(unknown.region, null, 'a region nobody is in filters nothing');
});

test('someone who does not see the review’s results is told it is not there', async () => {
  const { trust, reviewId } = await scene();
  const ceo = await member('ceo', trust);
  const stranger = viewerOf(await createPerson(db));
  for (const actor of [ceo, stranger, null]) {
    await assert.rejects(benchmarkFor({ db, actor, reviewId }), (error: unknown) => {
      assert.ok(error instanceof AppError);
      assert.equal(error.code, 'NotFound');
      return true;
    });
  }
});

test('a trust’s leaders opt in and out, each change audited once; nobody else may', async () => {
  const trust = await createOrganisation(db, { kind: 'trust' });
  const chair = await member('chair', trust);
  const decide = (takePart: boolean, actor: Viewer = chair) =>
    setBenchmarkConsent({ db, actor, organisationId: trust.id, takePart });
  assert.equal((await getBenchmarkConsent({ db, actor: chair, organisationId: trust.id })).consentedAt, null);

  await decide(true);
  await decide(true);
  assert.ok((await getBenchmarkConsent({ db, actor: chair, organisationId: trust.id })).consentedAt instanceof Date);
  await decide(false);
  await decide(false);
  assert.equal((await getBenchmarkConsent({ db, actor: chair, organisationId: trust.id })).consentedAt, null);
  const events = await db
    .select({ action: auditEvents.action, actor: auditEvents.actorPersonId })
    .from(auditEvents)
    .where(eq(auditEvents.organisationId, trust.id))
    .orderBy(auditEvents.occurredAt);
  assert.deepEqual(events, [
    { action: 'benchmark.consented', actor: chair.personId },
    { action: 'benchmark.withdrawn', actor: chair.personId },
  ]);

  for (const actor of [await member('trustee', trust), await member('ceo'), await member('platform_administrator')]) {
    await assert.rejects(decide(true, actor), { code: 'Forbidden' });
  }
  const school = await createOrganisation(db, { kind: 'school' });
  await assert.rejects(getBenchmarkConsent({ db, actor: chair, organisationId: school.id }), { code: 'NotFound' });
});
