/**
 * A term's worth of audit log: sign-ins by everyone in a trust, and the confidential reads the
 * app writes (`confidential.read`, details `{ kind, id }`) of reviews, plans and partnerships,
 * filed as the app files them: a review's and a trust plan's under the trust, a partnership's
 * under no organisation.
 */
import type pg from 'pg';

export const SIGN_INS_PER_PERSON = 6;
export const READS_PER_REVIEW = 20;
export const READS_PER_PLAN = 25;
export const READS_PER_PARTNERSHIP = 30;

/** A moment in the last 90 days, spread by the row's numbers, always the same for the same numbers. */
const within90Days = (a: string, b: string) =>
  `timestamptz '2026-11-24 18:00 Europe/London' - ((${a} * 7919 + ${b} * 104729) % 7776000) * interval '1 second'`;

export async function seedAudit(client: pg.Client, seed: string): Promise<void> {
  await client.query(
    `insert into audit_events (occurred_at, action, actor_person_id, subject_person_id, ip, user_agent)
     select ${within90Days('p.n', 's')}, 'sign_in.succeeded', p.id, p.id, '10.' || (p.n % 250) || '.' || s || '.1',
       'Mozilla/5.0 (Windows NT 10.0; Win64; x64)'
     from scale_person p, generate_series(1, $1::int) s
     where p.ti is not null`,
    [SIGN_INS_PER_PERSON],
  );
  await client.query(
    `insert into audit_events (occurred_at, action, actor_person_id, organisation_id, details)
     select ${within90Days('t.ti', 'r')}, 'confidential.read', md5($1 || ':person:trust:' || t.ti || ':' || (1 + r % 10))::uuid,
       t.id, jsonb_build_object('kind', (array['review.heat-map', 'review.group-comparison', 'review.benchmarks'])[1 + r % 3],
         'id', md5($1 || ':review:' || t.ti)::uuid)
     from scale_trust t, generate_series(1, $2::int) r`,
    [seed, READS_PER_REVIEW],
  );
  await client.query(
    `insert into audit_events (occurred_at, action, actor_person_id, organisation_id, details)
     select ${within90Days('t.ti', 'r + 17')}, 'confidential.read', md5($1 || ':person:trust:' || t.ti || ':' || (1 + r % 20))::uuid,
       t.id, jsonb_build_object('kind', (array['plan.overview', 'plan.action', 'plan.timeline'])[1 + r % 3],
         'id', md5($1 || ':plan:' || t.ti)::uuid)
     from scale_trust t, generate_series(1, $2::int) r`,
    [seed, READS_PER_PLAN],
  );
  await client.query(
    `insert into audit_events (occurred_at, action, actor_person_id, details)
     select ${within90Days('s.j', 'r + 31')}, 'confidential.read', x.person_id,
       jsonb_build_object('kind', (array['partnership.overview', 'partnership.meeting', 'partnership.goals'])[1 + r % 3],
         'id', s.id)
     from scale_partnership s, generate_series(1, $1::int) r,
       lateral (select person_id from partnership_participants where partnership_id = s.id
                order by side, person_id offset r % 2 limit 1) x`,
    [READS_PER_PARTNERSHIP],
  );
}
