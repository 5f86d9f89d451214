import assert from 'node:assert/strict';
import { test } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import { auditEvents } from '../../platform/audit/audit.tables.ts';
import { buildTestApp } from '../../../test/support/app.ts';
import { createOrganisation } from '../../../test/support/factories.ts';
import { createPartnership, createService } from '../../../test/support/partnership-factories.ts';
import { postForm, signIn, type SignedIn } from '../../../test/support/sign-in.ts';
import { reviewOverdue } from './dashboard.service.ts';
import { addConfidentialContent, anySecret } from './confidential-content.fixture.ts';
import { partnershipParticipants } from './partnerships.tables.ts';

const { app, db } = await buildTestApp();
const get = (url: string, who: SignedIn) => app.inject({ method: 'GET', url, cookies: who.cookies });

const programmeManager = await signIn(db, 'programme_manager');
const provider = programmeManager.organisation;
const service = await createService(db, { provider });
const mentee = await signIn(db, 'ceo');
const menteeTrust = mentee.organisation;
const chair = await signIn(db, 'chair', menteeTrust);
const mentor = await signIn(db, 'mentor', provider);
const otherMentor = await signIn(db, 'mentor', provider);
const otherProviderManager = await signIn(db, 'programme_manager');
const administrator = await signIn(db, 'platform_administrator');

async function partnershipWithContent(title = 'Sam Patel (Carrow Trust)') {
  const id = await createPartnership(db, {
    service,
    mentee: mentee.person,
    mentor: mentor.person,
    menteeTrust,
    title,
  });
  await addConfidentialContent(db, id);
  return id;
}

test('participants see the partnership with its stages; the read is recorded for the mentee to see', async () => {
  const id = await partnershipWithContent();
  const page = await get(`/partnerships/${id}`, mentor);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Sam Patel \(Carrow Trust\)/);
  assert.match(page.body, /href="\/partnerships\/[^"]+\/meetings"/, 'the current stage links to its page');
  const reads = await db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, 'confidential.read'), sql`${auditEvents.details} ->> 'id' = ${id}`));
  assert.equal(reads.length, 1);
  assert.equal(reads[0]?.organisationId, null, 'filed under no organisation: the trust sees nothing');
  const log = await get(`/partnerships/${id}/reads`, mentee);
  assert.equal(log.statusCode, 200);
  assert.match(log.body, new RegExp(`${mentor.person.displayName}[\\s\\S]*Looked at the partnership`));
  assert.equal((await get(`/partnerships/${id}/reads`, mentor)).statusCode, 404, 'the log is the mentee’s');
});

test('the provider’s staff see parties, stage, dates and time used, never content, and their reads are not content reads', async () => {
  const id = await partnershipWithContent('Provider view');
  for (const url of [`/partnerships/${id}`, `/mentoring/providers/${provider.id}/dashboard`]) {
    const page = await get(url, programmeManager);
    assert.equal(page.statusCode, 200, url);
    assert.match(page.body, /Provider view/, url);
    assert.doesNotMatch(page.body, anySecret, url);
  }
  // The provider's partnerships are on its dashboard, a page at a time, not all on the list.
  const list = await get('/partnerships', programmeManager);
  assert.equal(list.statusCode, 200);
  assert.doesNotMatch(list.body, /Provider view/);
  assert.match(list.body, new RegExp(`href="/mentoring/providers/${provider.id}/dashboard"`));
  const overview = await get(`/partnerships/${id}`, programmeManager);
  assert.match(overview.body, /What is said and written in it is for its participants alone/);
  assert.match(overview.body, new RegExp(mentee.person.displayName));
  assert.match(overview.body, /0 hours of 56 hours used/);
});

test('nobody else reaches a partnership: the mentee trust’s chair, another mentor, another provider, an administrator', async () => {
  const id = await partnershipWithContent();
  for (const who of [chair, otherMentor, otherProviderManager, administrator]) {
    for (const url of [`/partnerships/${id}`, `/partnerships/${id}/participants`, `/partnerships/${id}/reads`]) {
      assert.equal((await get(url, who)).statusCode, 404, `${url} as ${who.person.displayName}`);
    }
    const list = await get('/partnerships', who);
    assert.doesNotMatch(list.body, /Sam Patel \(Carrow Trust\)|Provider view/);
  }
  assert.equal((await get(`/mentoring/providers/${provider.id}/dashboard`, otherProviderManager)).statusCode, 404);
  assert.equal((await get(`/mentoring/providers/${provider.id}/dashboard`, mentee)).statusCode, 404);
});

test('the provider adds a lead contact for a trust; a participant may not add anyone', async () => {
  const id = await createPartnership(db, { service, mentee: mentee.person });
  const url = `/partnerships/${id}/participants`;
  const partnerTrust = await createOrganisation(db, { companiesHouseNumber: '01234567' });
  const colleague = await signIn(db, 'executive', partnerTrust);
  const added = await postForm(app, {
    url,
    from: url,
    cookies: programmeManager.cookies,
    fields: { email: colleague.person.email, side: 'mentor', trust: '01234567', lead: 'yes' },
  });
  assert.equal(added.statusCode, 303);
  const [row] = await db
    .select()
    .from(partnershipParticipants)
    .where(
      and(eq(partnershipParticipants.partnershipId, id), eq(partnershipParticipants.personId, colleague.person.id)),
    );
  assert.deepEqual([row?.side, row?.lead, row?.organisationId], ['mentor', true, partnerTrust.id]);
  assert.match(
    (await get(url, programmeManager)).body,
    new RegExp(`${colleague.person.displayName} \\(lead contact\\)`),
  );

  const unknown = await postForm(app, {
    url,
    from: url,
    cookies: programmeManager.cookies,
    fields: { email: 'nobody@example.test', side: 'mentor' },
  });
  assert.equal(unknown.statusCode, 400);
  assert.match(unknown.body, /No one with a Tandem account uses that email address/);
  const byMentee = await postForm(app, {
    url,
    from: url,
    cookies: mentee.cookies,
    fields: { email: chair.person.email, side: 'mentee' },
  });
  assert.equal(byMentee.statusCode, 403);
});

test('a review is overdue once a partnership in its meetings reaches its last term', () => {
  assert.equal(reviewOverdue({ state: 'meetings', endsOn: '2027-08-31' }, '2027-05-03'), true);
  assert.equal(reviewOverdue({ state: 'meetings', endsOn: '2027-08-31' }, '2027-01-04'), false);
  assert.equal(reviewOverdue({ state: 'review', endsOn: '2027-08-31' }, '2027-07-01'), false, 'already reviewing');
  assert.equal(reviewOverdue({ state: 'meetings', endsOn: null }, '2027-07-01'), false);
});
