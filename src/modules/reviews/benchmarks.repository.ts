import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type AppDb } from '../../platform/db/database.ts';
import type { FrameworkDocument } from '../frameworks/index.ts';
import { frameworkVersions } from '../frameworks/frameworks.tables.ts';
import { organisations } from '../organisations/organisations.tables.ts';
import { benchmarkConsents, reviewAgreedRatings, reviews } from './reviews.tables.ts';

/** A school counts towards its trust's size while it is open (a school added by hand has no status: open). */
const openSchool = (school: string) =>
  sql.raw(`(${school}.status is null or ${school}.status in ('open', 'open_proposed_to_close'))`);

export interface TrustConsentRow {
  id: string;
  name: string;
  kind: string;
  consentedAt: Date | null;
}

export async function findOrganisationConsent(db: AppDb, organisationId: string): Promise<TrustConsentRow | null> {
  const [row] = await queryRows<{ id: string; name: string; kind: string; consented_at: Date | string | null }>(
    db,
    sql`select o.id, o.name, o.kind, c.consented_at
        from ${organisations} o left join ${benchmarkConsents} c on c.organisation_id = o.id
        where o.id = ${organisationId}`,
  );
  if (!row) return null;
  const at = row.consented_at;
  return { id: row.id, name: row.name, kind: row.kind, consentedAt: at === null ? null : new Date(at) };
}

/** True when the consent is new: a second "yes" changes nothing and records nothing. */
export async function insertConsent(db: AppDb, organisationId: string, personId: string): Promise<boolean> {
  const rows = await db
    .insert(benchmarkConsents)
    .values({ organisationId, consentedByPersonId: personId })
    .onConflictDoNothing()
    .returning({ organisationId: benchmarkConsents.organisationId });
  return rows.length > 0;
}

/** True when there was a consent to withdraw. */
export async function deleteConsent(db: AppDb, organisationId: string): Promise<boolean> {
  const rows = await queryRows(
    db,
    sql`delete from ${benchmarkConsents} where organisation_id = ${organisationId} returning organisation_id`,
  );
  return rows.length > 0;
}

export interface BenchmarkReviewRow {
  id: string;
  title: string;
  organisationId: string;
  organisationName: string;
  headingKeys: string[];
  document: FrameworkDocument;
  consented: boolean;
}

/** The review, its trust and its framework version's document, in one round trip. */
export async function findBenchmarkReview(db: AppDb, reviewId: string): Promise<BenchmarkReviewRow | null> {
  const [row] = await queryRows<{
    id: string;
    title: string;
    organisation_id: string;
    organisation_name: string;
    heading_keys: string[];
    document: FrameworkDocument;
    consented: boolean;
  }>(
    db,
    sql`select r.id, r.title, r.organisation_id, o.name as organisation_name, r.heading_keys,
          v.document, exists (select 1 from ${benchmarkConsents} c where c.organisation_id = r.organisation_id) as consented
        from ${reviews} r
        join ${organisations} o on o.id = r.organisation_id
        join ${frameworkVersions} v on v.id = r.framework_version_id
        where r.id = ${reviewId}`,
  );
  if (!row) return null;
  return {
    id: row.id,
    title: row.title,
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    headingKeys: row.heading_keys,
    document: row.document,
    consented: row.consented,
  };
}

/** Element key → the level the review's leads agreed. */
export async function listAgreedLevels(db: AppDb, reviewId: string): Promise<Map<string, string>> {
  const rows = await db
    .select({ elementKey: reviewAgreedRatings.elementKey, levelKey: reviewAgreedRatings.levelKey })
    .from(reviewAgreedRatings)
    .where(sql`${reviewAgreedRatings.reviewId} = ${reviewId}`);
  return new Map(rows.map((row) => [row.elementKey, row.levelKey]));
}

/**
 * The regions trusts and schools are recorded in, for the region filter. A skip scan: each step
 * finds the next region after the last in organisations_region_idx, so nine regions cost ten
 * index probes, where `select distinct` read all 50,000 organisations of the register.
 */
export async function listRegions(db: AppDb): Promise<string[]> {
  const rows = await queryRows<{ region: string }>(
    db,
    sql`with recursive found(region) as (
          (select region from ${organisations}
           where region is not null and kind in ('trust', 'school') order by region limit 1)
          union all
          select (select o.region from ${organisations} o
                  where o.region > found.region and o.region is not null and o.kind in ('trust', 'school')
                  order by o.region limit 1)
          from found where found.region is not null
        )
        select region from found where region is not null`,
  );
  return rows.map((row) => row.region);
}

export interface AggregateScope {
  /** The review compared: its trust is never part of the comparison, and its framework decides which reviews are. */
  reviewId: string;
  region?: string | undefined;
  /** Open schools in the trust, inclusive; `max` null for "and more". */
  schools?: { min: number; max: number | null } | undefined;
}

export interface AggregateRow {
  elementKey: string;
  levelKey: string;
  trusts: number;
}

/**
 * A trust's size (open schools) and region. The register records regions against schools, not
 * trusts: a trust with none of its own is in the region most of its open schools are in.
 * Grouped over all schools at once (hash aggregates, no per-trust lookups) and never joined
 * back to `latest`, which keeps that CTE inlined and the row estimates right.
 */
const trustProfiles = sql`
  school_counts as (
    select s.trust_id, s.region, count(*) as n from ${organisations} s
    where s.kind = 'school' and s.trust_id is not null and ${openSchool('s')}
    group by s.trust_id, s.region),
  profile as (
    select trust_id, sum(n)::int as schools,
      (array_agg(region order by n desc, region) filter (where region is not null))[1] as region
    from school_counts group by trust_id)`;

/**
 * How many trusts agreed each level of each element, over the latest closed review of each
 * trust that consented, on any version of the review's framework, leaving out the review's own
 * trust. One query; a trust's size and region are worked out only when a filter needs them.
 * The agreed ratings are read as a semi-join (`in (select …)`): the planner then hashes the
 * few chosen reviews and streams the ratings past them, where a plain join had it hash every
 * agreed rating in the database on each request (EXPLAIN ANALYZE: about 3 times slower).
 */
export async function aggregateAgreedRatings(db: AppDb, scope: AggregateScope): Promise<AggregateRow[]> {
  const filtered = scope.region !== undefined || scope.schools !== undefined;
  const conditions: SQL[] = [];
  if (scope.region !== undefined) conditions.push(sql`coalesce(t.region, p.region) = ${scope.region}`);
  if (scope.schools) {
    conditions.push(sql`coalesce(p.schools, 0) >= ${scope.schools.min}`);
    if (scope.schools.max !== null) conditions.push(sql`coalesce(p.schools, 0) <= ${scope.schools.max}`);
  }
  const rows = await queryRows<{ element_key: string; level_key: string; trusts: number }>(
    db,
    sql`with this as (
        select r.organisation_id, v.framework_id from ${reviews} r
        join ${frameworkVersions} v on v.id = r.framework_version_id
        where r.id = ${scope.reviewId}),
      latest as (
        select distinct on (r.organisation_id) r.id as review_id, r.organisation_id
        from ${benchmarkConsents} c
        join ${reviews} r on r.organisation_id = c.organisation_id and r.status = 'closed'
        join ${frameworkVersions} v on v.id = r.framework_version_id
        join this on this.framework_id = v.framework_id and this.organisation_id <> c.organisation_id
        order by r.organisation_id, r.closed_at desc, r.id desc)
      ${filtered ? sql`, ${trustProfiles}` : sql``},
      chosen as (
        select l.review_id from latest l
        ${
          filtered
            ? sql`join ${organisations} t on t.id = l.organisation_id
                  left join profile p on p.trust_id = l.organisation_id`
            : sql``
        }
        ${conditions.length > 0 ? sql`where ${sql.join(conditions, sql` and `)}` : sql``})
      select a.element_key, a.level_key, count(*)::int as trusts
      from ${reviewAgreedRatings} a
      where a.review_id in (select review_id from chosen)
      group by a.element_key, a.level_key`,
  );
  return rows.map((row) => ({ elementKey: row.element_key, levelKey: row.level_key, trusts: Number(row.trusts) }));
}
