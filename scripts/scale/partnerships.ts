/**
 * Mentoring at England scale: each provider's two services and its mentors' checked profiles,
 * then partnerships (four in five a chief executive with a mentor, one in five trust to trust),
 * each with its accepted agreement, three goals and six meetings, the held ones with sealed notes.
 *
 * Every trust has a partnership this year; beyond that, the earliest trusts also have last
 * year's, closed, which this year's extends. Dates are fixed (this year runs from March 2026),
 * so that the same seed makes the same rows on any day.
 */
import type pg from 'pg';
import type { NoteCipher } from '../../src/platform/crypto/note-cipher.ts';
import {
  DEFAULT_AGREEMENT_TEMPLATE,
  DEFAULT_MEETING_PATTERN,
} from '../../src/modules/partnerships/service-defaults.ts';
import { DEFAULT_TIME_BUDGET } from '../../src/modules/partnerships/time-budget.ts';
import { MENTORS_PER_PROVIDER, PROGRAMME_MANAGERS_PER_PROVIDER, PROVIDERS } from './people.ts';
import { insertSealedNotes } from './meeting-notes.ts';

export const MEETINGS_PER_PARTNERSHIP = 6;
const FEE_PENCE = 250_000;
/** Meeting days of each year, one a half-term; a partnership's own are a few days later. */
const THIS_YEAR = ['2026-03-09', '2026-05-11', '2026-07-06', '2026-09-21', '2026-11-09', '2027-01-18'];
const LAST_YEAR = ['2025-03-10', '2025-05-12', '2025-07-07', '2025-09-22', '2025-11-10', '2026-01-19'];
/** Meetings before this day were held; later ones are planned. */
const AS_AT = '2026-11-24';

export async function seedPartnerships(
  client: pg.Client,
  seed: string,
  { partnerships, cipher }: { partnerships: number; cipher: NoteCipher },
): Promise<void> {
  const providers = PROVIDERS.length;
  const mentorK = (partnership: string) =>
    `${PROGRAMME_MANAGERS_PER_PROVIDER} + 1 + (${partnership} / ${providers}) % ${MENTORS_PER_PROVIDER}`;
  await client.query(
    `insert into mentoring_services (id, provider_organisation_id, name, kind, description, reading_minutes,
       school_visits_minutes, establishing_minutes, meetings_minutes, meeting_pattern, fee_pence, agreement_template,
       creation_key)
     select md5($1 || ':service:' || p || ':' || s.kind)::uuid, md5($1 || ':provider:' || p)::uuid, s.name, s.kind,
       'A year of mentoring from people who have done the job.', $3, $4, $5, $6, $7, $8, $9,
       'scale-service-' || p || '-' || s.kind
     from generate_series(1, $2::int) p,
       (values ('ceo_mentoring', 'CEO mentoring'), ('trust_to_trust', 'Trust-to-trust support')) as s(kind, name)`,
    [seed, providers, ...budgetMinutes(), DEFAULT_MEETING_PATTERN, FEE_PENCE, DEFAULT_AGREEMENT_TEMPLATE],
  );
  await client.query(
    `insert into mentor_profiles (person_id, provider_organisation_id, biography, values, experience_tags, phases,
       trust_sizes, has_grown_a_trust, region, capacity, checked_at)
     select p.id, p.organisation_id, 'Chief executive of a multi-academy trust for ' || (5 + p.k % 10) || ' years.',
       'Listening first; honest challenge.', '["growth", "school improvement"]', '["primary", "secondary"]',
       '["medium", "large"]', p.k % 2 = 0, null, 10, now() - interval '200 days'
     from scale_person p where p.role = 'mentor'`,
  );
  // Last year's (closed) first: this year's point back at them.
  const lastYear = Math.max(0, partnerships - (await trustCount(client)));
  await insertPartnerships(client, seed, { from: 1, to: lastYear, lastYear: true, mentorK });
  await insertPartnerships(client, seed, { from: lastYear + 1, to: partnerships, lastYear: false, mentorK });
  await client.query(
    `insert into partnership_participants (partnership_id, person_id, side, organisation_id, lead)
     select s.id, x.person_id, x.side, x.organisation_id, x.lead
     from scale_partnership s,
       lateral (values
         (md5($1 || ':person:trust:' || s.ti || ':1')::uuid, 'mentee', s.mentee_org, true),
         (case when s.kind = 'trust_to_trust' then md5($1 || ':person:trust:' || s.ti || ':2')::uuid end, 'mentee',
            s.mentee_org, false),
         (case when s.kind = 'trust_to_trust' then md5($1 || ':person:trust:' || s.mentor_ti || ':1')::uuid
               else md5($1 || ':person:provider:' || s.provider || ':' || s.mentor_k)::uuid end, 'mentor',
            s.mentor_org, true)
       ) as x(person_id, side, organisation_id, lead)
     where x.person_id is not null`,
    [seed],
  );
  await client.query(
    `insert into partnership_agreements (id, partnership_id, number, text, created_by_person_id, created_at)
     select md5($1 || ':agreement:' || s.j)::uuid, s.id, 1, $2, md5($1 || ':person:provider:' || s.provider || ':1')::uuid,
       s.starts_on - 20
     from scale_partnership s`,
    [seed, DEFAULT_AGREEMENT_TEMPLATE],
  );
  await client.query(
    `insert into agreement_acceptances (agreement_id, person_id, side, typed_name, accepted_at)
     select md5($1 || ':agreement:' || s.j)::uuid, x.person_id, x.side, p.display_name, s.starts_on - 10
     from scale_partnership s join partnership_participants x on x.partnership_id = s.id and x.lead
     join people p on p.id = x.person_id`,
    [seed],
  );
  await client.query(
    `insert into partnership_goals (partnership_id, title, measure_of_success, position, creation_key)
     select s.id, (array['Build a senior team that can run the trust without me', 'Grow the trust by two schools',
         'A board that challenges on outcomes', 'Keep good teachers in the north of the trust'])[1 + (s.j + g) % 4],
       'The board sees it in the termly report.', g, 'scale-goal-' || s.j || '-' || g
     from scale_partnership s, generate_series(1, 3) g`,
  );
  await client.query(
    `insert into partnership_meetings (id, partnership_id, kind, starts_at, duration_minutes, place, agenda, status,
       creation_key)
     select md5($1 || ':meeting:' || s.j || ':' || m)::uuid, s.id, case when m = 1 then 'establishing' else 'regular' end,
       day.starts_at, 180, 'The mentee''s trust office', 'Progress on the goals; what has changed since we last met.',
       case when day.starts_at < $4::date then 'held' else 'planned' end, 'scale-meeting-' || s.j || '-' || m
     from scale_partnership s, generate_series(1, $2::int) m,
       lateral (select ((case when s.last_year then $5::date[] else $3::date[] end)[m] + s.j % 10 + time '10:00')
                  at time zone 'Europe/London' as starts_at) day`,
    [seed, MEETINGS_PER_PARTNERSHIP, THIS_YEAR, AS_AT, LAST_YEAR],
  );
  await insertSealedNotes(client, { cipher });
}

function budgetMinutes(): number[] {
  const { minutes } = DEFAULT_TIME_BUDGET;
  return [minutes.reading, minutes['school-visits'], minutes.establishing, minutes.meetings];
}

async function trustCount(client: pg.Client): Promise<number> {
  const result = await client.query<{ count: number }>('select count(*)::int as count from scale_trust');
  return result.rows[0]?.count ?? 0;
}

/**
 * Partnerships numbered `from`…`to`, recorded in scale_partnership for the later steps. Number j
 * is for the trust numbered ((j - 1) mod trusts) + 1, so this year's go to every trust in turn.
 */
async function insertPartnerships(
  client: pg.Client,
  seed: string,
  { from, to, lastYear, mentorK }: { from: number; to: number; lastYear: boolean; mentorK: (j: string) => string },
): Promise<void> {
  if (to < from) return;
  await client.query(
    `create temp table if not exists scale_partnership (id uuid primary key, j int, ti int, kind text, provider int,
       mentor_k int, mentor_ti int, mentee_org uuid, mentor_org uuid, starts_on date, last_year boolean)`,
  );
  await client.query(
    `insert into scale_partnership
     select md5($1 || ':partnership:' || j)::uuid, j, ti, kind, 1 + j % ${PROVIDERS.length}, ${mentorK('j')},
       case when kind = 'trust_to_trust' then mentor_ti end,
       case when kind = 'trust_to_trust' then (select id from scale_trust where scale_trust.ti = numbered.ti) end,
       case when kind = 'trust_to_trust' then (select id from scale_trust where scale_trust.ti = numbered.mentor_ti) end,
       case when $4 then date '2025-03-03' else date '2026-03-02' end, $4
     from (select j, 1 + (j - 1) % n as ti, 1 + (j - 1 + n / 2) % n as mentor_ti,
             case when j % 5 = 0 then 'trust_to_trust' else 'ceo_mentoring' end as kind
           from generate_series($2::int, $3::int) j, (select count(*)::int as n from scale_trust) trusts) numbered`,
    [seed, from, to, lastYear],
  );
  await client.query(
    `insert into partnerships (id, service_id, provider_organisation_id, kind, state, title, mentee_trust_id,
       mentor_trust_id, starts_on, ends_on, reading_minutes, school_visits_minutes, establishing_minutes,
       meetings_minutes, fee_pence, meeting_pattern, match_confirmed_at, previous_partnership_id, sustain_note,
       closed_at, creation_key, created_at)
     select s.id, md5($1 || ':service:' || s.provider || ':' || s.kind)::uuid, md5($1 || ':provider:' || s.provider)::uuid,
       s.kind, case when s.last_year then 'closed' when s.j % 6 = 0 then 'review' else 'meetings' end,
       p.display_name || ' (' || o.name || ')', s.mentee_org, s.mentor_org, s.starts_on,
       (s.starts_on + interval '1 year' - interval '1 day')::date, $2, $3, $4, $5, $6, $7, s.starts_on - 30,
       case when not s.last_year then (select id from scale_partnership y where y.last_year and y.ti = s.ti limit 1) end,
       case when s.last_year then 'Termly reviews of the senior team, led by the trust itself.' end,
       case when s.last_year then s.starts_on + interval '1 year' end, 'scale-partnership-' || s.j, s.starts_on - 60
     from scale_partnership s
     join scale_trust t on t.ti = s.ti join organisations o on o.id = t.id
     join people p on p.id = md5($1 || ':person:trust:' || s.ti || ':1')::uuid
     where s.j between $8 and $9`,
    [seed, ...budgetMinutes(), FEE_PENCE, DEFAULT_MEETING_PATTERN, from, to],
  );
}
