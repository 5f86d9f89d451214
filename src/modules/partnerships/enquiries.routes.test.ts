import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import { eq } from 'drizzle-orm';
import { buildTestApp } from '../../../test/support/app.ts';
import { createOrganisation, createPerson } from '../../../test/support/factories.ts';
import { createService } from '../../../test/support/partnership-factories.ts';
import { formSession, postForm, signIn } from '../../../test/support/sign-in.ts';
import { outboxMessages } from '../../platform/mail/mail.tables.ts';
import { ENQUIRY_LIMIT } from './enquiries.service.ts';
import { enquiries, mentoringServices, partnershipParticipants, partnerships } from './partnerships.tables.ts';

const { app, db } = await buildTestApp();
const get = (url: string, cookies: Record<string, string> = {}) => app.inject({ method: 'GET', url, cookies });

const manager = await signIn(db, 'programme_manager');
const provider = manager.organisation;
const secondManager = await signIn(db, 'programme_manager', provider);
const mentor = await signIn(db, 'mentor', provider);
const otherManager = await signIn(db, 'programme_manager');
const trust = await createOrganisation(db, { kind: 'trust', name: `Carrow Trust ${randomUUID().slice(0, 8)}` });
const ceo = await signIn(db, 'ceo', trust);
const service = await createService(db, { provider, name: 'CEO mentoring', feePence: 300_000 });
const enquire = `/mentoring/services/${service.id}/enquire`;

let addressCount = 0;
/** A fresh network address, so that tests do not share the limit unless they mean to. */
const newAddress = () => `192.0.2.${++addressCount}`;

const enquiryFields = (overrides: Record<string, string> = {}) => ({
  name: 'Sam Patel',
  email: `sam-${randomUUID().slice(0, 8)}@example.test`,
  jobTitle: 'Chief executive',
  organisationName: trust.name.toUpperCase(),
  message: 'I would like a mentor for my second year as chief executive.',
  website: '',
  ...overrides,
});

/** Sends the enquiry form as a browser at `address` would. */
async function sendEnquiry(
  fields: Record<string, string>,
  {
    cookies = {},
    address = newAddress(),
    url = enquire,
  }: { cookies?: Record<string, string>; address?: string; url?: string } = {},
) {
  const session = await formSession(app, enquire, cookies);
  return app.inject({
    method: 'POST',
    url,
    cookies: session.cookies,
    remoteAddress: address,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ _csrf: session.csrfToken, ...fields }).toString(),
  });
}

const enquiriesByEmail = (email: string) => db.select().from(enquiries).where(eq(enquiries.email, email));

test('anyone signed out asks about a service; the trust is matched and the programme managers are told without the message', async () => {
  const page = await get(enquire);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Ask about CEO mentoring/);
  assert.match(page.body, /aria-hidden="true"/, 'the trap field is hidden from people');
  const fields = enquiryFields();
  const response = await sendEnquiry(fields);
  assert.equal(response.statusCode, 303);
  assert.equal(response.headers.location, `${enquire}/sent`);
  const [stored] = await enquiriesByEmail(fields.email);
  assert.ok(stored);
  assert.equal(stored.trustId, trust.id, 'the trust typed in capitals is the one in the register');
  assert.equal(stored.personId, null);
  assert.equal(stored.status, 'new');
  const sent = await get(`${enquire}/sent`);
  assert.equal(sent.statusCode, 200);
  assert.match(sent.body, /Enquiry sent/);
  const mail = await db
    .select()
    .from(outboxMessages)
    .where(eq(outboxMessages.subject, 'New enquiry about CEO mentoring'));
  assert.deepEqual(mail.map((message) => message.to).sort(), [manager.person.email, secondManager.person.email].sort());
  for (const message of mail) {
    assert.match(message.text, /\/mentoring\/enquiries/);
    assert.doesNotMatch(message.text, /second year/, 'the message stays on Tandem');
  }
});

test('signed in, the form starts from the account and the enquiry records who sent it', async () => {
  const page = await get(enquire, ceo.cookies);
  assert.ok(page.body.includes(`value="${ceo.person.email}"`));
  assert.ok(page.body.includes(`value="${trust.name}"`));
  const response = await sendEnquiry(enquiryFields({ email: ceo.person.email, organisationName: 'Somewhere else' }), {
    cookies: ceo.cookies,
  });
  assert.equal(response.statusCode, 303);
  const [stored] = await enquiriesByEmail(ceo.person.email);
  assert.equal(stored?.personId, ceo.person.id);
  assert.equal(stored?.trustId, null, 'an organisation not in the register names no trust');
});

test('mistakes come back with each message; closed and unknown services are not found', async () => {
  const response = await sendEnquiry({ name: '', email: 'not an email', organisationName: '', message: '' });
  assert.equal(response.statusCode, 400);
  for (const message of [
    'Enter your name',
    'Enter an email address in the correct format, like name@example.com',
    'Enter the name of your trust or organisation',
    'Enter your message',
  ]) {
    assert.ok(response.body.includes(message), message);
  }
  assert.match(response.body, /value="not an email"/);
  const closed = await createService(db, { provider, name: 'Closed service' });
  await db.update(mentoringServices).set({ open: false }).where(eq(mentoringServices.id, closed.id));
  const closedUrl = `/mentoring/services/${closed.id}/enquire`;
  assert.equal((await get(closedUrl)).statusCode, 404);
  assert.equal((await sendEnquiry(enquiryFields(), { url: closedUrl })).statusCode, 404);
  assert.equal((await get(`/mentoring/services/${randomUUID()}/enquire`)).statusCode, 404);
  assert.equal((await get('/mentoring/services/not-an-id/enquire')).statusCode, 404);
});

test(`more than ${ENQUIRY_LIMIT.perIp} enquiries an hour from one address are refused with 429, storing nothing`, async () => {
  const address = newAddress();
  const message = `Throttle test ${randomUUID()}`;
  for (let each = 0; each < ENQUIRY_LIMIT.perIp; each += 1) {
    assert.equal((await sendEnquiry(enquiryFields({ message }), { address })).statusCode, 303);
  }
  const refused = await sendEnquiry(enquiryFields({ message }), { address });
  assert.equal(refused.statusCode, 429);
  assert.match(refused.body, /Too many enquiries/);
  assert.match(refused.body, /Try again in \d+ minutes/);
  assert.equal((await db.select().from(enquiries).where(eq(enquiries.message, message))).length, ENQUIRY_LIMIT.perIp);
  assert.equal((await sendEnquiry(enquiryFields({ message }))).statusCode, 303, 'another address is not held up');
});

test('a filled trap field looks like success and stores nothing', async () => {
  const fields = enquiryFields({ website: 'https://spam.example' });
  const response = await sendEnquiry(fields);
  assert.equal(response.statusCode, 303);
  assert.equal(response.headers.location, `${enquire}/sent`);
  assert.equal((await enquiriesByEmail(fields.email)).length, 0);
});

/** An enquiry straight into the table, for triage. */
async function createEnquiry(overrides: Partial<typeof enquiries.$inferInsert> = {}): Promise<string> {
  const [row] = await db
    .insert(enquiries)
    .values({
      serviceId: service.id,
      name: 'Sam Patel',
      email: `sam-${randomUUID().slice(0, 8)}@example.test`,
      organisationName: trust.name,
      trustId: trust.id,
      message: 'Please can we talk?',
      creationKey: randomUUID(),
      ...overrides,
    })
    .returning({ id: enquiries.id });
  assert.ok(row);
  return row.id;
}

const triage = (enquiryId: string, fields: Record<string, string>, cookies = manager.cookies) =>
  postForm(app, { url: `/mentoring/enquiries/${enquiryId}`, from: '/mentoring/enquiries', cookies, fields });

test('accepting an enquiry starts a partnership at matching with the enquirer as its mentee; a second triage is refused', async () => {
  const enquiryId = await createEnquiry({ personId: ceo.person.id, email: ceo.person.email });
  const page = await get(`/mentoring/enquiries/${enquiryId}`, manager.cookies);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Please can we talk\?/);
  assert.match(page.body, /Accept into matching/);
  const accepted = await triage(enquiryId, { decision: 'accept', note: '' });
  assert.equal(accepted.statusCode, 303);
  const partnershipId = /^\/partnerships\/([0-9a-f-]{36})$/.exec(String(accepted.headers.location))?.[1];
  assert.ok(partnershipId, String(accepted.headers.location));
  const [partnership] = await db.select().from(partnerships).where(eq(partnerships.id, partnershipId));
  assert.ok(partnership);
  assert.equal(partnership.state, 'matching');
  assert.equal(partnership.title, `Sam Patel (${trust.name})`);
  assert.equal(partnership.menteeTrustId, trust.id);
  assert.equal(partnership.providerOrganisationId, provider.id);
  assert.equal(partnership.feePence, 300_000);
  assert.equal(partnership.meetingsMinutes, 2310);
  const participants = await db
    .select()
    .from(partnershipParticipants)
    .where(eq(partnershipParticipants.partnershipId, partnershipId));
  assert.deepEqual(
    participants.map(({ personId, side, lead, organisationId }) => ({ personId, side, lead, organisationId })),
    [{ personId: ceo.person.id, side: 'mentee', lead: true, organisationId: trust.id }],
  );
  const [enquiry] = await db.select().from(enquiries).where(eq(enquiries.id, enquiryId));
  assert.equal(enquiry?.status, 'accepted');
  assert.equal(enquiry?.partnershipId, partnershipId);
  assert.equal(enquiry?.triagedByPersonId, manager.person.id);
  assert.ok(enquiry?.triagedAt);
  const again = await triage(enquiryId, { decision: 'close', note: 'Changed my mind' }, secondManager.cookies);
  assert.equal(again.statusCode, 409);
  assert.match(again.body, /This enquiry has already been triaged/);
  const shown = await get(`/mentoring/enquiries/${enquiryId}`, manager.cookies);
  assert.match(shown.body, /Go to the partnership/);
  assert.doesNotMatch(shown.body, /Save the decision/);
});

test('an enquirer signed out is accepted by their account’s email; without an account, acceptance is refused', async () => {
  const person = await createPerson(db, { displayName: 'Alex Morgan' });
  const known = await createEnquiry({ email: person.email.toUpperCase(), name: 'Alex Morgan' });
  assert.equal((await triage(known, { decision: 'accept' })).statusCode, 303);
  const [participant] = await db
    .select({ personId: partnershipParticipants.personId })
    .from(partnershipParticipants)
    .innerJoin(enquiries, eq(enquiries.partnershipId, partnershipParticipants.partnershipId))
    .where(eq(enquiries.id, known));
  assert.equal(participant?.personId, person.id);

  const unknown = await createEnquiry({ name: 'Jo Nobody' });
  const refused = await triage(unknown, { decision: 'accept', note: 'Keen' });
  assert.equal(refused.statusCode, 400);
  assert.match(
    refused.body,
    /Jo Nobody has no Tandem account with .*Invite them to Tandem first, then accept the enquiry/,
  );
  assert.ok(refused.body.includes(`/organisations/${trust.id}/invitations/new`), 'links to the trust’s invite page');
  assert.match(refused.body, />Keen</, 'the note typed is kept');
  const [still] = await db.select().from(enquiries).where(eq(enquiries.id, unknown));
  assert.equal(still?.status, 'new');
  assert.equal(still?.partnershipId, null);
});

test('referring and closing need a note; the list shows new enquiries first and filters by status', async () => {
  const referred = await createEnquiry({ name: 'Refer Me' });
  const noNote = await triage(referred, { decision: 'refer', note: '' });
  assert.equal(noNote.statusCode, 400);
  assert.match(noNote.body, /Enter where you referred them/);
  assert.match((await triage(referred, { decision: '' })).body, /Select what to do with the enquiry/);
  const done = await triage(referred, { decision: 'refer', note: 'The regional schools group' });
  assert.equal(done.statusCode, 303);
  assert.equal(done.headers.location, `/mentoring/enquiries/${referred}?done=referred`);
  const closed = await createEnquiry({ name: 'Close Me' });
  assert.match((await triage(closed, { decision: 'close' })).body, /Enter why you are closing the enquiry/);
  assert.equal((await triage(closed, { decision: 'close', note: 'Not a trust' })).statusCode, 303);
  const rows = await db.select().from(enquiries).where(eq(enquiries.id, closed));
  assert.equal(rows[0]?.status, 'closed');
  assert.equal(rows[0]?.triageNote, 'Not a trust');
  await createEnquiry({ name: 'Still New' });

  const list = (await get('/mentoring/enquiries', manager.cookies)).body;
  assert.ok(list.indexOf('Still New') < list.indexOf('Close Me'), 'new enquiries come first');
  assert.ok(list.indexOf('Still New') < list.indexOf('Refer Me'));
  const onlyReferred = (await get('/mentoring/enquiries?status=referred', manager.cookies)).body;
  assert.match(onlyReferred, /Refer Me/);
  assert.doesNotMatch(onlyReferred, /Close Me|Still New/);
});

test('another provider’s manager finds no enquiry; a mentor or a trust’s chief executive is refused', async () => {
  const enquiryId = await createEnquiry({ name: 'Private Person' });
  assert.equal((await get(`/mentoring/enquiries/${enquiryId}`, otherManager.cookies)).statusCode, 404);
  assert.equal((await triage(enquiryId, { decision: 'close', note: 'x' }, otherManager.cookies)).statusCode, 404);
  assert.doesNotMatch((await get('/mentoring/enquiries', otherManager.cookies)).body, /Private Person/);
  for (const visitor of [mentor, ceo]) {
    assert.equal((await get('/mentoring/enquiries', visitor.cookies)).statusCode, 403);
    assert.equal((await get(`/mentoring/enquiries/${enquiryId}`, visitor.cookies)).statusCode, 403);
    assert.equal((await triage(enquiryId, { decision: 'close', note: 'x' }, visitor.cookies)).statusCode, 403);
  }
  const [still] = await db.select().from(enquiries).where(eq(enquiries.id, enquiryId));
  assert.equal(still?.status, 'new');
});
