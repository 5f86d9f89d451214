import assert from 'node:assert/strict';
import { test } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import { auditEvents } from '../../platform/audit/audit.tables.ts';
import { buildTestApp } from '../../../test/support/app.ts';
import { createPartnership, createService } from '../../../test/support/partnership-factories.ts';
import { postForm, signIn, type SignedIn } from '../../../test/support/sign-in.ts';
import { partnershipParticipants } from './partnerships.tables.ts';

const { app, db } = await buildTestApp();
const get = (url: string, who: SignedIn) => app.inject({ method: 'GET', url, cookies: who.cookies });

const manager = await signIn(db, 'programme_manager');
const service = await createService(db, { provider: manager.organisation, kind: 'trust_to_trust' });
const otherProviderManager = await signIn(db, 'programme_manager');

/**
 * A trust-to-trust partnership: the mentee side's lead and a colleague, the mentor side's lead
 * and a second mentor who is not a lead. Each test has its own, so removals do not add up.
 */
async function scene() {
  const mentee = await signIn(db, 'ceo');
  const colleague = await signIn(db, 'executive', mentee.organisation);
  const mentorLead = await signIn(db, 'mentor', manager.organisation);
  const secondMentor = await signIn(db, 'mentor', manager.organisation);
  const id = await createPartnership(db, {
    service,
    kind: 'trust_to_trust',
    mentee: mentee.person,
    mentor: mentorLead.person,
    menteeTrust: mentee.organisation,
    others: [
      { person: colleague.person, side: 'mentee', organisationId: mentee.organisation.id },
      { person: secondMentor.person, side: 'mentor' },
    ],
  });
  const participants = `/partnerships/${id}/participants`;
  return { id, mentee, colleague, mentorLead, secondMentor, participants };
}

const takesPart = async (partnershipId: string, who: SignedIn) =>
  (
    await db
      .select()
      .from(partnershipParticipants)
      .where(
        and(
          eq(partnershipParticipants.partnershipId, partnershipId),
          eq(partnershipParticipants.personId, who.person.id),
        ),
      )
  ).length === 1;

const removalsOf = (partnershipId: string) =>
  db
    .select()
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.action, 'partnership.participant_removed'),
        sql`${auditEvents.details} ->> 'id' = ${partnershipId}`,
      ),
    );

const removal = (participants: string, whom: SignedIn) => `${participants}/${whom.person.id}/remove`;
const remove = (participants: string, whom: SignedIn, by: SignedIn) =>
  postForm(app, {
    url: removal(participants, whom),
    from: removal(participants, whom),
    cookies: by.cookies,
    fields: {},
  });

test('the provider removes a participant after confirming: they lose the partnership at once, and it is audited', async () => {
  const { id, secondMentor, participants } = await scene();
  assert.equal((await get(`/partnerships/${id}`, secondMentor)).statusCode, 200, 'they take part before');
  const list = await get(participants, manager);
  assert.ok(list.body.includes(`href="${removal(participants, secondMentor)}"`), 'each row links to it');

  const confirm = await get(removal(participants, secondMentor), manager);
  assert.equal(confirm.statusCode, 200);
  assert.ok(confirm.body.includes(`Remove ${secondMentor.person.displayName} from the partnership?`));
  assert.match(confirm.body, /name="_csrf"/);
  assert.ok(confirm.body.includes(`action="${removal(participants, secondMentor)}"`));
  assert.ok(await takesPart(id, secondMentor), 'asking changes nothing');

  const removed = await remove(participants, secondMentor, manager);
  assert.equal(removed.statusCode, 303);
  assert.equal(removed.headers.location, `${participants}?done=removed`);
  assert.equal(await takesPart(id, secondMentor), false);
  for (const url of [`/partnerships/${id}`, `/partnerships/${id}/meetings`, participants]) {
    assert.equal((await get(url, secondMentor)).statusCode, 404, `${url}: not found for them any more`);
  }
  const after = await get(`${participants}?done=removed`, manager);
  assert.match(after.body, /They have been removed from the partnership/);
  assert.ok(!after.body.includes(secondMentor.person.displayName), 'no longer listed');

  const [event, ...more] = await removalsOf(id);
  assert.equal(more.length, 0);
  assert.equal(event?.actorPersonId, manager.person.id);
  assert.equal(event?.subjectPersonId, secondMentor.person.id, 'they see it on their account activity');
  assert.equal(event?.organisationId, null, 'filed under no organisation: the trust learns nothing');

  const again = await remove(participants, secondMentor, manager);
  assert.equal(again.statusCode, 303, 'a second press is not an error');
  assert.equal(again.headers.location, `${participants}?done=not-taking-part`);
  assert.equal((await removalsOf(id)).length, 1, 'and records nothing more');
});

test('the last lead contact of a side, or its last participant, is not removed: a clear error, nothing changed', async () => {
  const { id, mentee, colleague, mentorLead, secondMentor, participants } = await scene();
  const asked = await get(removal(participants, mentorLead), manager);
  assert.equal(asked.statusCode, 200);
  assert.match(asked.body, /They take part on the mentor side, as a lead contact\./);
  assert.match(asked.body, /is the only lead contact of the mentor side/);
  assert.doesNotMatch(asked.body, /Yes, remove them/, 'no button for what cannot be done');

  const lastLead = await remove(participants, mentorLead, manager);
  assert.equal(lastLead.statusCode, 409);
  assert.match(lastLead.body, /<title>Error: /);
  assert.match(lastLead.body, /govuk-error-summary/);
  assert.ok(
    lastLead.body.includes(
      `${mentorLead.person.displayName} is the only lead contact of the mentor side. Add another lead contact to the mentor side before removing them`,
    ),
  );
  assert.ok(await takesPart(id, mentorLead));

  // Removing the colleague leaves the mentee alone on their side; then the mentee is its last participant.
  assert.equal((await remove(participants, colleague, manager)).statusCode, 303);
  const lastOne = await remove(participants, mentee, manager);
  assert.equal(lastOne.statusCode, 409);
  assert.ok(lastOne.body.includes(`${mentee.person.displayName} is the only participant on the mentee side.`));
  assert.ok(await takesPart(id, mentee));
  assert.ok(await takesPart(id, secondMentor));
  assert.equal((await removalsOf(id)).length, 1, 'only the colleague’s removal');
  assert.equal((await get(`/partnerships/${id}`, mentee)).statusCode, 200);
});

test('only the provider’s staff remove people: participants are refused, anyone else finds nothing', async () => {
  const { id, mentee, colleague, mentorLead, participants } = await scene();
  const outsider = await signIn(db, 'ceo');
  for (const [who, status] of [
    [mentee, 403],
    [mentorLead, 403],
    [otherProviderManager, 404],
    [outsider, 404],
  ] as const) {
    assert.equal((await get(removal(participants, colleague), who)).statusCode, status);
    assert.equal((await remove(participants, colleague, who)).statusCode, status);
    assert.ok(await takesPart(id, colleague), `${who.person.displayName} removed nobody`);
  }
  const list = await get(participants, mentee);
  assert.doesNotMatch(list.body, /\/remove"/, 'participants are offered no remove links');

  // Without the form's CSRF token nothing happens, whoever sends it.
  const forged = await app.inject({
    method: 'POST',
    url: removal(participants, colleague),
    cookies: manager.cookies,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: '',
  });
  assert.equal(forged.statusCode, 403);
  assert.ok(await takesPart(id, colleague));

  // Someone who does not take part, or an address that names nobody, is not found.
  assert.equal((await get(removal(participants, outsider), manager)).statusCode, 404);
  assert.equal((await get(`${participants}/not-an-id/remove`, manager)).statusCode, 404);
  assert.equal((await removalsOf(id)).length, 0);
});

test('adding people by email: ten addresses with no account an hour, then every lookup is refused', async () => {
  const { id, participants } = await scene();
  const staff = await signIn(db, 'programme_manager', manager.organisation);
  const add = (email: string) =>
    postForm(app, { url: participants, from: participants, cookies: staff.cookies, fields: { email, side: 'mentor' } });
  for (let miss = 1; miss <= 10; miss += 1) {
    const response = await add(`nobody-${miss}@example.test`);
    assert.match(response.body, /No one with a Tandem account uses that email address/, `miss ${miss} is answered`);
  }
  const latecomer = await signIn(db, 'mentor', manager.organisation);
  const refused = await add(latecomer.person.email);
  assert.equal(refused.statusCode, 400);
  assert.match(refused.body, /You have looked up too many addresses that have no account. Try again in an hour/);
  assert.equal(await takesPart(id, latecomer), false, 'nobody was added');
  const audited = await db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, 'email_lookup.refused'), eq(auditEvents.actorPersonId, staff.person.id)));
  assert.deepEqual(
    audited.map((event) => event.details),
    [{ reason: 'too_many_misses', purpose: 'partnership.participant' }],
  );
});

test('the provider makes a participant a lead contact, and no longer one; a party keeps its last lead', async () => {
  const { id, mentorLead, secondMentor, participants } = await scene();
  const setLead = (whom: SignedIn, lead: string, by: SignedIn = manager) =>
    postForm(app, {
      url: `${participants}/${whom.person.id}/lead`,
      from: participants,
      cookies: by.cookies,
      fields: { lead },
    });
  const leadOf = async (whom: SignedIn) =>
    (
      await db
        .select({ lead: partnershipParticipants.lead })
        .from(partnershipParticipants)
        .where(and(eq(partnershipParticipants.partnershipId, id), eq(partnershipParticipants.personId, whom.person.id)))
    )[0]?.lead;
  const list = await get(participants, manager);
  assert.ok(list.body.includes(`aria-label="Make lead contact: ${secondMentor.person.displayName}"`));

  const refused = await setLead(mentorLead, 'no');
  assert.equal(refused.statusCode, 409);
  assert.match(refused.body, /<title>Error: /);
  assert.ok(
    refused.body.includes(
      `${mentorLead.person.displayName} is the only lead contact of the mentor side. Make someone else a lead contact of the mentor side first`,
    ),
  );
  assert.equal(await leadOf(mentorLead), true, 'nothing changed');

  const made = await setLead(secondMentor, 'yes');
  assert.equal(made.statusCode, 303);
  assert.equal(made.headers.location, `${participants}?done=lead-changed`);
  assert.equal(await leadOf(secondMentor), true);
  assert.equal((await setLead(secondMentor, 'yes')).statusCode, 303, 'a second press is not an error');
  assert.equal((await setLead(mentorLead, 'no')).statusCode, 303, 'now another lead answers for the mentor side');
  assert.equal(await leadOf(mentorLead), false);
  const changes = await db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, 'partnership.lead_changed'), sql`${auditEvents.details} ->> 'id' = ${id}`));
  assert.deepEqual(
    changes.map((event) => [event.subjectPersonId, event.details['lead'], event.organisationId]),
    [
      [secondMentor.person.id, true, null],
      [mentorLead.person.id, false, null],
    ],
    'two changes recorded, under no organisation; the second press recorded nothing',
  );

  assert.equal((await setLead(secondMentor, 'no', mentorLead)).statusCode, 403, 'participants may not');
  assert.equal((await setLead(secondMentor, 'no', otherProviderManager)).statusCode, 404);
  assert.equal((await setLead(secondMentor, 'maybe')).statusCode, 400);
  assert.equal(await leadOf(secondMentor), true);
});
