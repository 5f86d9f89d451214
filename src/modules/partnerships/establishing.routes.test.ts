import assert from 'node:assert/strict';
import { test } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import { buildTestApp } from '../../../test/support/app.ts';
import { createPartnership, createService } from '../../../test/support/partnership-factories.ts';
import { postForm, signIn, type SignedIn } from '../../../test/support/sign-in.ts';
import { auditEvents } from '../../platform/audit/audit.tables.ts';
import { partnershipEstablishing, partnershipGoals } from './meetings.tables.ts';
import { partnerships, type PartnershipState } from './partnerships.tables.ts';

const { app, db } = await buildTestApp();
const get = (url: string, who: SignedIn) => app.inject({ method: 'GET', url, cookies: who.cookies });
const send = (url: string, fields: Record<string, string>, who: SignedIn) =>
  postForm(app, { url, from: '/account', cookies: who.cookies, fields });

const mentee = await signIn(db, 'ceo');
const menteeTrust = mentee.organisation;
const mentor = await signIn(db, 'mentor');
const colleague = await signIn(db, 'executive', menteeTrust);
const service = await createService(db);
const programmeManager = await signIn(db, 'programme_manager', service.provider);
const chair = await signIn(db, 'chair', menteeTrust);
const outsider = await signIn(db, 'ceo');

async function scene(state: PartnershipState = 'establishing') {
  const id = await createPartnership(db, {
    service,
    mentee: mentee.person,
    mentor: mentor.person,
    menteeTrust,
    state,
    others: [{ person: colleague.person, side: 'mentee', organisationId: menteeTrust.id }],
  });
  return { id, url: `/partnerships/${id}/establishing` };
}

const record = async (id: string) =>
  (await db.select().from(partnershipEstablishing).where(eq(partnershipEstablishing.partnershipId, id)))[0];
const stateOf = async (id: string) => (await db.select().from(partnerships).where(eq(partnerships.id, id)))[0]?.state;
const goalsOf = (id: string) => db.select().from(partnershipGoals).where(eq(partnershipGoals.partnershipId, id));

const story = {
  leadershipStory: 'Head of a primary, then CEO of a growing trust.',
  currentNeeds: 'A central team that can take on more.',
  futureNeeds: 'Ready to take on two more schools.',
  objectives: 'A school improvement model in every school.',
};

test('the record is made on its first save, saved over its version, and a stale save keeps what was typed', async () => {
  const { id, url } = await scene();
  const first = await get(url, mentee);
  assert.equal(first.statusCode, 200);
  assert.match(first.body, /name="version" value="0"/, 'nothing saved yet');
  const reads = await db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, 'confidential.read'), sql`${auditEvents.details}->>'id' = ${id}`));
  assert.deepEqual(
    reads.map((each) => [each.details['kind'], each.actorPersonId, each.organisationId]),
    [['partnership.establishing', mentee.person.id, null]],
    'the read is logged, under no organisation',
  );

  assert.equal((await send(url, { ...story, version: '0' }, mentee)).statusCode, 303);
  assert.equal((await record(id))?.leadershipStory, story.leadershipStory);
  // The mentor sits in the meeting too, and writes over the version they opened.
  const mentorSave = await send(url, { ...story, objectives: 'Two objectives now', version: '1' }, mentor);
  assert.equal(mentorSave.statusCode, 303);
  assert.equal((await record(id))?.version, 2);

  const stale = await send(url, { ...story, currentNeeds: 'What the mentee typed meanwhile', version: '1' }, mentee);
  assert.equal(stale.statusCode, 409);
  assert.match(stale.body, /Someone else saved this while you were editing it/);
  assert.match(stale.body, /What the mentee typed meanwhile/, 'what was typed is kept');
  assert.match(stale.body, /Two objectives now/, 'and what is saved now is shown');
  assert.match(stale.body, /name="version" value="2"/, 'saving again replaces it on purpose');
  assert.equal((await record(id))?.currentNeeds, story.currentNeeds);

  const tooLong = await send(url, { ...story, futureNeeds: 'x'.repeat(20_001), version: '2' }, mentee);
  assert.equal(tooLong.statusCode, 400);
  assert.match(tooLong.body, /<title>Error: /);
  assert.match(tooLong.body, /Enter 20,000 characters or fewer/);
});

test('goals: added once per form, listed on the establishing page, changed over their version', async () => {
  const { id, url } = await scene();
  const newGoal = `/partnerships/${id}/goals/new`;
  assert.equal((await get(newGoal, mentor)).statusCode, 200);
  const missing = await send(newGoal, { title: '', measureOfSuccess: 'Typed measure', creationKey: 'k' }, mentor);
  assert.equal(missing.statusCode, 400);
  assert.match(missing.body, /Enter the goal/);
  assert.match(missing.body, /Typed measure/);
  const fields = {
    title: 'Grow the central team',
    measureOfSuccess: 'Two school improvement partners',
    creationKey: `goal-${id}`,
  };
  assert.equal((await send(newGoal, fields, mentor)).statusCode, 303);
  assert.equal((await send(newGoal, fields, mentor)).statusCode, 303, 'a second press');
  const goals = await goalsOf(id);
  assert.equal(goals.length, 1, 'one goal for one form');
  const goal = goals[0];
  assert.ok(goal);
  assert.match((await get(url, mentee)).body, /Grow the central team[\s\S]*Two school improvement partners/);

  const goalUrl = `/partnerships/${id}/goals/${goal.id}`;
  assert.equal((await get(goalUrl, mentee)).statusCode, 200);
  const saved = await send(goalUrl, { title: 'Grow the team', measureOfSuccess: 'Two partners', version: '1' }, mentee);
  assert.equal(saved.statusCode, 303);
  const stale = await send(goalUrl, { title: 'My title', measureOfSuccess: 'Kept measure', version: '1' }, mentor);
  assert.equal(stale.statusCode, 409);
  assert.match(stale.body, /Kept measure/);
  assert.match(stale.body, /Grow the team/);
  assert.equal((await goalsOf(id))[0]?.title, 'Grow the team');

  const other = await scene();
  assert.equal((await get(`/partnerships/${other.id}/goals/${goal.id}`, mentee)).statusCode, 404, 'not its goal');
});

test('a lead moves establishing on to the meetings once the story and a goal are written', async () => {
  const { id, url } = await scene();
  const start = { intent: 'start-meetings' };
  assert.equal((await send(url, start, mentee)).statusCode, 409, 'nothing written yet');
  assert.doesNotMatch((await get(url, mentee)).body, /Establishing is done: start the meetings/);
  await send(url, { ...story, version: '0' }, mentee);
  await send(`/partnerships/${id}/goals/new`, { title: 'A goal', measureOfSuccess: 'Its measure' }, mentee);
  assert.match((await get(url, mentee)).body, /Establishing is done: start the meetings/);
  assert.doesNotMatch((await get(url, colleague)).body, /Establishing is done: start the meetings/);
  assert.equal((await send(url, start, colleague)).statusCode, 403, 'not a lead');
  assert.equal(await stateOf(id), 'establishing');
  const started = await send(url, start, mentor);
  assert.equal(started.statusCode, 303);
  assert.equal(await stateOf(id), 'meetings');
  const again = await send(url, start, mentee);
  assert.equal(again.statusCode, 409);
  assert.match(again.body, /at meetings/);
});

test('before establishing, and once the review has begun, the record and goals cannot be written', async () => {
  for (const state of ['preparation', 'review'] as const) {
    const { id, url } = await scene(state);
    assert.equal((await get(url, mentee)).statusCode, 200);
    assert.equal((await send(url, { ...story, version: '0' }, mentee)).statusCode, 409);
    assert.equal(
      (await send(`/partnerships/${id}/goals/new`, { title: 'A', measureOfSuccess: 'B' }, mentee)).statusCode,
      409,
    );
    assert.equal(await record(id), undefined);
  }
});

test('outsiders, the provider’s programme manager and the mentee trust’s chair find none of these pages', async () => {
  const { id } = await scene('review');
  const [goal] = await db
    .insert(partnershipGoals)
    .values({
      partnershipId: id,
      title: 'A goal',
      measureOfSuccess: 'Its measure',
      position: 0,
      creationKey: `g-${id}`,
    })
    .returning({ id: partnershipGoals.id });
  assert.ok(goal);
  const urls = ['establishing', 'goals/new', `goals/${goal.id}`, 'review', 'decision'].map(
    (page) => `/partnerships/${id}/${page}`,
  );
  const fields = { ...story, title: 'T', measureOfSuccess: 'M', side: 'mentee', decision: 'close', sustainNote: 'S' };
  for (const who of [outsider, programmeManager, chair]) {
    for (const url of urls) {
      assert.equal((await get(url, who)).statusCode, 404, `GET ${url}`);
      assert.equal((await send(url, fields, who)).statusCode, 404, `POST ${url}`);
    }
  }
  assert.equal(await stateOf(id), 'review');
  assert.equal(await record(id), undefined);
});
