import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eq } from 'drizzle-orm';
import { buildTestApp } from '../../../test/support/app.ts';
import { addMembership, createOrganisation, createPerson, type PersonRow } from '../../../test/support/factories.ts';
import { postMultipart } from '../../../test/support/multipart.ts';
import { builtinVersion, createReview } from '../../../test/support/review-factories.ts';
import { createReviewScene } from '../../../test/support/review-scene.ts';
import { signIn } from '../../../test/support/sign-in.ts';
import { auditEvents } from '../../platform/audit/audit.tables.ts';
import { recordAuditEvent } from '../../platform/audit/audit.ts';
import { SESSION_COOKIE } from '../../platform/auth/viewer.ts';
import { startSession } from '../people/index.ts';
import { benchmarkPaths } from './benchmarks.paths.ts';
import { reviewActivityPaths } from './review-activity.paths.ts';
import { reviewPaths } from './reviews.paths.ts';
import { reviewEvidence } from './reviews.tables.ts';

const { app, db } = await buildTestApp();

async function cookiesOf(person: PersonRow): Promise<Record<string, string>> {
  return { [SESSION_COOKIE]: await startSession({ db, personId: person.id }) };
}
const get = (url: string, cookies: Record<string, string>) => app.inject({ method: 'GET', url, cookies });

/** The page's words as someone reads them: tags gone, spaces collapsed, entities decoded. */
const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

const scene = await createReviewScene(db, { title: 'Autumn review 2026', trustName: 'Read Trust', agreed: { 0: 1 } });
const { reviewId, trust } = scene;
const lead = await cookiesOf(scene.lead);
const [rater] = scene.raters;
assert.ok(rater);
const raterCookies = await cookiesOf(rater);
const element = scene.elementKeys[0] ?? '';

// One evidence file, uploaded by a rater with their rating of the first element.
const rateUrl = reviewPaths.rateElement(reviewId, element);
const upload = await postMultipart(app, {
  url: rateUrl,
  from: rateUrl,
  cookies: raterCookies,
  fields: { level: scene.levelKeys[0] ?? '', rationale: 'See the plan', version: '1', then: 'stay' },
  files: [{ field: 'files', name: 'plan.pdf', data: '%PDF-1.4 test', contentType: 'application/pdf' }],
});
assert.equal(upload.statusCode, 303, 'the evidence is uploaded');
const [evidence] = await db.select().from(reviewEvidence).where(eq(reviewEvidence.name, 'plan.pdf'));
assert.ok(evidence);
const evidenceUrl = reviewPaths.evidence(reviewId, evidence.id);

const confidentialReads = () => db.select().from(auditEvents).where(eq(auditEvents.action, 'confidential.read'));

/** Requests `url` and answers the reads it recorded: the confidential.read events that were not there before. */
async function readsDuring(url: string, cookies: Record<string, string>, status = 200) {
  const before = new Set((await confidentialReads()).map((event) => event.id));
  const response = await get(url, cookies);
  assert.equal(response.statusCode, status, `${url}: ${response.body.slice(0, 200)}`);
  return (await confidentialReads()).filter((event) => !before.has(event.id));
}

test('each read of a review’s content writes one event: who, whose review, what and from where', async () => {
  const reads: Array<{ url: string; cookies: Record<string, string>; reader: PersonRow; details: object }> = [
    { url: reviewPaths.heatMap(reviewId), cookies: lead, reader: scene.lead, details: { kind: 'review.heat-map' } },
    {
      url: reviewPaths.groupComparison(reviewId),
      cookies: lead,
      reader: scene.lead,
      details: { kind: 'review.group-comparison' },
    },
    { url: reviewPaths.history(reviewId), cookies: lead, reader: scene.lead, details: { kind: 'review.history' } },
    // A partner trust's rater reads the reviewed trust's content: the event is the reviewed trust's.
    {
      url: reviewPaths.peerChallenge(reviewId),
      cookies: await cookiesOf(scene.partnerRater),
      reader: scene.partnerRater,
      details: { kind: 'review.peer-challenge' },
    },
    ...(['pdf', 'csv', 'xlsx'] as const).map((format) => ({
      url: reviewPaths.export(reviewId, format),
      cookies: lead,
      reader: scene.lead,
      details: { kind: 'review.export', format },
    })),
    {
      url: evidenceUrl,
      cookies: lead,
      reader: scene.lead,
      details: { kind: 'review.evidence-file', evidenceId: evidence.id },
    },
    {
      url: reviewPaths.agree(reviewId, element),
      cookies: lead,
      reader: scene.lead,
      details: { kind: 'review.agree', elementKey: element },
    },
    {
      url: benchmarkPaths.benchmarks(reviewId),
      cookies: lead,
      reader: scene.lead,
      details: { kind: 'review.benchmarks' },
    },
  ];
  for (const { url, cookies, reader, details } of reads) {
    const written = await readsDuring(url, cookies);
    assert.equal(written.length, 1, `${url}: one event`);
    const [event] = written;
    assert.equal(event?.actorPersonId, reader.id, `${url}: who read`);
    assert.equal(event?.organisationId, trust.id, `${url}: the reviewed trust's`);
    assert.equal(event?.subjectPersonId, null);
    assert.deepEqual(event?.details, { ...details, id: reviewId }, `${url}: what was read`);
    assert.equal(event?.ip, '127.0.0.1', `${url}: from where`);
  }
});

test('reading your own ratings or your own evidence file records nothing', async () => {
  for (const url of [reviewPaths.rate(reviewId), rateUrl, evidenceUrl]) {
    assert.deepEqual(await readsDuring(url, raterCookies), [], url);
  }
});

test('a refused read (not found) records nothing', async () => {
  const seniorLeader = await createPerson(db);
  await addMembership(db, seniorLeader.id, trust.id, 'senior_leader');
  const outsider = await signIn(db, 'ceo');
  const refused: Array<[string, Record<string, string>]> = [
    [reviewPaths.heatMap(reviewId), outsider.cookies],
    [reviewPaths.groupComparison(reviewId), await cookiesOf(seniorLeader)],
    [reviewPaths.history(reviewId), await cookiesOf(scene.partnerRater)],
    [reviewPaths.peerChallenge(reviewId), outsider.cookies],
    [reviewPaths.export(reviewId, 'pdf'), await cookiesOf(scene.partnerRater)],
    [evidenceUrl, await cookiesOf(scene.partnerRater)],
    [reviewPaths.agree(reviewId, element), raterCookies],
    [benchmarkPaths.benchmarks(reviewId), outsider.cookies],
  ];
  for (const [url, cookies] of refused) assert.deepEqual(await readsDuring(url, cookies, 404), [], url);
  // Allowed, but nothing there to read: an element the review does not have.
  assert.deepEqual(await readsDuring(reviewPaths.agree(reviewId, 'no-such-element'), lead, 404), []);
});

test('the trust’s leaders see who has read its reviews, newest first, in plain words', async () => {
  const chair = await createPerson(db, { displayName: 'Chris Chair' });
  await addMembership(db, chair.id, trust.id, 'chair');
  const partnerName = scene.partnerRater.displayName;
  for (const cookies of [lead, await cookiesOf(chair)]) {
    const response = await get(reviewActivityPaths.activity(trust.id), cookies);
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /<title>Who has read your reviews: Read Trust – Tandem<\/title>/);
    const text = textOf(response.body);
    assert.match(text, /Who has read your reviews/);
    assert.match(text, /Autumn review 2026/);
    for (const words of [
      'Looked at the heat map',
      'Looked at the group comparison',
      'Looked at the history',
      'Looked at the peer challenge page',
      'Downloaded the results as a PDF',
      'Downloaded the results as a CSV file',
      'Downloaded the results as an Excel spreadsheet',
      'Downloaded an evidence file',
      'Opened a page for agreeing a rating',
      'Looked at the benchmarks',
    ]) {
      assert.ok(text.includes(words), words);
    }
    assert.ok(text.includes(partnerName), 'the partner trust’s rater by name');
    assert.ok(text.indexOf('Looked at the benchmarks') < text.indexOf('Looked at the heat map'), 'newest first');
    assert.doesNotMatch(text, /See the plan|plan\.pdf/, 'never the content');
  }
});

test('nobody else sees the page: the trust’s other people and other trusts’ leaders get 404', async () => {
  const seniorLeader = await createPerson(db);
  await addMembership(db, seniorLeader.id, trust.id, 'senior_leader');
  const otherCeo = await signIn(db, 'ceo');
  const url = reviewActivityPaths.activity(trust.id);
  assert.equal((await get(url, await cookiesOf(seniorLeader))).statusCode, 404, 'a senior leader of the trust');
  assert.equal((await get(url, otherCeo.cookies)).statusCode, 404, 'another trust’s chief executive');
  assert.equal((await get(url, raterCookies)).statusCode, 404, 'a rater in the review');
  assert.equal((await get(url, (await signIn(db, 'platform_administrator')).cookies)).statusCode, 404);
  assert.equal((await get(url, {})).statusCode, 303, 'signed out: sign in first');
  // The partner trust's own page lists reads of its own reviews, not of the review its rater read.
  const partnerCeo = await signIn(db, 'ceo', scene.partnerTrust);
  const partnerPage = await get(reviewActivityPaths.activity(scene.partnerTrust.id), partnerCeo.cookies);
  assert.equal(partnerPage.statusCode, 200);
  assert.match(textOf(partnerPage.body), /Nobody has read .*’s reviews yet/);
  assert.doesNotMatch(partnerPage.body, /Autumn review 2026/);
});

test('the page is in London time, 25 reads a page, and linked from the reviews list for leaders only', async () => {
  const version = await builtinVersion(db, 'trust-development');
  const busyTrust = await createOrganisation(db, { kind: 'trust', name: 'Busy Trust' });
  const busyReview = await createReview(db, { organisation: busyTrust, version, closedAt: null });
  const ceo = await signIn(db, 'ceo', busyTrust);
  for (let minute = 0; minute < 26; minute += 1) {
    await recordAuditEvent(db, {
      action: 'confidential.read',
      actorPersonId: ceo.person.id,
      organisationId: busyTrust.id,
      details: { kind: 'review.history', id: busyReview },
      // Summer time: 14:05 UTC is 3:05pm in London.
      occurredAt: new Date(Date.UTC(2026, 6, 1, 14, 5 + minute)),
    });
  }
  const first = await get(reviewActivityPaths.activity(busyTrust.id), ceo.cookies);
  assert.match(first.body, /<title>Who has read your reviews \(page 1 of 2\): Busy Trust – Tandem<\/title>/);
  assert.match(textOf(first.body), /Showing 1 to 25 of 26 reads/);
  assert.ok(first.body.includes(`href="${reviewActivityPaths.activity(busyTrust.id, 2)}"`), 'a link to page 2');
  assert.match(textOf(first.body), /1 July 2026, 3:30pm/, 'the newest first');
  const second = await get(reviewActivityPaths.activity(busyTrust.id, 2), ceo.cookies);
  assert.match(textOf(second.body), /Showing 26 to 26 of 26 reads/);
  assert.match(textOf(second.body), /1 July 2026, 3:05pm/);

  const link = `href="${reviewActivityPaths.activity(busyTrust.id)}"`;
  assert.ok((await get(reviewPaths.list, ceo.cookies)).body.includes(link), 'the chief executive is offered it');
  const trustee = await signIn(db, 'trustee', busyTrust);
  assert.ok(!(await get(reviewPaths.list, trustee.cookies)).body.includes(link), 'a trustee is not');
});
