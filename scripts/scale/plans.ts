/**
 * A development plan for every trust, made from its review: five priorities, each from one of
 * the review's elements, and four actions under each, owned by the trust's leaders, due through
 * the school year, some done, some overdue (as at 24 November 2026, so that the same seed makes the
 * same rows on any day).
 */
import type pg from 'pg';
import type { FrameworkShape } from './reviews.ts';

export const PRIORITIES_PER_PLAN = 5;
export const ACTIONS_PER_PRIORITY = 4;

const ACTION_TITLES = `array['Audit the current position and report to the board', 'Agree a trust-wide approach with headteachers',
  'Train middle leaders in the new approach', 'Visit every school to check it is in place',
  'Review the first term''s evidence with trustees', 'Publish the revised policy', 'Set up termly peer reviews',
  'Report progress to the board']`;

export async function seedPlans(client: pg.Client, seed: string, framework: FrameworkShape): Promise<void> {
  await client.query(
    `insert into plans (id, organisation_id, title, period_start, period_end, status, summary, created_by_person_id,
       creation_key, created_at)
     select md5($1 || ':plan:' || t.ti)::uuid, t.id, 'Trust development plan 2026 to 2027', date '2026-09-01',
       date '2027-08-31', 'active', 'Our priorities for the year, from the summer review.',
       md5($1 || ':person:trust:' || t.ti || ':1')::uuid, 'scale-plan-' || t.ti, now() - interval '90 days'
     from scale_trust t`,
    [seed],
  );
  // Each plan's elements step through the framework by five, so a plan's five are all different.
  await client.query(
    `insert into plan_priorities (id, plan_id, title, intended_outcome, success_criteria, position, review_id,
       heading_keys, element_keys, source_label, creation_key)
     select md5($1 || ':priority:' || t.ti || ':' || p)::uuid, md5($1 || ':plan:' || t.ti)::uuid,
       'Strengthen ' || lower(($3::text[])[e]), 'Every school shows it in practice by the summer.',
       'Seen on visits; reported to the board each term.', p, md5($1 || ':review:' || t.ti)::uuid,
       jsonb_build_array(($4::text[])[e]), jsonb_build_array(($2::text[])[e]), 'From the summer 2026 review',
       'scale-priority-' || t.ti || '-' || p
     from scale_trust t, generate_series(1, $5::int) p,
       lateral (select 1 + (t.ti * 3 + p * 5) % array_length($2::text[], 1) as e) chosen`,
    [seed, framework.elementKeys, framework.elementNames, framework.elementHeadings, PRIORITIES_PER_PLAN],
  );
  // Owners are the chief executive, the executives and the senior leaders (k 1-3 and 12-15).
  await client.query(
    `insert into plan_actions (id, plan_id, priority_id, title, owner_person_id, due_date, status, rag, creation_key)
     select md5($1 || ':action:' || t.ti || ':' || p || ':' || a)::uuid, md5($1 || ':plan:' || t.ti)::uuid,
       md5($1 || ':priority:' || t.ti || ':' || p)::uuid, (${ACTION_TITLES})[1 + (p + a * 3) % 8],
       md5($1 || ':person:trust:' || t.ti || ':' || (array[1, 2, 3, 12, 13, 14, 15])[1 + (t.ti + p + a) % 7])::uuid,
       due.on_date,
       case when due.on_date < date '2026-11-24' - 30 then (array['done', 'done', 'in_progress'])[1 + (t.ti + a) % 3]
            when due.on_date < date '2026-11-24' + 30 then (array['in_progress', 'not_started'])[1 + (t.ti + p) % 2]
            else 'not_started' end,
       (array['green', 'green', 'amber', 'red', 'green'])[1 + (t.ti * 7 + p * 3 + a) % 5],
       'scale-action-' || t.ti || '-' || p || '-' || a
     from scale_trust t, generate_series(1, $2::int) p, generate_series(1, $3::int) a,
       lateral (select date '2026-09-15' + ((t.ti + p * 41 + a * 83) % 330) as on_date) due`,
    [seed, PRIORITIES_PER_PLAN, ACTIONS_PER_PRIORITY],
  );
}
