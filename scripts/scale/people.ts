/**
 * People and memberships at England scale, on top of the imported register: twenty leaders and
 * board members in every trust, four mentoring providers with their staff and mentors, and a
 * school leader in open schools (trusts' first) until the count of people is reached.
 *
 * Every id is an md5 of the seed and what the row is (`md5(seed || ':person:…')::uuid`), so the
 * same seed over the same register makes the same rows.
 */
import type pg from 'pg';

/** Roles of the twenty people of each trust, by their number in the trust (k = 1…20). */
const TRUST_ROLE_BY_K = `case
  when k = 1 then 'ceo' when k <= 3 then 'executive' when k = 4 then 'chair' when k <= 10 then 'trustee'
  when k = 11 then 'governance_professional' when k <= 15 then 'senior_leader' when k <= 19 then 'middle_leader'
  else 'member' end`;
export const PEOPLE_PER_TRUST = 20;
export const PROVIDERS = ['North Star Leadership', 'Pennine Trust Partners', 'Thames Mentoring', 'Severn Associates'];
export const PROGRAMME_MANAGERS_PER_PROVIDER = 2;
export const MENTORS_PER_PROVIDER = 75;

const FIRST_NAMES = `array['Aisha','Ben','Chloe','Daniel','Eleanor','Farhan','Grace','Harry','Isla','Jack','Kiran',
  'Laura','Mohammed','Niamh','Oliver','Priya','Quentin','Rachel','Samuel','Tamsin','Usman','Victoria','William',
  'Yasmin','Zach','Amelia','Callum','Deborah','Ewan','Fatima','George','Hannah','Imran','Joanne','Kwame','Lucy',
  'Marcus','Nadia','Owen','Philippa']`;
const SURNAMES = `array['Ahmed','Baker','Clarke','Davies','Evans','Fletcher','Green','Hughes','Iqbal','Jones','Khan',
  'Lewis','Morgan','Nolan','Owusu','Patel','Quinn','Roberts','Smith','Taylor','Usher','Vaughan','Walker','Young',
  'Wright','Hall','Wood','Turner','Harris','Martin','Thompson','White','Jackson','Cooper','Ward','Bennett',
  'Collins','Murphy','Shah','Edwards','Kelly','Price','Bell','Mills','Palmer','Reid','Begum','Singh','Nowak','Okafor']`;
/** A name that differs from neighbour to neighbour: coprime steps through both lists. */
const nameOf = (n: string) => `(${FIRST_NAMES})[1 + (${n} * 7) % 40] || ' ' || (${SURNAMES})[1 + (${n} * 13) % 50]`;

export async function seedPeople(client: pg.Client, seed: string, { people }: { people: number }): Promise<void> {
  // The trusts in register order, numbered: every later step finds a trust's people by this number.
  await client.query(
    `create temp table scale_trust as
     select row_number() over (order by group_uid)::int as ti, id from organisations where kind = 'trust'`,
  );
  await client.query('create unique index on scale_trust (ti)');
  await client.query(
    `insert into organisations (id, kind, name)
     select md5($1 || ':provider:' || p)::uuid, 'provider', ($2::text[])[p] from generate_series(1, $3::int) p`,
    [seed, PROVIDERS, PROVIDERS.length],
  );
  await client.query(
    `create temp table scale_person (id uuid primary key, n int, organisation_id uuid, role text, ti int, k int,
       provider int)`,
  );
  await client.query(
    `insert into scale_person
     select md5($1 || ':person:trust:' || t.ti || ':' || k)::uuid, (t.ti - 1) * $2::int + k, t.id, ${TRUST_ROLE_BY_K},
       t.ti, k, null
     from scale_trust t, generate_series(1, $2::int) k`,
    [seed, PEOPLE_PER_TRUST],
  );
  const staffPerProvider = PROGRAMME_MANAGERS_PER_PROVIDER + MENTORS_PER_PROVIDER;
  await client.query(
    `insert into scale_person
     select md5($1 || ':person:provider:' || p || ':' || k)::uuid, 1000000 + p * 1000 + k,
       md5($1 || ':provider:' || p)::uuid, case when k <= $3::int then 'programme_manager' else 'mentor' end,
       null, k, p
     from generate_series(1, $2::int) p, generate_series(1, $4::int) k`,
    [seed, PROVIDERS.length, PROGRAMME_MANAGERS_PER_PROVIDER, staffPerProvider],
  );
  // School leaders fill the count, one to an open school, trusts' schools first, in URN order.
  await client.query(
    `insert into scale_person
     select md5($1 || ':person:school:' || s.urn)::uuid, 2000000 + s.n, s.id, 'school_leader', null, null, null
     from (select id, urn, row_number() over (order by trust_id is null, urn)::int as n from organisations
           where kind = 'school' and status = 'open') s
     where s.n <= $2::int - (select count(*) from scale_person)`,
    [seed, people],
  );
  await client.query(
    `insert into people (id, email, display_name, created_at)
     select id, 'person' || n || '@scale.tandem.test', ${nameOf('n')}, now() - interval '400 days' + (n % 300) * interval '1 day'
     from scale_person`,
  );
  // Provider staff must use two-factor authentication (SPEC section 1), so theirs counts as on. Nobody
  // at scale has a password: the bench signs people in by starting sessions directly.
  await client.query(
    `update people set mfa_enabled_at = created_at where id in (select id from scale_person where provider is not null)`,
  );
  await client.query(
    `insert into memberships (person_id, organisation_id, role)
     select id, organisation_id, role from scale_person`,
  );
  // Most trusts let their reviews count in the benchmarks; some have not said yes.
  await client.query(`insert into benchmark_consents (organisation_id) select id from scale_trust where ti % 7 <> 0`);
}
