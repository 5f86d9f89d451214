import { assertAllowed } from '../../platform/access/access.ts';
import { recordAuditEvent, type AuditRequestContext } from '../../platform/audit/audit.ts';
import type { Viewer } from '../../platform/auth/viewer.ts';
import type { AppDb } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/app-error.ts';
import type { FrameworkLevel } from '../frameworks/index.ts';
import * as repository from './benchmarks.repository.ts';
import { recordReviewRead } from './review-activity.service.ts';
import { seeResultsOf, startReviewOf } from './reviews.policy.ts';

/**
 * Benchmarks (issue 4, item 7): a trust may let its agreed ratings join anonymous aggregates;
 * a review's results are then shown beside how other trusts rated each element. Nothing is
 * shown of an element fewer than `MINIMUM_TRUSTS` trusts contribute to, so that no trust's
 * ratings can be picked out, whatever the filters.
 */
export const MINIMUM_TRUSTS = 5;

/** Trust size by its number of open schools: the bands the size filter offers. */
export const sizeBands = [
  { key: '1', label: '1 school', min: 1, max: 1 },
  { key: '2-5', label: '2 to 5 schools', min: 2, max: 5 },
  { key: '6-10', label: '6 to 10 schools', min: 6, max: 10 },
  { key: '11-20', label: '11 to 20 schools', min: 11, max: 20 },
  { key: '21+', label: '21 schools or more', min: 21, max: null },
] as const;
export type SizeBandKey = (typeof sizeBands)[number]['key'];
export const sizeBandKeys = sizeBands.map((band) => band.key) as [SizeBandKey, ...SizeBandKey[]];

/** The organisation a leader may opt in or out: a trust, or not found. */
async function trustForConsent(db: AppDb, actor: Viewer | null, organisationId: string) {
  const organisation = await repository.findOrganisationConsent(db, organisationId);
  if (!organisation || organisation.kind !== 'trust') throw AppError.notFound();
  // The trust's leaders decide, as they decide to start a review of it.
  await assertAllowed(db, { actor, permission: startReviewOf, ids: [organisationId] });
  return organisation;
}

export interface BenchmarkConsent {
  organisation: { id: string; name: string };
  /** Null when the trust does not take part. */
  consentedAt: Date | null;
}

export async function getBenchmarkConsent({
  db,
  actor,
  organisationId,
}: {
  db: AppDb;
  actor: Viewer | null;
  organisationId: string;
}): Promise<BenchmarkConsent> {
  const organisation = await trustForConsent(db, actor, organisationId);
  return { organisation: { id: organisation.id, name: organisation.name }, consentedAt: organisation.consentedAt };
}

/** Opts the trust in or out; a choice that changes nothing records nothing. */
export async function setBenchmarkConsent({
  db,
  actor,
  organisationId,
  takePart,
  audit = {},
}: {
  db: AppDb;
  actor: Viewer | null;
  organisationId: string;
  takePart: boolean;
  audit?: AuditRequestContext;
}): Promise<void> {
  if (!actor) throw AppError.forbidden('Sign in first');
  await trustForConsent(db, actor, organisationId);
  const { personId } = actor;
  await db.transaction(async (tx) => {
    const changed = takePart
      ? await repository.insertConsent(tx, organisationId, personId)
      : await repository.deleteConsent(tx, organisationId);
    if (!changed) return;
    await recordAuditEvent(
      tx,
      { action: takePart ? 'benchmark.consented' : 'benchmark.withdrawn', actorPersonId: personId, organisationId },
      audit,
    );
  });
}

export interface BenchmarkElement {
  key: string;
  name: string;
  /** The level this review's leads agreed, if they have. */
  own: string | null;
  /** Null when fewer than MINIMUM_TRUSTS trusts contribute: then nothing about them is shown. */
  others: { trusts: number; levels: Record<string, number> } | null;
}

export interface Benchmark {
  review: { id: string; title: string; organisationId: string; organisationName: string; consented: boolean };
  /** Weakest first. */
  levels: FrameworkLevel[];
  headings: Array<{ key: string; name: string; elements: BenchmarkElement[] }>;
  /** The filter's choices, and which are applied (null: all). */
  regions: string[];
  region: string | null;
  size: SizeBandKey | null;
}

/**
 * A review's agreed ratings beside other trusts', for those who see its results: each element of
 * the headings it covers, compared by element key with the latest closed review of each trust
 * that takes part and used the same framework (any version).
 */
export async function benchmarkFor({
  db,
  actor,
  reviewId,
  region,
  size,
  audit = {},
}: {
  db: AppDb;
  actor: Viewer | null;
  reviewId: string;
  region?: string | undefined;
  size?: SizeBandKey | undefined;
  audit?: AuditRequestContext;
}): Promise<Benchmark> {
  await assertAllowed(db, { actor, permission: seeResultsOf, ids: [reviewId], whenDenied: 'not-found' });
  const band = sizeBands.find((each) => each.key === size);
  const schools = band && { min: band.min, max: band.max };
  // Independent reads, at the same time: on PostgreSQL each has a connection of its own.
  const [review, own, regions, filteredRows] = await Promise.all([
    repository.findBenchmarkReview(db, reviewId),
    repository.listAgreedLevels(db, reviewId),
    repository.listRegions(db),
    repository.aggregateAgreedRatings(db, { reviewId, region, schools }),
  ]);
  if (!review) throw AppError.notFound();
  // A region nobody is recorded in (an old link, a typed address) is no filter at all.
  const regionApplied = region !== undefined && regions.includes(region) ? region : undefined;
  const rows =
    regionApplied === region
      ? filteredRows
      : await repository.aggregateAgreedRatings(db, { reviewId, region: regionApplied, schools });
  const byElement = new Map<string, { trusts: number; levels: Record<string, number> }>();
  for (const row of rows) {
    const counts = byElement.get(row.elementKey) ?? { trusts: 0, levels: {} };
    counts.trusts += row.trusts;
    counts.levels[row.levelKey] = row.trusts;
    byElement.set(row.elementKey, counts);
  }
  // The page shows the review's own agreed ratings: a read of its content.
  await recordReviewRead(db, { actor, review, kind: 'review.benchmarks' }, audit);
  const covered = new Set(review.headingKeys);
  return {
    review: {
      id: review.id,
      title: review.title,
      organisationId: review.organisationId,
      organisationName: review.organisationName,
      consented: review.consented,
    },
    levels: review.document.scale.levels,
    headings: review.document.headings
      .filter((heading) => covered.has(heading.key))
      .map((heading) => ({
        key: heading.key,
        name: heading.name,
        elements: heading.elements.map((element) => {
          const counts = byElement.get(element.key);
          return {
            key: element.key,
            name: element.name,
            own: own.get(element.key) ?? null,
            others: counts && counts.trusts >= MINIMUM_TRUSTS ? counts : null,
          };
        }),
      })),
    regions,
    region: regionApplied ?? null,
    size: band?.key ?? null,
  };
}
