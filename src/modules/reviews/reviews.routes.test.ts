import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eq } from 'drizzle-orm';
import { buildTestApp } from '../../../test/support/app.ts';
import { addMembership, createOrganisation } from '../../../test/support/factories.ts';
import { postMultipart } from '../../../test/support/multipart.ts';
import { postForm, signIn } from '../../../test/support/sign-in.ts';
import { frameworks, frameworkVersions } from '../frameworks/frameworks.tables.ts';
import { reviewEvidence, reviewRatings, reviews } from './reviews.tables.ts';

const { app, db } = await buildTestApp();
const get = (url: string, cookies: Record<string, string>) => app.inject({ method: 'GET', url, cookies });

const ceo = await signIn(db, 'ceo');
const trust = ceo.organisation;
const seniorLeader = await signIn(db, 'senior_leader', trust);
const partner = await signIn(db, 'executive');
const outsider = await signIn(db, 'ceo');
const programmeManager = await signIn(db, 'programme_manager');
const trustee = await signIn(db, 'trustee', trust);

const [framework] = await db.select().from(frameworks).where(eq(frameworks.key, 'trust-development'));
assert.ok(framework);
const [version] = await db.select().from(frameworkVersions).where(eq(frameworkVersions.frameworkId, framework.id));
assert.ok(version);

const startUrl = `/organisations/${trust.id}/reviews/new`;
const start = (fields: Record<string, string>) =>
  postForm(app, { url: startUrl, from: startUrl, cookies: ceo.cookies, fields });

async function startedReview(fields: Record<string, string> = {}): Promise<string> {
  const response = await start({ title: 'Autumn review', framework: version?.id ?? '', anonymous: 'no', ...fields });
  assert.equal(response.statusCode, 303, response.body.slice(0, 300));
  const match = /^\/reviews\/([0-9a-f-]{36})\?done=started$/.exec(String(response.headers.location));
  assert.ok(match?.[1]);
  return match[1];
}

async function addPerson(reviewId: string, email: string, groupName: string) {
  const page = await get(`/reviews/${reviewId}/participants/new`, ceo.cookies);
  const group = new RegExp(`value="([0-9a-f-]{36})"[^>]*>\\s*<label[^>]*>${groupName}`).exec(page.body);
  assert.ok(group?.[1], `group ${groupName} offered`);
  return postForm(app, {
    url: `/reviews/${reviewId}/participants/new`,
    from: `/reviews/${reviewId}/participants/new`,
    cookies: ceo.cookies,
    fields: { email, group: group[1] },
  });
}

test('a chief executive starts a review; a double-pressed Start makes one', async () => {
  const page = await get(startUrl, ceo.cookies);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Trust development framework/);
  const creationKey = /name="creationKey" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
  assert.ok(creationKey);
  const fields = { title: 'Spring review', framework: version.id, anonymous: 'no', creationKey };
  const [first, second] = [await start(fields), await start(fields)];
  assert.equal(first.headers.location, second.headers.location);
  const made = await db.select().from(reviews).where(eq(reviews.creationKey, creationKey));
  assert.equal(made.length, 1);

  const overview = await get(String(first.headers.location), ceo.cookies);
  assert.match(overview.body, /Review started/);
  assert.match(overview.body, /Spring review/);
  assert.equal((await get(startUrl, seniorLeader.cookies)).statusCode, 403, 'a senior leader does not start reviews');
});

test('whoever starts a review may rate in one of its groups as well as lead it', async () => {
  const reviewId = await startedReview({ title: 'Lead and rate', myGroup: 'Executive team' });
  const overview = await get(`/reviews/${reviewId}`, ceo.cookies);
  assert.match(overview.body, /Your ratings \(0 of 14 rated\)/);
  assert.match(overview.body, /Executive team/);
  assert.equal((await get(`/reviews/${reviewId}/rate`, ceo.cookies)).statusCode, 200);

  const leadOnly = await startedReview({ title: 'Lead only', myGroup: 'none' });
  assert.doesNotMatch((await get(`/reviews/${leadOnly}`, ceo.cookies)).body, /Your ratings/);
  const refused = await start({ title: 'Partner', framework: version.id, anonymous: 'no', myGroup: 'Partner trust' });
  assert.equal(refused.statusCode, 400, 'the partner trust group is for another trust');
  assert.match(refused.body, /Select whether you will rate, and in which group/);
});

test('a start form with problems comes back with each one and what was typed', async () => {
  const response = await start({ title: '', framework: '', anonymous: 'no', headings: 'x' });
  assert.equal(response.statusCode, 400);
  assert.match(response.body, /<title>Error: Start a review/);
  assert.match(response.body, /Enter a title for the review/);
  assert.match(response.body, /Select a framework/);
});

test('a review is seen only by those taking part; provider staff see only its state', async () => {
  const reviewId = await startedReview();
  assert.equal((await addPerson(reviewId, seniorLeader.person.email, 'Senior leaders')).statusCode, 303);
  const url = `/reviews/${reviewId}`;
  assert.equal((await get(url, outsider.cookies)).statusCode, 404);
  assert.equal((await get(url, trustee.cookies)).statusCode, 404, 'the trust’s own board sees only reviews it is in');
  const staff = await get(url, programmeManager.cookies);
  assert.equal(staff.statusCode, 200);
  assert.doesNotMatch(staff.body, new RegExp(seniorLeader.person.displayName), 'no names for provider staff');
  assert.match(staff.body, /its state/);
  assert.equal((await get(`${url}/rate`, programmeManager.cookies)).statusCode, 404);
  assert.match((await get(url, seniorLeader.cookies)).body, /Your ratings \(0 of 14 rated\)/);
});

test('people are added by email into groups; a partner comes from another trust', async () => {
  const reviewId = await startedReview();
  const unknown = await addPerson(reviewId, 'nobody@example.test', 'Trustees');
  assert.equal(unknown.statusCode, 400);
  assert.match(unknown.body, /There is no Tandem account with that email address/);
  const partnerTrust = partner.organisation;
  assert.equal((await addPerson(reviewId, partner.person.email, 'Partner trust')).statusCode, 303);
  const [row] = await db.select().from(reviews).where(eq(reviews.id, reviewId));
  assert.equal(row?.partnerOrganisationId, partnerTrust.id);
  const third = await signIn(db, 'ceo');
  await addMembership(db, third.person.id, (await createOrganisation(db)).id, 'executive');
  const again = await addPerson(reviewId, seniorLeader.person.email, 'Partner trust');
  assert.equal(again.statusCode, 400, 'someone of the reviewed trust is not its partner');
  const twice = await addPerson(reviewId, partner.person.email, 'Trustees');
  assert.match(twice.body, /already taking part/);
});

test('a rater saves a draft, adds evidence, and a stale save keeps what they typed', async () => {
  const reviewId = await startedReview();
  await addPerson(reviewId, seniorLeader.person.email, 'Senior leaders');
  const url = `/reviews/${reviewId}/rate/clarity-of-purpose`;
  const page = await get(url, seniorLeader.cookies);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Guiding questions/);
  const save = (fields: Record<string, string>, files = []) =>
    postMultipart(app, { url, from: url, cookies: seniorLeader.cookies, fields, files });
  const draft = await save({ rationale: 'Vision is shared widely', version: '0', then: 'stay' });
  assert.equal(draft.statusCode, 303);
  const withFile = await postMultipart(app, {
    url,
    from: url,
    cookies: seniorLeader.cookies,
    fields: { level: 'green', rationale: 'Clear', links: 'https://example.test/plan', version: '1', then: 'next' },
    files: [{ field: 'files', name: 'plan.pdf', data: '%PDF-1.4 test', contentType: 'application/pdf' }],
  });
  assert.equal(withFile.statusCode, 303);
  assert.match(String(withFile.headers.location), /\/rate\/leading-a-culture-of-improvement\?done=rating-saved$/);
  const evidence = await db.select().from(reviewEvidence);
  assert.ok(evidence.some((each) => each.name === 'plan.pdf' && each.storedName));
  const file = evidence.find((each) => each.name === 'plan.pdf');
  const download = await get(`/reviews/${reviewId}/evidence/${file?.id}`, seniorLeader.cookies);
  assert.equal(download.statusCode, 200);
  assert.match(String(download.headers['content-disposition']), /attachment/);
  assert.equal((await get(`/reviews/${reviewId}/evidence/${file?.id}`, outsider.cookies)).statusCode, 404);

  const stale = await save({ level: 'red', rationale: 'Typed in an old tab', version: '1', then: 'stay' });
  assert.equal(stale.statusCode, 409);
  assert.match(stale.body, /Typed in an old tab/, 'what they typed is kept');
  assert.match(stale.body, /Saved .* \(in another tab or window\)/);
  const [rating] = await db.select().from(reviewRatings).where(eq(reviewRatings.rationale, 'Clear'));
  assert.equal(rating?.levelKey, 'green', 'the newer save is not overwritten');

  const badLink = await save({ links: 'javascript:alert(1)', version: '2', then: 'stay' });
  assert.equal(badLink.statusCode, 400);
  assert.match(badLink.body, /starting https:/);
  const badFile = await postMultipart(app, {
    url,
    from: url,
    cookies: seniorLeader.cookies,
    fields: { version: '2', then: 'stay' },
    files: [{ field: 'files', name: 'run.exe', data: 'MZ\u0000\u0001binary', contentType: 'application/pdf' }],
  });
  assert.equal(badFile.statusCode, 400);
  assert.match(badFile.body, /run\.exe: The selected file must be/);

  // A form opened before someone else's save, sent back with a mistake, still knows it is out of date.
  const openedEarlier = await save({ links: 'not a link', version: '1', then: 'stay' });
  assert.equal(openedEarlier.statusCode, 400);
  assert.match(openedEarlier.body, /name="version" value="1"/);
  const corrected = await save({ level: 'red', rationale: 'Corrected in the old tab', version: '1', then: 'stay' });
  assert.equal(corrected.statusCode, 409, 'the newer save is still not overwritten');
});

test('the lead agrees a rating and closes the review; nothing changes after', async () => {
  const reviewId = await startedReview();
  const agreeUrl = `/reviews/${reviewId}/agree/clarity-of-purpose`;
  assert.equal((await get(agreeUrl, ceo.cookies)).statusCode, 200);
  const agree = (fields: Record<string, string>) =>
    postForm(app, { url: agreeUrl, from: agreeUrl, cookies: ceo.cookies, fields });
  const missing = await agree({ level: '', rationale: '', version: '0' });
  assert.equal(missing.statusCode, 400);
  assert.match(missing.body, /Select the agreed rating/);
  assert.equal(
    (await agree({ level: 'amber-green', rationale: 'Agreed in the meeting', version: '0' })).statusCode,
    303,
  );
  const stale = await agree({ level: 'red', rationale: 'Second lead', version: '0' });
  assert.equal(stale.statusCode, 409);
  assert.match(stale.body, /Another lead saved an agreed rating meanwhile/);

  const closeUrl = `/reviews/${reviewId}/close`;
  const confirm = await get(closeUrl, ceo.cookies);
  assert.match(confirm.body, /13 elements have no agreed rating/);
  const version = /name="version" value="(\d+)"/.exec(confirm.body)?.[1] ?? '';
  const closed = await postForm(app, { url: closeUrl, from: closeUrl, cookies: ceo.cookies, fields: { version } });
  assert.equal(closed.statusCode, 303);
  const after = await postForm(app, {
    url: agreeUrl,
    from: `/reviews/${reviewId}`,
    cookies: ceo.cookies,
    fields: { level: 'green', rationale: 'Too late', version: '1' },
  });
  assert.equal(after.statusCode, 409);
  assert.match(after.body, /<h1 class="govuk-heading-l">This review is closed<\/h1>/);
  assert.match(after.body, /What you sent has not been saved/);
  assert.match(after.body, new RegExp(`href="/reviews/${reviewId}"[^>]*>Go to the review`));
  assert.doesNotMatch(after.body, /Someone else changed this/);
  assert.equal((await get(closeUrl, seniorLeader.cookies)).statusCode, 404);
});
