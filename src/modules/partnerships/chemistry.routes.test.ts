import assert from 'node:assert/strict';
import { test } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import { allowedIds } from '../../platform/access/access.ts';
import { auditEvents } from '../../platform/audit/audit.tables.ts';
import { buildTestApp } from '../../../test/support/app.ts';
import { createOrganisation } from '../../../test/support/factories.ts';
import { createMentorProfile, createPartnership, createService } from '../../../test/support/partnership-factories.ts';
import { formSession, signIn, type SignedIn } from '../../../test/support/sign-in.ts';
import { chemistryConversations } from './matching.tables.ts';
import { seePartnershipContent } from './partnerships.policy.ts';
import { partnershipParticipants, partnerships } from './partnerships.tables.ts';

const { app, db } = await buildTestApp();
const get = (url: string, who: SignedIn) => app.inject({ method: 'GET', url, cookies: who.cookies });

/** Posts with the CSRF token of a page every signed-in person reaches, so refusals come from the route. */
async function post(url: string, who: SignedIn, fields: Record<string, string>) {
  const session = await formSession(app, '/account', who.cookies);
  return app.inject({
    method: 'POST',
    url,
    cookies: session.cookies,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ _csrf: session.csrfToken, ...fields }).toString(),
  });
}

const provider = await createOrganisation(db, { kind: 'provider', name: 'Chemistry Provider' });
const service = await createService(db, { provider });
const manager = await signIn(db, 'programme_manager', provider);
const menteeTrust = await createOrganisation(db, { name: 'Wensum Trust' });
const mentee = await signIn(db, 'ceo', menteeTrust);
const trustee = await signIn(db, 'trustee', menteeTrust);
const ada = await signIn(db, 'mentor', provider);
const eve = await signIn(db, 'mentor', provider);
const adaProfile = await createMentorProfile(db, { mentor: ada.person, provider });
const eveProfile = await createMentorProfile(db, { mentor: eve.person, provider });

const partnership = () =>
  createPartnership(db, { service, mentee: mentee.person, menteeTrust, state: 'matching', title: 'Jo (Wensum)' });

const conversationFields = (mentor: string, overrides: Record<string, string> = {}) => ({
  mentor,
  'startsOn-day': '14',
  'startsOn-month': '7',
  'startsOn-year': '2031',
  time: '2:30pm',
  duration: '45',
  place: 'https://video.example.test/room',
  creationKey: crypto.randomUUID(),
  ...overrides,
});

async function schedule(id: string, mentor: string, who: SignedIn = manager, overrides: Record<string, string> = {}) {
  return post(`/partnerships/${id}/chemistry/new`, who, conversationFields(mentor, overrides));
}

const conversationsOf = (id: string) =>
  db.select().from(chemistryConversations).where(eq(chemistryConversations.partnershipId, id));
const stateOf = async (id: string) => (await db.select().from(partnerships).where(eq(partnerships.id, id)))[0];

test('the first conversation moves matching on; a second with the same mentor is refused in words', async () => {
  const id = await partnership();
  assert.equal((await get(`/partnerships/${id}/chemistry/new`, mentee)).statusCode, 200);
  const first = await schedule(id, adaProfile);
  assert.equal(first.statusCode, 303);
  const [row] = await conversationsOf(id);
  assert.equal(first.headers.location, `/partnerships/${id}/chemistry/${row?.id}?done=scheduled`);
  assert.equal(row?.startsAt.toISOString(), '2031-07-14T13:30:00.000Z', '2:30pm in London in summer');
  assert.equal(row?.durationMinutes, 45);
  assert.equal((await stateOf(id))?.state, 'chemistry');

  const again = await schedule(id, adaProfile, mentee);
  assert.equal(again.statusCode, 400);
  assert.match(
    again.body,
    /There is already a conversation with [^:]+: each chemistry conversation is with a different mentor/,
  );
  assert.equal((await conversationsOf(id)).length, 1, 'nothing saved');

  const second = await schedule(id, eveProfile, mentee);
  assert.equal(second.statusCode, 303, 'the mentee side schedules too, with another mentor');
  assert.equal((await conversationsOf(id)).length, 2);
});

test('scheduling mistakes come back with 400 and an error summary; outsiders are not found', async () => {
  const id = await partnership();
  const bad = await schedule(id, '', manager, { 'startsOn-month': '', time: '25 o’clock', place: '' });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /There is a problem/);
  assert.match(bad.body, /Select the mentor to meet/);
  assert.match(bad.body, /The date must include a month/);
  assert.match(bad.body, /Enter where it takes place, or its video link/);
  const badTime = await schedule(id, adaProfile, manager, { time: '25:00' });
  assert.match(badTime.body, /Enter the time like 2:30pm or 14:30/);
  for (const who of [trustee, ada]) {
    assert.equal((await get(`/partnerships/${id}/chemistry/new`, who)).statusCode, 404);
    assert.equal((await schedule(id, adaProfile, who)).statusCode, 404);
  }
  assert.equal((await conversationsOf(id)).length, 0);
});

test('the outcome note is sealed, read by the mentee side alone, and each read is logged', async () => {
  const id = await partnership();
  await schedule(id, adaProfile);
  await schedule(id, eveProfile);
  const [conversation] = (await conversationsOf(id)).filter((each) => each.mentorPersonId === ada.person.id);
  assert.ok(conversation);
  const url = `/partnerships/${id}/chemistry/${conversation.id}`;
  const plaintext = 'Warm, direct, knows turnaround well';
  const saved = await post(url, mentee, { intent: 'note', note: plaintext });
  assert.equal(saved.statusCode, 303);
  const [stored] = await db
    .select({ sealed: chemistryConversations.outcomeNoteCiphertext })
    .from(chemistryConversations)
    .where(eq(chemistryConversations.id, conversation.id));
  const sealed = stored?.sealed ?? '';
  assert.ok(sealed.startsWith('n1.'));
  assert.ok(!sealed.includes('turnaround'), 'no plaintext in the table');

  const mine = await get(url, mentee);
  assert.equal(mine.statusCode, 200);
  assert.match(mine.body, new RegExp(plaintext));
  const reads = await db
    .select()
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.action, 'confidential.read'),
        sql`${auditEvents.details} ->> 'kind' = 'partnership.chemistry-note'`,
        sql`${auditEvents.details} ->> 'conversationId' = ${conversation.id}`,
      ),
    );
  assert.equal(reads.length, 1);
  assert.equal(reads[0]?.actorPersonId, mentee.person.id);

  for (const who of [ada, manager]) {
    const page = await get(url, who);
    assert.equal(page.statusCode, 200, 'the mentor and the provider see the time and place');
    assert.match(page.body, /video\.example\.test/);
    assert.doesNotMatch(page.body, /Warm, direct/);
    assert.doesNotMatch(page.body, /Outcome note/);
    assert.equal((await post(url, who, { intent: 'note', note: 'Overwritten' })).statusCode, 403);
  }
  for (const who of [eve, trustee]) assert.equal((await get(url, who)).statusCode, 404);
});

test('the mentee chooses after a held conversation; the provider confirms, making the mentor a participant', async () => {
  const id = await partnership();
  await schedule(id, adaProfile);
  await schedule(id, eveProfile);
  const rows = await conversationsOf(id);
  const adaConversation = rows.find((each) => each.mentorPersonId === ada.person.id);
  assert.ok(adaConversation);
  const early = await post(`/partnerships/${id}/choose`, mentee, { conversationId: adaConversation.id });
  assert.equal(early.statusCode, 409, 'not held yet');
  const notYet = await post(`/partnerships/${id}/confirm-match`, manager, {});
  assert.equal(notYet.statusCode, 409);
  assert.match(notYet.body, /has not chosen a mentor yet/);

  const held = await post(`/partnerships/${id}/chemistry/${adaConversation.id}`, mentee, { intent: 'held' });
  assert.equal(held.statusCode, 303);
  assert.equal(
    (await post(`/partnerships/${id}/choose`, manager, { conversationId: adaConversation.id })).statusCode,
    404,
  );
  const chosen = await post(`/partnerships/${id}/choose`, mentee, { conversationId: adaConversation.id });
  assert.equal(chosen.statusCode, 303);
  assert.equal((await post(`/partnerships/${id}/confirm-match`, mentee, {})).statusCode, 404);

  const matching = await get(`/partnerships/${id}/matching`, manager);
  assert.match(matching.body, /The mentee chose/);
  const confirmed = await post(`/partnerships/${id}/confirm-match`, manager, {});
  assert.equal(confirmed.statusCode, 303);
  const after = await stateOf(id);
  assert.equal(after?.state, 'agreement');
  assert.equal(after?.matchConfirmedByPersonId, manager.person.id);
  assert.ok(after?.matchConfirmedAt);
  const participants = await db
    .select()
    .from(partnershipParticipants)
    .where(eq(partnershipParticipants.partnershipId, id));
  const mentor = participants.find((each) => each.personId === ada.person.id);
  assert.equal(mentor?.side, 'mentor');
  assert.equal(mentor?.lead, true);

  const twice = await post(`/partnerships/${id}/confirm-match`, manager, {});
  assert.equal(twice.statusCode, 409, 'the agreement stage is past matching');
  assert.match(twice.body, /That cannot be done at this stage/);

  const content = (who: SignedIn) =>
    allowedIds(db, { actor: viewerOf(who), permission: seePartnershipContent, ids: [id] });
  assert.ok((await content(ada)).has(id), 'the chosen mentor reads the content');
  assert.equal((await content(eve)).size, 0, 'the mentor not chosen does not');
  assert.equal((await get(`/partnerships/${id}/preferences`, eve)).statusCode, 404);
  assert.equal((await get(`/partnerships/${id}/matching`, eve)).statusCode, 404);
  assert.notEqual((await get(`/partnerships/${id}`, eve)).statusCode, 200);
});

function viewerOf(who: SignedIn) {
  return {
    personId: who.person.id,
    displayName: who.person.displayName,
    email: who.person.email,
    mfaEnabled: true,
    memberships: [],
  };
}

test('a conversation can be cancelled, and then another with the same mentor scheduled', async () => {
  const id = await partnership();
  await schedule(id, adaProfile);
  const [row] = await conversationsOf(id);
  assert.ok(row);
  assert.equal((await post(`/partnerships/${id}/chemistry/${row.id}`, ada, { intent: 'cancelled' })).statusCode, 403);
  assert.equal(
    (await post(`/partnerships/${id}/chemistry/${row.id}`, manager, { intent: 'cancelled' })).statusCode,
    303,
  );
  assert.equal((await schedule(id, adaProfile)).statusCode, 303);
  assert.equal((await conversationsOf(id)).length, 2);
});
