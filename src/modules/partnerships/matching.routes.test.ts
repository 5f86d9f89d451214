import assert from 'node:assert/strict';
import { test } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import { auditEvents } from '../../platform/audit/audit.tables.ts';
import { buildTestApp } from '../../../test/support/app.ts';
import { addMembership, createOrganisation, createPerson } from '../../../test/support/factories.ts';
import { createMentorProfile, createPartnership, createService } from '../../../test/support/partnership-factories.ts';
import { formSession, signIn, type SignedIn } from '../../../test/support/sign-in.ts';
import { mentorProfiles } from './matching.tables.ts';
import { partnerships } from './partnerships.tables.ts';

const { app, db } = await buildTestApp();
const get = (url: string, who: SignedIn) => app.inject({ method: 'GET', url, cookies: who.cookies });

async function post(url: string, who: SignedIn, fields: Array<[string, string]>, from = url) {
  const session = await formSession(app, from, who.cookies);
  return app.inject({
    method: 'POST',
    url,
    cookies: session.cookies,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams([['_csrf', session.csrfToken], ...fields]).toString(),
  });
}

const provider = await createOrganisation(db, { kind: 'provider', name: 'Matching Provider' });
const service = await createService(db, { provider });
const manager = await signIn(db, 'programme_manager', provider);
const otherManager = await signIn(db, 'programme_manager');
const menteeTrust = await createOrganisation(db, { name: 'Carrow Trust' });
const mentee = await signIn(db, 'ceo', menteeTrust);
const trustee = await signIn(db, 'trustee', menteeTrust);

async function mentorNamed(displayName: string) {
  const person = await createPerson(db, { displayName });
  await addMembership(db, person.id, provider.id, 'mentor');
  return person;
}

const ada = await mentorNamed('Ada Best-Fit');
await createMentorProfile(db, { mentor: ada, provider, region: 'London', experienceTags: ['Turnaround'] });
const ben = await mentorNamed('Ben Same-Trust');
const benProfile = await createMentorProfile(db, { mentor: ben, provider });
await db.update(mentorProfiles).set({ trustId: menteeTrust.id }).where(eq(mentorProfiles.id, benProfile));
const cal = await mentorNamed('Cal Full-Up');
await createMentorProfile(db, { mentor: cal, provider, capacity: 1 });
const dee = await mentorNamed('Dee Unchecked');
await createMentorProfile(db, { mentor: dee, provider, checked: false });
const eve = await mentorNamed('Eve Elsewhere');
await createMentorProfile(db, { mentor: eve, provider, region: 'North East', experienceTags: [] });
// Cal's one place is taken by a live partnership.
await createPartnership(db, { service, mentor: cal, mentee: await createPerson(db), state: 'meetings' });

async function matchingPartnership() {
  return createPartnership(db, {
    service,
    mentee: mentee.person,
    menteeTrust,
    state: 'matching',
    title: 'Sam (Carrow)',
  });
}

const preferences = (version: string, overrides: Record<string, string> = {}): Array<[string, string]> =>
  Object.entries({
    themes: 'turnaround, finance',
    phases: 'primary',
    trustSize: 'medium',
    wants: 'growth',
    region: 'London',
    locality: 'local',
    otherWishes: 'Someone who has been through an inspection recently',
    version,
    ...overrides,
  });

test('the mentee side saves preferences; nobody else may', async () => {
  const id = await matchingPartnership();
  const url = `/partnerships/${id}/preferences`;
  const page = await get(url, mentee);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Your preferences for a mentor/);
  const saved = await post(url, mentee, preferences('1'));
  assert.equal(saved.statusCode, 303);
  assert.equal(saved.headers.location, `${url}?done=preferences-saved`);
  const [row] = await db.select().from(partnerships).where(eq(partnerships.id, id));
  assert.deepEqual(row?.preferences, {
    themes: ['turnaround', 'finance'],
    phases: ['primary'],
    trustSize: 'medium',
    wantsGrowthExperience: true,
    wantsMergerExperience: false,
    region: 'London',
    locality: 'local knowledge',
    otherWishes: 'Someone who has been through an inspection recently',
  });
  for (const who of [manager, otherManager, trustee]) {
    assert.equal((await get(url, who)).statusCode, 404, 'not the mentee side');
    const session = await formSession(app, '/account', who.cookies);
    const refused = await app.inject({
      method: 'POST',
      url,
      cookies: session.cookies,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams([['_csrf', session.csrfToken], ...preferences('2')]).toString(),
    });
    assert.equal(refused.statusCode, 404);
  }
});

test('preference mistakes come back with 400 and what was typed; a stale save saves nothing', async () => {
  const id = await matchingPartnership();
  const url = `/partnerships/${id}/preferences`;
  const bad = await post(url, mentee, preferences('1', { region: '', locality: 'independent', themes: 'kept' }));
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /<title>Error: /);
  assert.match(bad.body, /Select your region, so that local knowledge or independence/);
  assert.match(bad.body, /value="kept"/);
  const stale = await post(url, mentee, preferences('0', { themes: 'typed meanwhile' }));
  assert.equal(stale.statusCode, 409);
  assert.match(stale.body, /typed meanwhile/);
  const [row] = await db.select().from(partnerships).where(eq(partnerships.id, id));
  assert.equal(row?.preferences, null);
});

test('the provider’s staff see the mentors ranked with scores and reasons, and who is left out and why', async () => {
  const id = await matchingPartnership();
  await post(`/partnerships/${id}/preferences`, mentee, preferences('1'));
  const page = await get(`/partnerships/${id}/matching`, manager);
  assert.equal(page.statusCode, 200);
  const body = page.body;
  assert.match(body, /Someone who has been through an inspection recently/);
  assert.match(body, /Ada Best-Fit: \d+ out of 100/);
  assert.match(body, /Eve Elsewhere: \d+ out of 100/);
  assert.ok(body.indexOf('Ada Best-Fit:') < body.indexOf('Eve Elsewhere:'), 'the better fit first');
  assert.match(body, /Experience of 1 of the 2 themes you asked for: turnaround/);
  assert.match(body, /Works in the same region \(London\)/);
  assert.match(body, /Works in another region \(North East\), and you asked for local knowledge/);
  assert.match(body, /Ben Same-Trust: Works in your trust/);
  assert.match(body, /Cal Full-Up: No places left \(1 of 1 taken\)/);
  assert.match(body, /Dee Unchecked: Profile not yet checked by the provider/);
  const [read] = await db
    .select()
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.action, 'confidential.read'),
        sql`${auditEvents.details} ->> 'id' = ${id}`,
        sql`${auditEvents.details} ->> 'kind' = 'partnership.preferences'`,
      ),
    );
  assert.equal(read?.actorPersonId, manager.person.id, 'the read of the preferences is logged');
  for (const who of [mentee, otherManager, trustee]) {
    assert.equal((await get(`/partnerships/${id}/matching`, who)).statusCode, 404);
  }
});
