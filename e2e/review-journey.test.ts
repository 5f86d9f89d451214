/**
 * A review run end to end by keyboard, as a trust's chief executive would: start it, invite a
 * colleague and a partner trust's executive, rate an element with an uploaded file, agree a
 * rating, close the review, then read every results page and take each export. Each page on the
 * way is scanned with axe. The colleague and the partner rate through the services meanwhile:
 * their screens are the same rating pages, already walked here.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import ExcelJS from 'exceljs';
import type { Download, Page } from 'playwright-core';
import { addMembership, createOrganisation, createPerson } from '../test/support/factories.ts';
import { createReviewScene, rateElement } from '../test/support/review-scene.ts';
import { banner, mainText, startJourney } from './support/journey.ts';
import { follow, linkNamed, press, send, tick, typeInto } from './support/keyboard.ts';

const { db, arriveAt, browserFor } = await startJourney('review-journey');

/** A one-page PDF, small enough to read in the test: what a rater would attach. */
const EVIDENCE_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n' +
    'trailer<</Root 1 0 R>>\n%%EOF\n',
);

/** Takes a download link by keyboard; returns the file's bytes and name. */
async function download(page: Page, name: string | RegExp): Promise<{ bytes: Buffer; filename: string }> {
  const [file] = await Promise.all([
    page.waitForEvent('download') as Promise<Download>,
    press(page, linkNamed(page, name), 'Enter'),
  ]);
  const path = await file.path();
  return { bytes: await readFile(path), filename: file.suggestedFilename() };
}

test('a review from start to exports, by keyboard, with no axe violation', { timeout: 240_000 }, async (t) => {
  // Last year's closed review of the same trust, so History has something to compare.
  const lastYear = await createReviewScene(db, {
    title: 'Journey review 2025',
    trustName: 'Keyboard Journey Trust',
    agreed: { 0: 1 },
    closed: true,
  });
  const { trust, lead } = lastYear;
  const colleague = await createPerson(db, { displayName: 'Colm Colleague' });
  await addMembership(db, colleague.id, trust.id, 'senior_leader');
  const partnerTrust = await createOrganisation(db, { kind: 'trust', name: 'Partner Journey Trust' });
  const partner = await createPerson(db, { displayName: 'Pat Partner' });
  await addMembership(db, partner.id, partnerTrust.id, 'executive');

  const page = await browserFor(t, lead);

  // Start: the whole framework, named answers, the lead rating with the executive team.
  await page.goto('/reviews');
  await arriveAt(page, 'Reviews', 'list');
  await follow(page, 'Start a review');
  await arriveAt(page, 'Start a review', 'start');
  await typeInto(page, 'Title', 'Journey review 2026');
  await tick(page, /^Trust development framework/);
  await tick(page, 'Lead, and rate in the group “Executive team”');
  await send(page, 'Start the review');
  await arriveAt(page, /^Journey review 2026/, 'review-started');
  assert.match(await banner(page), /Review started/);
  const reviewPath = new URL(page.url()).pathname;

  // Invite: a colleague into the senior leaders, the partner trust's executive into its group.
  for (const [person, group] of [
    [colleague, 'Senior leaders'],
    [partner, 'Partner trust'],
  ] as const) {
    await follow(page, 'Add a person');
    await arriveAt(page, 'Add a person to the review', `invite-${group}`);
    await typeInto(page, 'Email address', person.email);
    await tick(page, new RegExp(`^${group}`));
    await send(page, 'Add to the review');
    assert.match(await banner(page), /Added to the review/);
    assert.match(await page.locator('table').first().innerText(), new RegExp(person.displayName));
  }
  await arriveAt(page, /^Journey review 2026/, 'review-with-people');

  // Rate the first element with a rationale, evidence text and an uploaded file.
  await follow(page, /^Your ratings/);
  await arriveAt(page, 'Your ratings', 'ratings');
  await follow(page, 'Clarity of purpose');
  await arriveAt(page, 'Clarity of purpose', 'rate-element');
  await tick(page, /^Amber-green/);
  await typeInto(page, 'Rationale', 'Every school can say what the trust is for; the plan says how.');
  await typeInto(page, 'Evidence', 'Trust strategy 2024–27, staff survey');
  const chooser = page.waitForEvent('filechooser');
  await press(page, page.getByLabel('Add files (optional)'), 'Space');
  await (await chooser).setFiles({ name: 'strategy.pdf', mimeType: 'application/pdf', buffer: EVIDENCE_PDF });
  await send(page, 'Save');
  assert.match(await banner(page), /Your rating is saved/);
  await arriveAt(page, 'Clarity of purpose', 'rate-element-saved');
  const evidence = await download(page, 'strategy.pdf');
  assert.deepEqual(evidence.bytes, EVIDENCE_PDF, 'the evidence comes back as it went in');

  // The others rate the same element meanwhile, differently.
  const { reviewId, elementKey } = await idsOf(page, reviewPath);
  const rationale = 'Seen at the partner visit';
  await rateElement(db, colleague, { reviewId, elementKey, levelKey: 'red', rationale });
  await rateElement(db, partner, { reviewId, elementKey, levelKey: 'green', rationale });

  // Agree, then close.
  await page.goto(reviewPath);
  await follow(page, 'Agree the rating of Clarity of purpose');
  await arriveAt(page, 'Agree the rating of Clarity of purpose', 'agree');
  await tick(page, 'Amber-green');
  await typeInto(page, 'Why this rating was agreed', 'Agreed at the review meeting with the partner trust.');
  await send(page, 'Save agreed rating');
  assert.match(await banner(page), /Agreed rating saved/);
  await follow(page, 'Close the review');
  await arriveAt(page, 'Close the review?', 'close');
  await send(page, 'Close the review');
  assert.match(await banner(page), /Review closed/);
  await arriveAt(page, /^Journey review 2026/, 'review-closed');

  // Every way of seeing it.
  for (const [link, heading] of [
    ['Heat map', 'Heat map'],
    ['Group comparison', 'Group comparison'],
    ['Peer challenge', 'Peer challenge'],
    ['History: this review beside the last one', 'History'],
    ['Benchmarks: beside other trusts’ agreed ratings', 'Benchmarks'],
  ] as const) {
    await page.goto(reviewPath);
    await follow(page, link);
    await arriveAt(page, heading, heading.toLowerCase().replace(/ /g, '-'));
  }
  await page.goto(reviewPath);
  await follow(page, 'Group comparison');
  assert.match(await mainText(page), /Senior leaders[\s\S]*Red/, 'the colleague’s group shows');
  await page.goto(reviewPath);
  await follow(page, 'History: this review beside the last one');
  assert.match(await mainText(page), /Journey review 2025/, 'last year’s review is beside it');

  // Exports, from the heat map.
  await page.goto(reviewPath);
  await follow(page, 'Heat map');
  const pdf = await download(page, 'Heat map (PDF)');
  assert.equal(pdf.bytes.subarray(0, 5).toString('latin1'), '%PDF-');
  const csv = await download(page, 'Ratings (CSV)');
  assert.match(csv.filename, /\.csv$/);
  assert.match(csv.bytes.toString('utf8'), /Every school can say what the trust is for/);
  const xlsx = await download(page, 'Ratings (Excel spreadsheet)');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(xlsx.bytes as unknown as ExcelJS.Buffer);
  assert.ok(workbook.worksheets.length > 0, 'the spreadsheet opens');
});

/** The review's id from its address, and the key of the element just rated (from the rating page's address). */
async function idsOf(page: Page, reviewPath: string): Promise<{ reviewId: string; elementKey: string }> {
  const reviewId = reviewPath.split('/').at(-1) ?? '';
  const elementKey = decodeURIComponent(new URL(page.url()).pathname.split('/').at(-1) ?? '');
  assert.match(reviewId, /^[0-9a-f-]{36}$/);
  assert.ok(elementKey);
  return { reviewId, elementKey };
}
