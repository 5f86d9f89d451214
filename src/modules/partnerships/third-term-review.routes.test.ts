import assert from 'node:assert/strict';
import { test } from 'node:test';
import { and, asc, eq, sql } from 'drizzle-orm';
import { buildTestApp } from '../../../test/support/app.ts';
import { createPartnership, createService } from '../../../test/support/partnership-factories.ts';
import { postForm, signIn, type SignedIn } from '../../../test/support/sign-in.ts';
import { auditEvents } from '../../platform/audit/audit.tables.ts';
import { formatLondonDate } from '../../platform/views/london-time.ts';
import { goalReviews, partnershipGoals } from './meetings.tables.ts';
import { mentoringServices, partnershipParticipants, partnerships } from './partnerships.tables.ts';
import { furtherYear } from './third-term-decision.service.ts';
import { closedText } from './views/partnership-page.tsx';

const { app, db } = await buildTestApp();
const get = (url: string, who: SignedIn) => app.inject({ method: 'GET', url, cookies: who.cookies });
const send = (url: string, fields: Record<string, string>, who: SignedIn) =>
  postForm(app, { url, from: '/account', cookies: who.cookies, fields });

const mentee = await signIn(db, 'ceo');
const menteeTrust = mentee.organisation;
const mentor = await signIn(db, 'mentor');
const colleague = await signIn(db, 'executive', menteeTrust);
const service = await createService(db, { feePence: 300_000 });
const providerStaff = await signIn(db, 'programme_manager', service.provider);

async function scene() {
  const id = await createPartnership(db, {
    service,
    mentee: mentee.person,
    mentor: mentor.person,
    menteeTrust,
    title: 'Sam Patel (Carrow Trust)',
    others: [{ person: colleague.person, side: 'mentee', organisationId: menteeTrust.id }],
  });
  const goals = await db
    .insert(partnershipGoals)
    .values([
      {
        partnershipId: id,
        title: 'Grow the central team',
        measureOfSuccess: 'Two partners',
        position: 0,
        creationKey: `a-${id}`,
      },
      {
        partnershipId: id,
        title: 'Board that challenges',
        measureOfSuccess: 'A skills audit',
        position: 1,
        creationKey: `b-${id}`,
      },
    ])
    .returning({ id: partnershipGoals.id });
  const [first, second] = goals.map((goal) => goal.id);
  assert.ok(first && second);
  return { id, first, second, review: `/partnerships/${id}/review`, decision: `/partnerships/${id}/decision` };
}

const partnershipRow = async (id: string) => (await db.select().from(partnerships).where(eq(partnerships.id, id)))[0];
const viewsOf = (id: string) =>
  db.select().from(goalReviews).where(eq(goalReviews.partnershipId, id)).orderBy(asc(goalReviews.side));

/** Both sides write every goal. */
async function reviewEverything(scenery: { first: string; second: string; review: string }) {
  const { first, second, review } = scenery;
  for (const [who, side] of [
    [mentee, 'mentee'],
    [mentor, 'mentor'],
  ] as const) {
    const response = await send(
      review,
      { side, [`progress-${first}`]: `${side}: team grown`, [`progress-${second}`]: `${side}: audit done` },
      who,
    );
    assert.equal(response.statusCode, 303);
  }
}

test('each side writes its own view of each goal; the first save opens the review; reads are logged', async () => {
  const { id, first, second, review } = await scene();
  const page = await get(review, mentee);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Your side’s view: Mentee side/);
  const [read] = await db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, 'confidential.read'), sql`${auditEvents.details}->>'id' = ${id}`));
  assert.equal(read?.details['kind'], 'partnership.review');

  const mentorAsMentee = await send(review, { side: 'mentee', [`progress-${first}`]: 'Written for them' }, mentor);
  assert.equal(mentorAsMentee.statusCode, 403, 'a mentor cannot write the mentee side’s view');
  assert.equal((await viewsOf(id)).length, 0);
  assert.equal((await partnershipRow(id))?.state, 'meetings');

  const saved = await send(review, { side: 'mentee', [`progress-${first}`]: 'Team grown by two' }, mentee);
  assert.equal(saved.statusCode, 303);
  assert.equal((await partnershipRow(id))?.state, 'review', 'the first save opens the review');
  await send(review, { side: 'mentor', [`progress-${first}`]: 'I agree', [`progress-${second}`]: 'Begun' }, mentor);
  assert.deepEqual(
    (await viewsOf(id)).map((view) => [view.side, view.goalId === first ? 'first' : 'second', view.progress]),
    [
      ['mentee', 'first', 'Team grown by two'],
      ['mentor', 'first', 'I agree'],
      ['mentor', 'second', 'Begun'],
    ].sort(([a], [b]) => String(a).localeCompare(String(b))),
  );
  const both = await get(review, colleague);
  assert.match(both.body, /Mentor side[\s\S]*I agree/);
  assert.match(
    both.body,
    new RegExp(`name="version-${first}" value="1"`),
    'the colleague opens the mentee side’s view',
  );

  // The colleague of the same side saves over version 1; the mentee, still on version 1, is told and keeps their words.
  assert.equal(
    (
      await send(
        review,
        { side: 'mentee', [`progress-${first}`]: 'Colleague’s view', [`version-${first}`]: '1' },
        colleague,
      )
    ).statusCode,
    303,
  );
  const stale = await send(
    review,
    { side: 'mentee', [`progress-${first}`]: 'Mentee’s kept words', [`version-${first}`]: '1' },
    mentee,
  );
  assert.equal(stale.statusCode, 409);
  assert.match(stale.body, /Someone else saved this while you were editing it/);
  assert.match(stale.body, /Mentee’s kept words/);
  assert.match(stale.body, /Colleague’s view/);
  assert.match(stale.body, new RegExp(`name="version-${first}" value="2"`));

  const emptied = await send(review, { side: 'mentee', [`progress-${first}`]: '', [`version-${first}`]: '2' }, mentee);
  assert.equal(emptied.statusCode, 400);
  assert.match(emptied.body, /a view once written stays/);
});

test('the decision waits until both sides wrote every goal, and says which are missing', async () => {
  const { id, first, second, review, decision } = await scene();
  await send(review, { side: 'mentee', [`progress-${first}`]: 'Done' }, mentee);
  await send(review, { side: 'mentor', [`progress-${first}`]: 'Done', [`progress-${second}`]: 'Begun' }, mentor);
  const page = await get(decision, mentee);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Mentee side: “Board that challenges”/);
  assert.doesNotMatch(page.body, /Mentor side: “/);
  const refused = await send(decision, { decision: 'close', sustainNote: 'Keep the habits' }, mentee);
  assert.equal(refused.statusCode, 409);
  assert.match(refused.body, /Mentee side: “Board that challenges”/);
  assert.equal((await partnershipRow(id))?.state, 'review');
});

test('extending makes the linked further year with the participants, the service’s budget now and the fee in pence', async () => {
  const scenery = await scene();
  const { id, decision } = scenery;
  await reviewEverything(scenery);
  await db.update(mentoringServices).set({ meetingsMinutes: 1_260 }).where(eq(mentoringServices.id, service.id));
  assert.equal(
    (await send(decision, { decision: 'extend', fee: '2500' }, mentor)).statusCode,
    403,
    'the mentee side records it',
  );
  assert.equal((await send(decision, { decision: 'extend', fee: 'lots' }, mentee)).statusCode, 400);
  const extended = await send(decision, { decision: 'extend', fee: '£2,750.50' }, mentee);
  assert.equal(extended.statusCode, 303);
  const [next] = await db.select().from(partnerships).where(eq(partnerships.previousPartnershipId, id));
  assert.ok(next);
  assert.equal(extended.headers.location, `/partnerships/${next.id}`);
  assert.equal(next.state, 'agreement');
  assert.equal(next.feePence, 275_050);
  assert.equal(next.title, 'Sam Patel (Carrow Trust)');
  assert.equal(next.menteeTrustId, menteeTrust.id);
  assert.equal(next.serviceId, service.id);
  assert.deepEqual([next.startsOn, next.endsOn], ['2027-09-01', '2028-08-31']);
  assert.equal(next.meetingsMinutes, 1_260, 'the service’s budget as it is now');
  assert.equal(next.matchConfirmedByPersonId, mentee.person.id, 'who decided');
  const participants = await db
    .select({
      personId: partnershipParticipants.personId,
      side: partnershipParticipants.side,
      lead: partnershipParticipants.lead,
    })
    .from(partnershipParticipants)
    .where(eq(partnershipParticipants.partnershipId, next.id));
  assert.deepEqual(
    new Set(participants.map((each) => `${each.personId}:${each.side}:${each.lead}`)),
    new Set([
      `${mentee.person.id}:mentee:true`,
      `${mentor.person.id}:mentor:true`,
      `${colleague.person.id}:mentee:false`,
    ]),
  );
  const old = await partnershipRow(id);
  assert.equal(old?.state, 'closed');
  assert.ok(old?.closedAt);
  assert.equal(old?.closedByPersonId, mentee.person.id, 'who closed this year by extending it');

  const again = await send(decision, { decision: 'extend', fee: '2500' }, mentee);
  assert.equal(again.statusCode, 409);
  assert.match(again.body, /This partnership is already closed/);
  assert.equal((await db.select().from(partnerships).where(eq(partnerships.previousPartnershipId, id))).length, 1);
  await db.update(mentoringServices).set({ meetingsMinutes: 2_310 }).where(eq(mentoringServices.id, service.id));
});

test('closing records what the mentee will sustain without the mentor; a second press changes nothing', async () => {
  const scenery = await scene();
  const { id, decision } = scenery;
  await reviewEverything(scenery);
  const empty = await send(decision, { decision: 'close', sustainNote: '  ' }, mentee);
  assert.equal(empty.statusCode, 400);
  assert.match(empty.body, /Write what the mentee will keep doing without a mentor/);
  const closed = await send(decision, { decision: 'close', sustainNote: 'A termly peer review with two CEOs' }, mentee);
  assert.equal(closed.statusCode, 303);
  const row = await partnershipRow(id);
  assert.equal(row?.state, 'closed');
  assert.equal(row?.sustainNote, 'A termly peer review with two CEOs');
  assert.ok(row?.closedAt);
  assert.equal(row?.closedByPersonId, mentee.person.id, 'who closed it');
  assert.match((await get(decision, mentor)).body, /A termly peer review with two CEOs/);
  // Who closed it and when are facts the provider's staff see too; what is sustained is for the participants.
  const closedBy = `Closed by ${mentee.person.displayName} on ${formatLondonDate(new Date())}.`;
  for (const [who, note] of [
    [mentor, 'A termly peer review with two CEOs'],
    [providerStaff, 'Recorded by the participants.'],
  ] as const) {
    const overview = await get(`/partnerships/${id}`, who);
    assert.equal(overview.statusCode, 200);
    assert.ok(overview.body.includes(closedBy), `${who.person.displayName} sees ${closedBy}`);
    assert.ok(overview.body.includes(note));
  }
  const again = await send(decision, { decision: 'close', sustainNote: 'Something else' }, mentee);
  assert.equal(again.statusCode, 409);
  assert.match(again.body, /This partnership is already closed/);
  assert.equal((await partnershipRow(id))?.sustainNote, 'A termly peer review with two CEOs');
  assert.equal((await db.select().from(partnerships).where(eq(partnerships.previousPartnershipId, id))).length, 0);
});

test('a closure says who closed it when their account is still there, and when in any case', () => {
  const closedAt = new Date('2027-08-31T23:30:00Z');
  assert.equal(closedText({ closedAt, closedByName: 'Sam Patel' }), 'Closed by Sam Patel on 1 September 2027.');
  assert.equal(closedText({ closedAt, closedByName: null }), 'Closed on 1 September 2027.');
  assert.equal(closedText({ closedAt: null, closedByName: null }), 'Closed.');
});

test('a further year runs from the day after to a year later, 29 February included', () => {
  assert.deepEqual(furtherYear('2027-08-31'), { startsOn: '2027-09-01', endsOn: '2028-08-31' });
  assert.deepEqual(furtherYear('2028-02-28'), { startsOn: '2028-02-29', endsOn: '2029-02-28' });
});
