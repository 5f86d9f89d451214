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
  for (const reads of TRUST_READS) await seedTrustReads(client, seed, reads);
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

interface TrustReads {
  /** Each trust's one review or plan, whose id the scale seed makes from this word and the trust's number. */
  subject: 'review' | 'plan';
  /** The pages read, taken in turn. */
  kinds: readonly string[];
  /** How many of the trust's first people take turns at reading. */
  readers: number;
  perTrust: number;
  /** What `within90Days` spreads the moments by: not the same for reviews and plans, so that their reads differ. */
  spreadBy: string;
}

const TRUST_READS: readonly TrustReads[] = [
  {
    subject: 'review',
    kinds: ['review.heat-map', 'review.group-comparison', 'review.benchmarks'],
    readers: 10,
    perTrust: READS_PER_REVIEW,
    spreadBy: 'r',
  },
  {
    subject: 'plan',
    kinds: ['plan.overview', 'plan.action', 'plan.timeline'],
    readers: 20,
    perTrust: READS_PER_PLAN,
    spreadBy: 'r + 17',
  },
];

/** Confidential reads of each trust's review or plan, filed under the trust. */
async function seedTrustReads(client: pg.Client, seed: string, reads: TrustReads): Promise<void> {
  await client.query(
    `insert into audit_events (occurred_at, action, actor_person_id, organisation_id, details)
     select ${within90Days('t.ti', reads.spreadBy)}, 'confidential.read',
       md5($1 || ':person:trust:' || t.ti || ':' || (1 + r % $3::int))::uuid,
       t.id, jsonb_build_object('kind', ($4::text[])[1 + r % cardinality($4::text[])],
         'id', md5($1 || ':' || $5 || ':' || t.ti)::uuid)
     from scale_trust t, generate_series(1, $2::int) r`,
    [seed, reads.perTrust, reads.readers, reads.kinds, reads.subject],
  );
}
