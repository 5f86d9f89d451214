import assert from 'node:assert/strict';
import { test } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import { auditEvents } from '../../platform/audit/audit.tables.ts';
import { buildTestApp } from '../../../test/support/app.ts';
import { createAction, createPlan, createPriority } from '../../../test/support/plan-factories.ts';
import { postForm, signIn, type SignedIn } from '../../../test/support/sign-in.ts';
import { planShares } from './plan-sharing.tables.ts';

const { app, db } = await buildTestApp();
const get = (url: string, who: SignedIn) => app.inject({ method: 'GET', url, cookies: who.cookies });

const ceo = await signIn(db, 'ceo');
const trust = ceo.organisation;
const seniorLeader = await signIn(db, 'senior_leader', trust);
const mentor = await signIn(db, 'mentor');
const partnerCeo = await signIn(db, 'ceo');
const partnerStaff = await signIn(db, 'senior_leader', partnerCeo.organisation);
const outsider = await signIn(db, 'ceo');

async function planWithPriority(title = 'Shared plan') {
  const planId = await createPlan(db, { organisation: trust, title });
  const priorityId = await createPriority(db, planId, { title: 'Clarity of purpose' });
  await createAction(db, { planId, priorityId, owner: ceo.person });
  return { planId, priorityId };
}

const share = (planId: string, fields: Record<string, string>, who: SignedIn = ceo) =>
  postForm(app, { url: `/plans/${planId}/sharing`, from: `/plans/${planId}/sharing`, cookies: who.cookies, fields });

const sharesOf = (planId: string) => db.select().from(planShares).where(eq(planShares.planId, planId));

const eventsOf = (planId: string, action: string) =>
  db
    .select()
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.action, action),
        sql`${auditEvents.details} ->> ${action === 'confidential.read' ? 'id' : 'planId'} = ${planId}`,
      ),
    );

test('shared with a mentor by email: they find it, read it, and the trust sees the share and the read', async () => {
  const { planId } = await planWithPriority('Plan for the mentor');
  assert.equal((await get(`/plans/${planId}`, mentor)).statusCode, 404, 'not shared yet');
  const shared = await share(planId, {
    with: 'person',
    email: mentor.person.email.toUpperCase(),
    personAccess: 'comment',
  });
  assert.equal(shared.statusCode, 303);
  assert.equal(shared.headers.location, `/plans/${planId}/sharing?done=shared`);
  assert.match((await get('/plans', mentor)).body, /Shared with you[\s\S]*Plan for the mentor[\s\S]*Read and comment/);
  const page = await get(`/plans/${planId}`, mentor);
  assert.equal(page.statusCode, 200);
  assert.doesNotMatch(page.body, /Add a priority|Sharing and reads/, 'a mentor reads; the trust changes and shares');
  const [event] = await eventsOf(planId, 'plan.shared');
  assert.equal(event?.subjectPersonId, mentor.person.id);
  assert.equal(event?.organisationId, trust.id);
  const sharing = await get(`/plans/${planId}/sharing`, ceo);
  assert.match(sharing.body, new RegExp(`${mentor.person.displayName}[\\s\\S]*Read and comment`));
  assert.match(sharing.body, /Who has read the plan[\s\S]*Looked at the plan/);
});

test('shared with a partner trust: its leaders read it, its other staff do not', async () => {
  const { planId } = await planWithPriority();
  const shared = await share(planId, {
    with: 'trust',
    trust: partnerCeo.organisation.name.toLowerCase(),
    trustAccess: 'read',
  });
  assert.equal(shared.statusCode, 303);
  assert.equal((await get(`/plans/${planId}`, partnerCeo)).statusCode, 200);
  assert.equal((await get(`/plans/${planId}`, partnerStaff)).statusCode, 404);
  const [row] = await sharesOf(planId);
  assert.equal(row?.organisationId, partnerCeo.organisation.id);
});

test('stopping a share closes every plan URL to them again, and both steps are logged', async () => {
  const { planId, priorityId } = await planWithPriority();
  await share(planId, { with: 'person', email: mentor.person.email, personAccess: 'comment' });
  const [row] = await sharesOf(planId);
  assert.ok(row);
  const revoke = () =>
    postForm(app, {
      url: `/plans/${planId}/sharing/${row.id}/revoke`,
      from: `/plans/${planId}/sharing`,
      cookies: ceo.cookies,
      fields: {},
    });
  assert.equal((await revoke()).statusCode, 303);
  assert.equal((await revoke()).statusCode, 303, 'a second press changes nothing');
  for (const url of [
    `/plans/${planId}`,
    `/plans/${planId}/priorities/${priorityId}/comments`,
    `/plans/${planId}/timeline`,
  ]) {
    assert.equal((await get(url, mentor)).statusCode, 404, url);
  }
  assert.equal((await eventsOf(planId, 'plan.share_revoked')).length, 1);
  assert.match((await get(`/plans/${planId}/sharing`, ceo)).body, /No longer shared with/);
});

test('a read-only share reads the comments but may not add one', async () => {
  const { planId, priorityId } = await planWithPriority();
  await share(planId, { with: 'person', email: mentor.person.email, personAccess: 'read' });
  const url = `/plans/${planId}/priorities/${priorityId}/comments`;
  const page = await get(url, mentor);
  assert.equal(page.statusCode, 200);
  assert.doesNotMatch(page.body, /Post the comment/);
  const sent = await postForm(app, { url, from: url, cookies: mentor.cookies, fields: { body: 'May I?' } });
  assert.equal(sent.statusCode, 403);
});

test('mistakes are explained and share nothing', async () => {
  const { planId } = await planWithPriority();
  const cases: Array<[Record<string, string>, RegExp]> = [
    [
      { with: 'person', email: 'nobody@example.test', personAccess: 'read' },
      /No one with a Tandem account uses that email/,
    ],
    [{ with: 'person', email: ceo.person.email, personAccess: 'read' }, /your own email address/],
    [{ with: 'person', email: 'not an address', personAccess: 'read' }, /correct format/],
    [{ with: 'trust', trust: trust.name, trustAccess: 'read' }, /own plan: its people can read it already/],
    [{ with: 'trust', trust: 'No Such Trust Anywhere', trustAccess: 'read' }, /No trust has that name/],
    [{ with: 'trust', trust: partnerCeo.organisation.name, trustAccess: 'edit' }, /Select whether they may comment/],
  ];
  for (const [fields, message] of cases) {
    const response = await share(planId, fields);
    assert.equal(response.statusCode, 400, JSON.stringify(fields));
    assert.match(response.body, message);
  }
  assert.equal((await sharesOf(planId)).length, 0);
});

test('only those who change the plan share it; to anyone else the sharing page does not exist', async () => {
  const { planId } = await planWithPriority();
  for (const who of [seniorLeader, outsider, mentor]) {
    assert.equal((await get(`/plans/${planId}/sharing`, who)).statusCode, 404);
    const response = await share(planId, { with: 'person', email: mentor.person.email, personAccess: 'comment' }, who);
    assert.equal(response.statusCode, 404);
  }
  assert.equal((await sharesOf(planId)).length, 0);
});

test('sharing again the other way changes the access of the one live share', async () => {
  const { planId } = await planWithPriority();
  await share(planId, { with: 'person', email: mentor.person.email, personAccess: 'read' });
  const again = await share(planId, { with: 'person', email: mentor.person.email, personAccess: 'read' });
  assert.equal(again.headers.location, `/plans/${planId}/sharing?done=share-unchanged`);
  await share(planId, { with: 'person', email: mentor.person.email, personAccess: 'comment' });
  const rows = await sharesOf(planId);
  assert.deepEqual(
    rows.map((row) => row.access),
    ['comment'],
  );
});

test('ten addresses without an account an hour; after that no address is looked up, and the refusal is audited', async () => {
  const sharer = await signIn(db, 'ceo');
  const planId = await createPlan(db, { organisation: sharer.organisation, title: 'Plan of a busy sharer' });
  const shareWith = (email: string, personAccess = 'read') =>
    share(planId, { with: 'person', email, personAccess }, sharer);
  for (let miss = 1; miss <= 10; miss += 1) {
    const response = await shareWith(`nobody-${miss}@example.test`);
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /No one with a Tandem account uses that email/, `miss ${miss} is still answered`);
    // Finding someone costs nothing: were these counted, the last misses would be refused.
    if (miss === 3) assert.equal((await shareWith(mentor.person.email)).statusCode, 303);
    if (miss === 6) assert.match((await shareWith(sharer.person.email)).body, /your own email address/);
  }
  const refused = await shareWith(mentor.person.email, 'comment');
  assert.equal(refused.statusCode, 400);
  assert.match(refused.body, /You have looked up too many addresses that have no account. Try again in an hour/);
  assert.deepEqual(
    (await sharesOf(planId)).map((row) => row.access),
    ['read'],
    'the share made before is unchanged',
  );
  const audited = await db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, 'email_lookup.refused'), eq(auditEvents.actorPersonId, sharer.person.id)));
  assert.deepEqual(audited[0]?.details, { reason: 'too_many_misses', purpose: 'plan.share' });
  const trustShare = await share(
    planId,
    { with: 'trust', trust: partnerCeo.organisation.name, trustAccess: 'read' },
    sharer,
  );
  assert.equal(trustShare.statusCode, 303, 'trusts are public and are not counted');
  const { planId: another } = await planWithPriority('Plan of someone else');
  const byAnother = await share(another, { with: 'person', email: mentor.person.email, personAccess: 'read' });
  assert.equal(byAnother.statusCode, 303, 'each person has their own count');
});
