import assert from 'node:assert/strict';
import { test } from 'node:test';
import ExcelJS from 'exceljs';
import { buildTestApp } from '../../../test/support/app.ts';
import { addMembership, createPerson, type PersonRow } from '../../../test/support/factories.ts';
import { builtinVersion } from '../../../test/support/review-factories.ts';
import { createReviewScene, createReviewsYearOnYear } from '../../../test/support/review-scene.ts';
import { signIn } from '../../../test/support/sign-in.ts';
import { SESSION_COOKIE } from '../../platform/auth/viewer.ts';
import { startSession } from '../people/index.ts';
import { reviewPaths } from './reviews.paths.ts';
import { downloadName } from './results.routes.tsx';

const { app, db } = await buildTestApp();
const { document } = await builtinVersion(db, 'trust-development');
const elements = document.headings.flatMap((heading) => heading.elements);
const [red, amberRed, amberGreen, green] = document.scale.levels;
assert.ok(red && amberRed && amberGreen && green, 'the built-in framework has four levels');
const nameOf = (index: number) => elements[index]?.name ?? '';

async function cookiesOf(person: PersonRow): Promise<Record<string, string>> {
  return { [SESSION_COOKIE]: await startSession({ db, personId: person.id }) };
}

const get = async (url: string, cookies: Record<string, string>) => app.inject({ method: 'GET', url, cookies });

/** The page's words as someone reads them: tags gone, spaces collapsed, entities decoded. */
const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

// Last year's review, closed, then this year's: see createReviewsYearOnYear for what each holds.
const { earlier, current: scene } = await createReviewsYearOnYear(db, {
  trustName: 'Riverside Learning Trust',
  titles: ['Review 2025', 'Review 2026'],
});
const leadCookies = await cookiesOf(scene.lead);
const paths = (id: string) => ({
  heatMap: reviewPaths.heatMap(id),
  comparison: reviewPaths.groupComparison(id),
  history: reviewPaths.history(id),
  pdf: reviewPaths.export(id, 'pdf'),
  csv: reviewPaths.export(id, 'csv'),
  xlsx: reviewPaths.export(id, 'xlsx'),
});

test('the heat map names each element and its agreed level in words, with a table and a key', async () => {
  const response = await get(reviewPaths.heatMap(scene.reviewId), leadCookies);
  assert.equal(response.statusCode, 200);
  const text = textOf(response.body);
  assert.match(response.body, /<title>Heat map: Review 2026, Riverside Learning Trust – Tandem<\/title>/);
  assert.ok(text.includes(`${nameOf(0)}: ${amberGreen.label}`), 'agreed cells say their level');
  assert.ok(text.includes(`${nameOf(2)}: ${green.label}`));
  assert.ok(text.includes(`${nameOf(3)}: Not agreed yet`), 'a cell not agreed says so');
  assert.match(response.body, /tandem-heat-map__cell tandem-heat-map__cell--not-agreed/);
  assert.match(response.body, new RegExp(`<rect width="100" height="10" fill="${green.colour}"`), 'colour from SVG');
  assert.doesNotMatch(response.body, /style=/, 'no inline styles (the CSP refuses them)');
  assert.match(response.body, /<caption[^>]*>The heat map as a table, with how many people chose each level/);
  assert.match(response.body, new RegExp(`<th scope="row" class="govuk-table__header">${nameOf(0)}<span`));
  assert.match(text, /Key/);
  for (const format of ['pdf', 'csv', 'xlsx'] as const) {
    assert.ok(response.body.includes(`href="${reviewPaths.export(scene.reviewId, format)}"`.replace(/&/g, '&amp;')));
  }
  for (const href of [
    reviewPaths.groupComparison(scene.reviewId),
    reviewPaths.history(scene.reviewId),
    reviewPaths.peerChallenge(scene.reviewId),
    reviewPaths.review(scene.reviewId),
  ]) {
    assert.ok(response.body.includes(`href="${href}"`), `links to ${href}`);
  }
  assert.ok(text.includes(scene.raters[0]?.displayName ?? '') === false, 'a named rater is not on the heat map');
});

test('the group comparison puts the elements groups disagree on first, and says by how much', async () => {
  const response = await get(reviewPaths.groupComparison(scene.reviewId), leadCookies);
  assert.equal(response.statusCode, 200);
  const text = textOf(response.body);
  assert.match(text, /Middle answer of each group, the elements where groups differ most first/);
  for (const group of ['Executive team', 'Senior leaders', 'Middle leaders', 'Trustees', 'Partner trust']) {
    assert.ok(text.includes(group), `a column for ${group}, answers or not`);
  }
  assert.match(text, /Groups differ by 3 levels/);
  assert.match(text, /No answers/);
  const rows = response.body.split('<tr class="govuk-table__row">').slice(2);
  assert.ok(rows[0]?.includes(nameOf(0)), 'the element groups disagree on most comes first');
});

test('peer challenge shows the trust’s view beside the partner trust’s ratings, to both trusts’ participants', async () => {
  for (const person of [scene.lead, scene.partnerRater]) {
    const response = await get(reviewPaths.peerChallenge(scene.reviewId), await cookiesOf(person));
    assert.equal(response.statusCode, 200);
    const text = textOf(response.body);
    assert.match(text, /Only the people taking part in this review, from Riverside Learning Trust and from Test Trust/);
    assert.ok(text.includes('Riverside Learning Trust’s view'));
    assert.ok(text.includes(`${scene.partnerRater.displayName}: `), 'the partner rater by name');
    assert.ok(text.includes('Partner view: clear plans'), 'with their comment');
    assert.match(text, /Middle answer so far, not agreed/);
    assert.ok(!text.includes(scene.raters[0]?.displayName ?? ''), 'who said what at the trust is not shown');
  }
});

test('history sets this review beside the previous one, and says so when there is none', async () => {
  const response = await get(reviewPaths.history(scene.reviewId), leadCookies);
  assert.equal(response.statusCode, 200);
  const text = textOf(response.body);
  assert.match(text, /Review 2025/);
  assert.match(text, /1 element moved up, 1 moved down, 1 was not agreed last time and 11 are not agreed yet\./);
  for (const word of ['Up', 'Down', 'New', 'Not agreed yet']) assert.match(text, new RegExp(`>?${word}`));

  const first = await get(reviewPaths.history(earlier.reviewId), await cookiesOf(earlier.lead));
  assert.equal(first.statusCode, 200);
  assert.match(
    textOf(first.body),
    /This is the first review of Riverside Learning Trust with this framework in Tandem/,
  );
});

test('the exports download as files named after the review', async () => {
  const pdf = await get(reviewPaths.export(scene.reviewId, 'pdf'), leadCookies);
  assert.equal(pdf.statusCode, 200);
  assert.equal(pdf.headers['content-type'], 'application/pdf');
  assert.equal(pdf.headers['content-disposition'], 'attachment; filename="review-2026.pdf"');
  assert.equal(pdf.rawPayload.subarray(0, 4).toString('latin1'), '%PDF');

  const xlsx = await get(reviewPaths.export(scene.reviewId, 'xlsx'), leadCookies);
  assert.equal(xlsx.statusCode, 200);
  assert.equal(xlsx.headers['content-disposition'], 'attachment; filename="review-2026.xlsx"');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(xlsx.rawPayload as unknown as ExcelJS.Buffer);
  assert.ok(workbook.worksheets.length > 0);

  const csv = await get(reviewPaths.export(scene.reviewId, 'csv'), leadCookies);
  assert.equal(csv.headers['content-type'], 'text/csv; charset=utf-8');
  assert.match(csv.body, new RegExp(nameOf(0)));
  assert.ok(csv.body.includes(scene.raters[0]?.displayName ?? '?'), 'a named review’s CSV names its raters');

  for (const format of ['doc', '', 'PDF']) {
    const other = await get(`/reviews/${scene.reviewId}/export?format=${format}`, leadCookies);
    assert.equal(other.statusCode, 404, `format ${format}`);
  }
  assert.equal((await get(`/reviews/${scene.reviewId}/export`, leadCookies)).statusCode, 404);
});

test('a download name is safe whatever the title', () => {
  assert.equal(downloadName('Review 2026', 'pdf'), 'review-2026.pdf');
  assert.equal(downloadName('Évaluation "Q1" / \r\n école', 'csv'), 'evaluation-q1-ecole.csv');
  assert.equal(downloadName('???', 'xlsx'), 'review.xlsx');
});

test('a rationale that a spreadsheet would run as a formula is neutralised in the CSV', async () => {
  const risky = await createReviewScene(db, { raters: 1, rationale: '=HYPERLINK("http://attacker.example","x")' });
  const csv = await get(reviewPaths.export(risky.reviewId, 'csv'), await cookiesOf(risky.lead));
  assert.equal(csv.statusCode, 200);
  assert.ok(csv.body.includes('HYPERLINK'), 'the rationale is in the file');
  assert.doesNotMatch(csv.body, /(^|[,\n])"?=HYPERLINK/, 'but never as a cell starting with =');
});

test('an anonymous review shows no names, and nothing of an element fewer than 3 people answered', async () => {
  const anonymous = await createReviewScene(db, {
    anonymous: true,
    raters: 3,
    // Element 0: all three answer. Every other element: only two.
    levelOf: (elementIndex, raterIndex) => (elementIndex === 0 || raterIndex < 2 ? 1 : null),
  });
  const cookies = await cookiesOf(anonymous.lead);
  const names = [...anonymous.raters, anonymous.partnerRater].map((person) => person.displayName);
  const heatMap = await get(reviewPaths.heatMap(anonymous.reviewId), cookies);
  assert.equal(heatMap.statusCode, 200);
  assert.match(heatMap.body, /Not enough responses to show/);
  const counts =
    heatMap.body.split(`<th scope="row" class="govuk-table__header">${nameOf(0)}<span`)[1]?.split('</tr>')[0] ?? '';
  assert.match(counts, />3</, 'an element enough people answered shows its counts');
  const csv = await get(reviewPaths.export(anonymous.reviewId, 'csv'), cookies);
  assert.equal(csv.statusCode, 200);
  for (const name of names) {
    assert.ok(!heatMap.body.includes(name), `${name} is not on the heat map`);
    assert.ok(!csv.body.includes(name), `${name} is not in the CSV`);
  }
  const comparison = await get(reviewPaths.groupComparison(anonymous.reviewId), cookies);
  assert.match(comparison.body, /Not enough responses to show/);
});

test('nobody outside the trust’s side of the review sees its results: not found, as if there were none', async () => {
  const member = await createPerson(db);
  await addMembership(db, member.id, scene.trust.id, 'executive');
  const visitors = {
    'a member of the trust not taking part': await cookiesOf(member),
    'a programme manager': (await signIn(db, 'programme_manager')).cookies,
    'a platform administrator': (await signIn(db, 'platform_administrator')).cookies,
    'the partner trust’s rater': await cookiesOf(scene.partnerRater),
  };
  for (const [who, cookies] of Object.entries(visitors)) {
    for (const [page, url] of Object.entries(paths(scene.reviewId))) {
      assert.equal((await get(url, cookies)).statusCode, 404, `${page} as ${who}`);
    }
    const peer = await get(reviewPaths.peerChallenge(scene.reviewId), cookies);
    assert.equal(peer.statusCode, who === 'the partner trust’s rater' ? 200 : 404, `peer challenge as ${who}`);
  }
  const rater = await get(reviewPaths.heatMap(scene.reviewId), await cookiesOf(scene.raters[0] ?? scene.lead));
  assert.equal(rater.statusCode, 200, 'a rater in the trust’s own groups sees the results');
  assert.equal((await get(reviewPaths.heatMap(scene.reviewId), {})).statusCode, 303, 'signed out: sign in first');
});

test('the partner trust’s rater is offered no link to the trust’s own results', async () => {
  const response = await get(reviewPaths.peerChallenge(scene.reviewId), await cookiesOf(scene.partnerRater));
  assert.ok(!response.body.includes(`href="${reviewPaths.heatMap(scene.reviewId)}"`));
  const lead = await get(reviewPaths.peerChallenge(scene.reviewId), leadCookies);
  assert.ok(lead.body.includes(`href="${reviewPaths.heatMap(scene.reviewId)}"`));
});
