/**
 * A peer triad: three trusts, each both challenging and challenged (SPEC §2). Every trust's people
 * take part on the one "peer" side, so what other partnerships settle by side, a triad settles by
 * trust: each trust's lead accepts the agreement, and the peers write one view in the review.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eq } from 'drizzle-orm';
import { buildTestApp } from '../../../test/support/app.ts';
import { createOrganisation } from '../../../test/support/factories.ts';
import { createPartnership, createService } from '../../../test/support/partnership-factories.ts';
import { postForm, signIn, type SignedIn } from '../../../test/support/sign-in.ts';
import { partnershipGoals } from './meetings.tables.ts';
import { partnerships } from './partnerships.tables.ts';

const { app, db } = await buildTestApp();
const get = (url: string, who: SignedIn) => app.inject({ method: 'GET', url, cookies: who.cookies });
const send = (url: string, fields: Record<string, string>, who: SignedIn) =>
  postForm(app, { url, from: '/account', cookies: who.cookies, fields });

const provider = await createOrganisation(db, { kind: 'provider', name: 'Peer Networks' });
const service = await createService(db, { provider, kind: 'peer_triad', name: 'Peer triads' });
const manager = await signIn(db, 'programme_manager', provider);
const ashTrust = await createOrganisation(db, { name: 'Ash Trust' });
const birchTrust = await createOrganisation(db, { name: 'Birch Trust' });
const cedarTrust = await createOrganisation(db, { name: 'Cedar Trust' });
const ash = await signIn(db, 'ceo', ashTrust);
const ashDeputy = await signIn(db, 'executive', ashTrust);
const birch = await signIn(db, 'ceo', birchTrust);
// Cedar Trust names no lead: both its people answer for it.
const cedar = await signIn(db, 'ceo', cedarTrust);
const cedarDeputy = await signIn(db, 'executive', cedarTrust);
const outsider = await signIn(db, 'ceo');

async function triad(state: 'agreement' | 'meetings' = 'agreement') {
  return createPartnership(db, {
    service,
    kind: 'peer_triad',
    state,
    title: 'Ash, Birch and Cedar',
    others: [
      { person: ash.person, side: 'peer', organisationId: ashTrust.id, lead: true },
      { person: ashDeputy.person, side: 'peer', organisationId: ashTrust.id },
      { person: birch.person, side: 'peer', organisationId: birchTrust.id, lead: true },
      { person: cedar.person, side: 'peer', organisationId: cedarTrust.id },
      { person: cedarDeputy.person, side: 'peer', organisationId: cedarTrust.id },
    ],
  });
}

const stateOf = async (id: string) =>
  (await db.select({ state: partnerships.state }).from(partnerships).where(eq(partnerships.id, id)))[0]?.state;

async function accept(id: string, who: SignedIn) {
  const url = `/partnerships/${id}/agreement`;
  const page = await get(url, who);
  const agreementId = /name="agreementId" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
  return postForm(app, {
    url,
    from: url,
    cookies: who.cookies,
    fields: { agreementId, fullName: who.person.displayName, accept: 'yes' },
  });
}

test('every peer reads the triad; the provider sees its summary; nobody else finds it', async () => {
  const id = await triad('meetings');
  for (const peer of [ash, ashDeputy, birch, cedar, cedarDeputy]) {
    const page = await get(`/partnerships/${id}`, peer);
    assert.equal(page.statusCode, 200, `${peer.person.displayName} takes part`);
    assert.match(page.body, /Ash, Birch and Cedar/);
  }
  assert.equal((await get(`/partnerships/${id}`, manager)).statusCode, 200);
  assert.equal((await get(`/partnerships/${id}`, outsider)).statusCode, 404);
  const participants = await get(`/partnerships/${id}/participants`, ash);
  for (const trust of ['Ash Trust', 'Birch Trust', 'Cedar Trust']) assert.match(participants.body, new RegExp(trust));
  // Each trust is mentored, so each may see who read the partnership.
  const reads = await get(`/partnerships/${id}/reads`, cedarDeputy);
  assert.equal(reads.statusCode, 200);
  assert.match(reads.body, new RegExp(ash.person.displayName));
});

test('the agreement names every peer on both sides, and waits for each trust: its lead, or all its people', async () => {
  const id = await triad();
  const made = await postForm(app, {
    url: `/partnerships/${id}/agreement/new-version`,
    from: `/partnerships/${id}/agreement/new-version`,
    cookies: manager.cookies,
    fields: { number: '1' },
  });
  assert.equal(made.statusCode, 303);
  const page = await get(`/partnerships/${id}/agreement`, birch);
  for (const peer of [ash, birch, cedar, cedarDeputy]) assert.ok(page.body.includes(peer.person.displayName));
  assert.equal((page.body.match(/Not accepted yet/g) ?? []).length, 4, 'two leads and both of Cedar’s people');

  for (const peer of [ash, birch, cedar]) {
    assert.equal((await accept(id, peer)).statusCode, 303);
    assert.equal(await stateOf(id), 'agreement', `not yet, after ${peer.person.displayName}`);
  }
  const last = await accept(id, cedarDeputy);
  assert.equal(last.headers.location, `/partnerships/${id}/agreement?done=all-accepted`);
  assert.equal(await stateOf(id), 'preparation');
});

test('the peers write one view of each goal, and whoever answers for a peer trust makes the decision', async () => {
  const id = await triad('meetings');
  const [goal] = await db
    .insert(partnershipGoals)
    .values({
      partnershipId: id,
      title: 'Shared curriculum',
      measureOfSuccess: 'Adopted',
      position: 0,
      creationKey: `g-${id}`,
    })
    .returning({ id: partnershipGoals.id });
  assert.ok(goal);
  const review = `/partnerships/${id}/review`;
  const page = await get(review, cedar);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Your side’s view: Peers/);
  const asMentor = await send(review, { side: 'mentor', [`progress-${goal.id}`]: 'Not our side' }, ash);
  assert.equal(asMentor.statusCode, 403, 'a triad has no mentor side to write for');
  assert.equal(await stateOf(id), 'meetings', 'and the refusal opened no review');
  assert.equal(
    (await send(review, { side: 'peer', [`progress-${goal.id}`]: 'Adopted in all three' }, birch)).statusCode,
    303,
  );

  const decision = `/partnerships/${id}/decision`;
  const byNonLead = await send(decision, { decision: 'close', sustainNote: 'Termly visits' }, ashDeputy);
  assert.equal(byNonLead.statusCode, 403, 'Ash Trust has a lead, who decides for it');
  assert.equal(await stateOf(id), 'review', 'still open: the peers’ view opened the review');
  // Cedar Trust named no lead, so its people answer for it.
  const byCedar = await send(decision, { decision: 'close', sustainNote: 'Termly visits between the three' }, cedar);
  assert.equal(byCedar.statusCode, 303);
  assert.equal(await stateOf(id), 'closed');
});

test('a trust is never left out of its triad: its last person and its last lead stay', async () => {
  const id = await triad('meetings');
  const remove = (whom: SignedIn) => {
    const url = `/partnerships/${id}/participants/${whom.person.id}/remove`;
    return postForm(app, { url, from: url, cookies: manager.cookies, fields: {} });
  };
  assert.equal((await remove(cedarDeputy)).statusCode, 303);
  const lastOfCedar = await remove(cedar);
  assert.equal(lastOfCedar.statusCode, 409, 'other trusts’ peers remain, but Cedar Trust would have nobody');
  assert.ok(lastOfCedar.body.includes(`${cedar.person.displayName} is the only participant for Cedar Trust.`));
  const lastLeadOfAsh = await remove(ash);
  assert.equal(lastLeadOfAsh.statusCode, 409);
  assert.ok(lastLeadOfAsh.body.includes(`${ash.person.displayName} is the only lead contact of Ash Trust.`));
  assert.equal((await get(`/partnerships/${id}`, cedar)).statusCode, 200);
});
