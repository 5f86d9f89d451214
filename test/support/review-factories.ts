import { randomUUID } from 'node:crypto';
import { and, eq, max } from 'drizzle-orm';
import type { FrameworkDocument } from '../../src/modules/frameworks/index.ts';
import { frameworks, frameworkVersions } from '../../src/modules/frameworks/frameworks.tables.ts';
import { installBuiltinFrameworks } from '../../src/modules/frameworks/frameworks.service.ts';
import {
  benchmarkConsents,
  reviewAgreedRatings,
  reviewParticipants,
  reviews,
} from '../../src/modules/reviews/reviews.tables.ts';
import type { AppDb } from '../../src/platform/db/database.ts';
import { createOrganisation, createPerson, type OrganisationRow, type PersonRow } from './factories.ts';

/**
 * Reviews for tests, inserted straight into the tables (see factories.ts): the scene a test
 * needs, without going through the reviews service.
 */

export interface PublishedVersion {
  frameworkId: string;
  versionId: string;
  document: FrameworkDocument;
}

/** Version 1 of a built-in framework ('trust-development', 'trust-governance'), installed if need be. */
export async function builtinVersion(db: AppDb, key: string): Promise<PublishedVersion> {
  // A database without the app started on it has none yet.
  await installBuiltinFrameworks({ db });
  const [row] = await db
    .select({ frameworkId: frameworks.id, versionId: frameworkVersions.id, document: frameworkVersions.document })
    .from(frameworkVersions)
    .innerJoin(frameworks, eq(frameworks.id, frameworkVersions.frameworkId))
    .where(and(eq(frameworks.key, key), eq(frameworkVersions.status, 'published')))
    .orderBy(frameworkVersions.number)
    .limit(1);
  if (!row) throw new Error(`the built-in framework ${key} is not installed`);
  return row;
}

/** A new framework (its own key) whose version 1 is published with the content of `like`. */
export async function createFramework(db: AppDb, like: PublishedVersion): Promise<PublishedVersion> {
  const key = `test-${randomUUID().slice(0, 8)}`;
  const [framework] = await db.insert(frameworks).values({ key }).returning({ id: frameworks.id });
  if (!framework) throw new Error('framework not created');
  return publishAnotherVersion(db, { ...like, frameworkId: framework.id, document: { ...like.document, key } });
}

/** Another published version of the same framework, with the same content. */
export async function publishAnotherVersion(db: AppDb, of: PublishedVersion): Promise<PublishedVersion> {
  const [last] = await db
    .select({ number: max(frameworkVersions.number) })
    .from(frameworkVersions)
    .where(eq(frameworkVersions.frameworkId, of.frameworkId));
  const [row] = await db
    .insert(frameworkVersions)
    .values({
      frameworkId: of.frameworkId,
      number: (last?.number ?? 0) + 1,
      status: 'published',
      name: of.document.name,
      document: of.document,
      publishedAt: new Date(),
    })
    .returning({ id: frameworkVersions.id });
  if (!row) throw new Error('version not created');
  return { ...of, versionId: row.id };
}

/** A trust with `schools` open schools linked to it; `region` is the schools' (the trust itself has none). */
export async function createTrustWithSchools(
  db: AppDb,
  { schools = 1, region = null }: { schools?: number; region?: string | null } = {},
): Promise<OrganisationRow> {
  const trust = await createOrganisation(db, { kind: 'trust' });
  for (let index = 0; index < schools; index += 1) {
    await createOrganisation(db, { kind: 'school', status: 'open', region, trustId: trust.id });
  }
  return trust;
}

export async function consentToBenchmarks(db: AppDb, organisationId: string): Promise<void> {
  await db.insert(benchmarkConsents).values({ organisationId });
}

/**
 * A review of the whole framework version, closed at `closedAt` (or open when null), with
 * the agreed levels given (element key → level key).
 */
export async function createReview(
  db: AppDb,
  {
    organisation,
    version,
    agreed = {},
    closedAt = new Date(),
  }: {
    organisation: OrganisationRow;
    version: PublishedVersion;
    agreed?: Record<string, string>;
    closedAt?: Date | null;
  },
): Promise<string> {
  const [review] = await db
    .insert(reviews)
    .values({
      organisationId: organisation.id,
      frameworkVersionId: version.versionId,
      title: `Review of ${organisation.name}`,
      status: closedAt ? 'closed' : 'open',
      closedAt,
      headingKeys: version.document.headings.map((heading) => heading.key),
      creationKey: randomUUID(),
    })
    .returning({ id: reviews.id });
  if (!review) throw new Error('review not created');
  const ratings = Object.entries(agreed).map(([elementKey, levelKey]) => ({
    reviewId: review.id,
    elementKey,
    levelKey,
    rationale: 'Agreed in the test',
  }));
  if (ratings.length > 0) await db.insert(reviewAgreedRatings).values(ratings);
  return review.id;
}

/** A person leading the review (a lead sees its results). */
export async function createReviewLead(db: AppDb, reviewId: string, person?: PersonRow): Promise<PersonRow> {
  const lead = person ?? (await createPerson(db));
  await db.insert(reviewParticipants).values({ reviewId, personId: lead.id, lead: true });
  return lead;
}

/** Every element of the version agreed at the same level. */
export function agreeEverything(version: PublishedVersion, levelKey: string): Record<string, string> {
  return Object.fromEntries(
    version.document.headings.flatMap((heading) => heading.elements.map((element) => [element.key, levelKey])),
  );
}
