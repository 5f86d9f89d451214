import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eq } from 'drizzle-orm';
import { buildTestApp } from '../../../test/support/app.ts';
import { addMembership, createOrganisation } from '../../../test/support/factories.ts';
import { createMentorProfile } from '../../../test/support/partnership-factories.ts';
import { formSession, signIn, type SignedIn } from '../../../test/support/sign-in.ts';
import { mentorProfiles } from './matching.tables.ts';

const { app, db } = await buildTestApp();
const get = (url: string, who: SignedIn) => app.inject({ method: 'GET', url, cookies: who.cookies });

const provider = await createOrganisation(db, { kind: 'provider', name: 'Profile Test Provider' });
const manager = await signIn(db, 'programme_manager', provider);
const otherManager = await signIn(db, 'programme_manager');
const ceo = await signIn(db, 'ceo');
const ownTrust = await createOrganisation(db, { name: 'Fenland Learning Trust' });
const conflictTrust = await createOrganisation(db, { name: 'Ouse Valley Trust' });

/** Posts a form with repeated fields (ticked boxes) as a browser sends them. */
async function post(url: string, who: SignedIn, fields: Array<[string, string]>) {
  const session = await formSession(app, url, who.cookies);
  return app.inject({
    method: 'POST',
    url,
    cookies: session.cookies,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams([['_csrf', session.csrfToken], ...fields]).toString(),
  });
}

const goodProfile = (overrides: Record<string, string | string[]> = {}): Array<[string, string]> => {
  const fields: Record<string, string | string[]> = {
    provider: provider.id,
    biography: 'Led a trust of twelve schools for ten years.',
    values: 'Candour and kindness',
    experienceTags: 'Turnaround, church schools, turnaround',
    experience: ['growth', 'merger'],
    phases: ['primary', 'secondary'],
    trustSizes: ['medium'],
    region: 'East of England',
    trust: 'fenland learning trust',
    capacity: '2',
    available: 'yes',
    availabilityNote: '',
    conflicts: 'Ouse Valley Trust\n\n',
    version: '',
    ...overrides,
  };
  return Object.entries(fields).flatMap(([name, value]) =>
    (Array.isArray(value) ? value : [value]).map((each): [string, string] => [name, each]),
  );
};

async function newMentor() {
  return signIn(db, 'mentor', provider);
}

const profileOf = async (who: SignedIn) =>
  (await db.select().from(mentorProfiles).where(eq(mentorProfiles.personId, who.person.id)))[0];

test('a mentor writes their profile: tags split, trust and conflicts found in the register', async () => {
  const mentor = await newMentor();
  const page = await get('/mentoring/my-profile', mentor);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Your mentor profile/);
  const saved = await post('/mentoring/my-profile', mentor, goodProfile());
  assert.equal(saved.statusCode, 303);
  assert.match(saved.headers.location ?? '', /done=saved/);
  const row = await profileOf(mentor);
  assert.deepEqual(row?.experienceTags, ['Turnaround', 'church schools']);
  assert.equal(row?.trustId, ownTrust.id);
  assert.deepEqual(row?.conflictTrustIds, [conflictTrust.id]);
  assert.equal(row?.hasGrownATrust, true);
  assert.equal(row?.capacity, 2);
  assert.equal(row?.checkedAt, null);
  assert.match((await get('/mentoring/my-profile', mentor)).body, /has not checked your profile yet/);
});

test('mistakes come back with 400, an error summary and what was typed; unknown trusts are named', async () => {
  const mentor = await newMentor();
  const sent = await post(
    '/mentoring/my-profile',
    mentor,
    goodProfile({ biography: '', capacity: 'lots', phases: [], region: '', experienceTags: 'Kept text' }),
  );
  assert.equal(sent.statusCode, 400);
  assert.match(sent.body, /<title>Error: /);
  assert.match(sent.body, /There is a problem/);
  for (const message of [
    'Enter a short biography',
    'Select at least one phase you have led',
    'Select the region you work in',
    'Enter how many mentees you can take at once as a whole number',
  ]) {
    assert.match(sent.body, new RegExp(message), message);
  }
  assert.match(sent.body, /value="Kept text"/);
  const unknown = await post(
    '/mentoring/my-profile',
    mentor,
    goodProfile({ conflicts: 'Ouse Valley Trust\nNowhere Academy Trust', trust: 'No Such Trust' }),
  );
  assert.equal(unknown.statusCode, 400);
  assert.match(unknown.body, /No trust in the register is called “Nowhere Academy Trust”/);
  assert.match(unknown.body, /No trust in the register is called “No Such Trust”/);
  assert.equal(await profileOf(mentor), undefined, 'nothing saved');
  const tooMany = await post('/mentoring/my-profile', mentor, goodProfile({ capacity: '21' }));
  assert.match(tooMany.body, /Enter a number of mentees from 0 to 20/);
});

test('changing a checked profile’s matching fields clears the check, and the page says so', async () => {
  const mentor = await newMentor();
  await post('/mentoring/my-profile', mentor, goodProfile());
  const profile = await profileOf(mentor);
  assert.ok(profile);
  const checkPage = await get(`/mentoring/mentors/${profile.id}`, manager);
  assert.equal(checkPage.statusCode, 200);
  const checked = await post(`/mentoring/mentors/${profile.id}`, manager, [['version', String(profile.version)]]);
  assert.equal(checked.statusCode, 303);
  assert.ok((await profileOf(mentor))?.checkedAt);
  const page = await get('/mentoring/my-profile', mentor);
  assert.match(page.body, /checked your profile on/);
  assert.match(page.body, /the check is cleared/);

  const current = await profileOf(mentor);
  const biographyOnly = await post(
    '/mentoring/my-profile',
    mentor,
    goodProfile({ biography: 'A new biography.', version: String(current?.version) }),
  );
  assert.match(biographyOnly.headers.location ?? '', /done=saved/);
  assert.ok((await profileOf(mentor))?.checkedAt, 'the biography is not read by matching');

  const again = await profileOf(mentor);
  const region = await post(
    '/mentoring/my-profile',
    mentor,
    goodProfile({ biography: 'A new biography.', region: 'London', version: String(again?.version) }),
  );
  assert.match(region.headers.location ?? '', /done=check-cleared/);
  assert.equal((await profileOf(mentor))?.checkedAt, null);
  const after = await app.inject({ method: 'GET', url: region.headers.location ?? '', cookies: mentor.cookies });
  assert.match(after.body, /must check it again/);
});

test('a save over a stale version keeps what was typed and saves nothing', async () => {
  const mentor = await newMentor();
  await post('/mentoring/my-profile', mentor, goodProfile());
  const stale = await post('/mentoring/my-profile', mentor, goodProfile({ biography: 'Typed later', version: '99' }));
  assert.equal(stale.statusCode, 409);
  assert.match(stale.body, /saved elsewhere/);
  assert.match(stale.body, /Typed later/);
  assert.notEqual((await profileOf(mentor))?.biography, 'Typed later');
});

test('only mentors keep profiles; only the provider’s staff see the pool and check', async () => {
  const mentor = await newMentor();
  const profileId = await createMentorProfile(db, { mentor: mentor.person, provider, checked: false });
  assert.equal((await get('/mentoring/my-profile', ceo)).statusCode, 403);
  assert.equal((await get('/mentoring/my-profile', manager)).statusCode, 403);
  const pool = await get('/mentoring/mentors', manager);
  assert.equal(pool.statusCode, 200);
  assert.match(pool.body, new RegExp(mentor.person.displayName));
  assert.match(pool.body, /Not checked/);
  const others = await get('/mentoring/mentors', otherManager);
  assert.equal(others.statusCode, 200);
  assert.doesNotMatch(others.body, new RegExp(mentor.person.displayName));
  for (const who of [ceo, mentor]) assert.equal((await get('/mentoring/mentors', who)).statusCode, 403);
  for (const who of [ceo, mentor, otherManager]) {
    assert.equal((await get(`/mentoring/mentors/${profileId}`, who)).statusCode, 404);
  }
  const session = await formSession(app, '/account', otherManager.cookies);
  const refused = await app.inject({
    method: 'POST',
    url: `/mentoring/mentors/${profileId}`,
    cookies: session.cookies,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ _csrf: session.csrfToken, version: '1' }).toString(),
  });
  assert.equal(refused.statusCode, 404);
  const stale = await post(`/mentoring/mentors/${profileId}`, manager, [['version', '99']]);
  assert.equal(stale.statusCode, 409);
  assert.match(stale.body, /changed their profile after you opened this page/);
});

test('a mentor of two providers keeps a profile with each', async () => {
  const mentor = await newMentor();
  const second = await createOrganisation(db, { kind: 'provider', name: 'Second Provider' });
  await addMembership(db, mentor.person.id, second.id, 'mentor');
  const page = await get(`/mentoring/my-profile?provider=${second.id}`, mentor);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Second Provider/);
  const saved = await post(`/mentoring/my-profile?provider=${second.id}`, mentor, goodProfile({ provider: second.id }));
  assert.equal(saved.statusCode, 303);
  const rows = await db.select().from(mentorProfiles).where(eq(mentorProfiles.personId, mentor.person.id));
  assert.deepEqual(
    rows.map((row) => row.providerOrganisationId),
    [second.id],
  );
});
