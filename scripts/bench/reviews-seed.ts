/**
 * Seeds the reviews benchmark with set-based SQL (every table filled by one `insert … select`
 * over generate_series), so that 2,000 trusts with 280,000 ratings take seconds, not minutes.
 */
import pg from 'pg';
import { ENGLISH_REGIONS } from '../../src/modules/partnerships/mentor-profile-terms.ts';

export interface ReviewsSeed {
  trusts: number;
  ratersPerReview: number;
  frameworkVersionId: string;
  headingKeys: string[];
  elementKeys: string[];
  /** Weakest first. */
  levelKeys: string[];
}

/**
 * Each trust: 1 to 30 schools (every fifth a single-academy trust), its chief executive and
 * nine more people, benchmark consent, and one closed review with two groups, every rater
 * rating every element with a rationale, and an agreed level for every element. The levels
 * lean towards the middle of the scale, as real ones do, and differ from trust to trust.
 */
export async function seedReviews(url: string, seed: ReviewsSeed): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const run = (text: string, values: unknown[] = []) => client.query(text, values);
  try {
    await run('begin');
    await run(
      `create temp table bench_trust on commit drop as
       select i, gen_random_uuid() as id from generate_series(1, $1::int) i`,
      [seed.trusts],
    );
    await run(
      `insert into organisations (id, kind, name, group_uid, trust_type, companies_house_number)
       select id, 'trust', 'Benchmark Trust ' || i, 900000 + i,
         case when i % 5 = 0 then 'single_academy' else 'multi_academy' end, lpad(i::text, 8, '0')
       from bench_trust`,
    );
    await run(
      `insert into organisations (kind, name, urn, status, region, phase, pupil_count, trust_id)
       select 'school', 'Benchmark School ' || t.i || '-' || s, 1000000 + t.i * 100 + s,
         case when s % 13 = 0 then 'closed' else 'open' end,
         ($1::text[])[1 + (t.i + (s % 4 = 0)::int) % array_length($1::text[], 1)],
         case when s % 3 = 0 then 'Secondary' else 'Primary' end, 150 + (s * 37) % 900, t.id
       from bench_trust t,
         generate_series(1, case when t.i % 5 = 0 then 1 else 1 + (t.i * 7) % 30 end) s`,
      // GIAS "GOR (name)" values: schools carry them, trusts in the register do not.
      [ENGLISH_REGIONS],
    );
    await run(`insert into benchmark_consents (organisation_id) select id from bench_trust`);
    await run(
      `create temp table bench_person on commit drop as
       select t.i, t.id as trust_id, k, gen_random_uuid() as id
       from bench_trust t, generate_series(1, $1::int) k`,
      [seed.ratersPerReview],
    );
    await run(
      `insert into people (id, email, display_name)
       select id, 'bench-' || i || '-' || k || '@example.test', 'Bench Person ' || i || '.' || k from bench_person`,
    );
    await run(
      `insert into memberships (person_id, organisation_id, role)
       select id, trust_id, case when k = 1 then 'ceo' when k <= $1::int / 2 then 'senior_leader' else 'trustee' end
       from bench_person`,
      [seed.ratersPerReview],
    );
    await run(
      `create temp table bench_review on commit drop as
       select i, id as trust_id, gen_random_uuid() as id from bench_trust`,
    );
    await run(
      `insert into reviews (id, organisation_id, framework_version_id, title, status, heading_keys, creation_key,
         created_at, closed_at)
       select id, trust_id, $1::uuid, 'Trust development review ' || i, 'closed', $2::jsonb, 'bench-' || id,
         now() - interval '60 days', now() - interval '1 day' - i * interval '1 minute'
       from bench_review`,
      [seed.frameworkVersionId, JSON.stringify(seed.headingKeys)],
    );
    await run(
      `create temp table bench_group on commit drop as
       select r.id as review_id, g.position, g.name, gen_random_uuid() as id
       from bench_review r, (values (1, 'Executive team'), (2, 'Trustees')) as g(position, name)`,
    );
    await run(
      `insert into review_groups (id, review_id, name, position) select id, review_id, name, position from bench_group`,
    );
    await run(
      `create temp table bench_participant on commit drop as
       select r.id as review_id, p.id as person_id, p.k, g.id as group_id, gen_random_uuid() as id
       from bench_review r
       join bench_person p on p.trust_id = r.trust_id
       join bench_group g on g.review_id = r.id and g.position = case when p.k <= $1::int / 2 then 1 else 2 end`,
      [seed.ratersPerReview],
    );
    await run(
      `insert into review_participants (id, review_id, person_id, group_id, lead)
       select id, review_id, person_id, group_id, k = 1 from bench_participant`,
    );
    // Two hashes averaged: levels bunch in the middle of the scale rather than spreading evenly.
    const level = (key: string) =>
      `($2::text[])[1 + ((abs(hashtext(${key} || 'a')) % 4) + (abs(hashtext(${key} || 'b')) % 4)) * (array_length($2::text[], 1) - 1) / 6]`;
    await run(
      `insert into review_ratings (review_id, participant_id, element_key, level_key, rationale, evidence_text)
       select p.review_id, p.id, e.key, ${level(`p.id::text || e.key`)},
         'Rated ' || e.key || ' from what we saw this term: observations, minutes and the last external review.',
         'Board minutes, March; curriculum review notes'
       from bench_participant p, unnest($1::text[]) as e(key)`,
      [seed.elementKeys, seed.levelKeys],
    );
    await run(
      `insert into review_agreed_ratings (review_id, element_key, level_key, rationale, set_by_person_id)
       select r.id, e.key, ${level(`r.id::text || e.key`)}, 'Agreed after discussion of the group ratings.', p.person_id
       from bench_review r
       join bench_participant p on p.review_id = r.id and p.k = 1,
       unnest($1::text[]) as e(key)`,
      [seed.elementKeys, seed.levelKeys],
    );
    await run('commit');
    // Fresh statistics and visibility maps (for index-only scans), as autovacuum would make soon
    // after a real import.
    await run('vacuum analyze');
    const counted = await run(
      `select (select count(*) from organisations where kind = 'trust')::int as trusts,
         (select count(*) from organisations where kind = 'school')::int as schools,
         (select count(*) from people)::int as people,
         (select count(*) from reviews)::int as reviews,
         (select count(*) from review_participants)::int as participants,
         (select count(*) from review_ratings)::int as ratings,
         (select count(*) from review_agreed_ratings)::int as agreed_ratings,
         (select count(*) from benchmark_consents)::int as consents`,
    );
    return counted.rows[0] as Record<string, number>;
  } catch (error) {
    await run('rollback').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}
