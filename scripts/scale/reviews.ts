/**
 * One closed review of the trust development framework for every trust: the chief executive
 * leads it, the executives and chair sit in the executive team, the trustees in the board, and
 * each of the ten rates every element with a rationale. The agreed levels follow.
 */
import type pg from 'pg';

export interface FrameworkShape {
  versionId: string;
  headingKeys: string[];
  elementKeys: string[];
  /** Element names, in the order of `elementKeys`. */
  elementNames: string[];
  /** The heading of each element, in the order of `elementKeys`. */
  elementHeadings: string[];
  /** Weakest first. */
  levelKeys: string[];
}

export const RATERS_PER_REVIEW = 10;

/** Two hashes averaged: levels bunch in the middle of the scale, as real ones do. */
const levelOf = (key: string, levels: string) =>
  `(${levels}::text[])[1 + ((abs(hashtext(${key} || 'a')) % 4) + (abs(hashtext(${key} || 'b')) % 4)) * (array_length(${levels}::text[], 1) - 1) / 6]`;

export async function seedReviews(client: pg.Client, seed: string, framework: FrameworkShape): Promise<void> {
  await client.query(
    `insert into reviews (id, organisation_id, framework_version_id, title, status, heading_keys, creation_key,
       created_at, closed_at)
     select md5($1 || ':review:' || ti)::uuid, id, $2::uuid, 'Trust development review, summer 2026', 'closed',
       $3::jsonb, 'scale-review-' || ti, now() - interval '150 days', now() - interval '100 days' + ti * interval '1 minute'
     from scale_trust`,
    [seed, framework.versionId, JSON.stringify(framework.headingKeys)],
  );
  await client.query(
    `insert into review_groups (id, review_id, name, position)
     select md5($1 || ':group:' || t.ti || ':' || g.position)::uuid, md5($1 || ':review:' || t.ti)::uuid, g.name, g.position
     from scale_trust t, (values (1, 'Executive team'), (2, 'Board')) as g(position, name)`,
    [seed],
  );
  await client.query(
    `create temp table scale_rater as
     select md5($1 || ':participant:' || p.ti || ':' || p.k)::uuid as id, md5($1 || ':review:' || p.ti)::uuid as review_id,
       p.id as person_id, p.ti, p.k
     from scale_person p where p.ti is not null and p.k <= $2::int`,
    [seed, RATERS_PER_REVIEW],
  );
  await client.query(
    `insert into review_participants (id, review_id, person_id, group_id, lead)
     select id, review_id, person_id, md5($1 || ':group:' || ti || ':' || case when k <= 4 then 1 else 2 end)::uuid, k = 1
     from scale_rater`,
    [seed],
  );
  await client.query(
    `insert into review_ratings (review_id, participant_id, element_key, level_key, rationale, evidence_text)
     select r.review_id, r.id, e.key, ${levelOf('r.id::text || e.key', '$2')},
       'Rated ' || e.key || ' from what we saw this year: visits, board minutes and the last external review.',
       'Board minutes, March; curriculum review notes'
     from scale_rater r, unnest($1::text[]) as e(key)`,
    [framework.elementKeys, framework.levelKeys],
  );
  await client.query(
    `insert into review_agreed_ratings (review_id, element_key, level_key, rationale, set_by_person_id)
     select r.review_id, e.key, ${levelOf('r.review_id::text || e.key', '$2')}, 'Agreed after discussing the group ratings.',
       r.person_id
     from scale_rater r, unnest($1::text[]) as e(key)
     where r.k = 1`,
    [framework.elementKeys, framework.levelKeys],
  );
}
