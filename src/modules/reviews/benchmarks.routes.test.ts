import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildTestApp } from '../../../test/support/app.ts';
import { createOrganisation } from '../../../test/support/factories.ts';
import {
  agreeEverything,
  builtinVersion,
  consentToBenchmarks,
  createFramework,
  createReview,
  createReviewLead,
  createTrustWithSchools,
} from '../../../test/support/review-factories.ts';
import { postForm, signIn } from '../../../test/support/sign-in.ts';
import { benchmarkPaths } from './benchmarks.paths.ts';

const { app, db } = await buildTestApp();

const get = (url: string, cookies: Record<string, string> = {}) => app.inject({ method: 'GET', url, cookies });

test('a trust’s chair opts in with a plain form, and sees that it worked', async () => {
  const chair = await signIn(db, 'chair');
  const url = benchmarkPaths.consent(chair.organisation.id);
  const page = await get(url, chair.cookies);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /does not take part\./);
  assert.match(page.body, /<input[^>]*id="takePart-2"[^>]*value="no"[^>]*checked/);

  const empty = await postForm(app, { url, from: url, cookies: chair.cookies, fields: {} });
  assert.equal(empty.statusCode, 400);
  assert.match(empty.body, /<title>Error: Benchmarking/);
  assert.match(empty.body, /<a href="#takePart">Select whether your trust should take part<\/a>/);

  const saved = await postForm(app, { url, from: url, cookies: chair.cookies, fields: { takePart: 'yes' } });
  assert.equal(saved.statusCode, 303);
  assert.equal(saved.headers.location, benchmarkPaths.consent(chair.organisation.id, 'consented'));
  const confirmed = await get(String(saved.headers.location), chair.cookies);
  assert.match(confirmed.body, /govuk-notification-banner--success/);
  assert.match(confirmed.body, /Your trust now takes part in the benchmarks/);
  assert.match(confirmed.body, /has taken part since/);
});

test('only the trust’s leaders reach its benchmarking page', async () => {
  const trustee = await signIn(db, 'trustee');
  assert.equal((await get(benchmarkPaths.consent(trustee.organisation.id), trustee.cookies)).statusCode, 403);
  const ceo = await signIn(db, 'ceo');
  const elsewhere = await createOrganisation(db, { kind: 'trust' });
  assert.equal((await get(benchmarkPaths.consent(elsewhere.id), ceo.cookies)).statusCode, 403);
  const school = await createOrganisation(db, { kind: 'school' });
  assert.equal((await get(benchmarkPaths.consent(school.id), ceo.cookies)).statusCode, 404);
  const signedOut = await get(benchmarkPaths.consent(ceo.organisation.id));
  assert.equal(signedOut.statusCode, 303);
  const refused = await postForm(app, {
    url: benchmarkPaths.consent(trustee.organisation.id),
    from: '/account',
    cookies: trustee.cookies,
    fields: { takePart: 'yes' },
  });
  assert.equal(refused.statusCode, 403);
});

test('a review’s lead sees each element beside other trusts’ ratings, filtered as chosen', async () => {
  const development = await builtinVersion(db, 'trust-development');
  const version = await createFramework(db, development);
  const trust = await createTrustWithSchools(db);
  const reviewId = await createReview(db, { organisation: trust, version, agreed: agreeEverything(version, 'green') });
  const lead = await signIn(db, 'ceo', trust);
  await createReviewLead(db, reviewId, lead.person);

  const none = await get(benchmarkPaths.benchmarks(reviewId), lead.cookies);
  assert.equal(none.statusCode, 200);
  assert.match(none.body, /Fewer than 5 trusts — not shown/);
  assert.match(none.body, /choose to take part/, 'a trust that does not take part is told how to');

  for (const level of ['red', 'red', 'red', 'green', 'green']) {
    const other = await createTrustWithSchools(db, { schools: 4, region: 'North East' });
    await consentToBenchmarks(db, other.id);
    await createReview(db, { organisation: other, version, agreed: agreeEverything(version, level) });
  }
  const page = await get(benchmarkPaths.benchmarks(reviewId, { region: 'North East', size: '2-5' }), lead.cookies);
  assert.equal(page.statusCode, 200);
  assert.doesNotMatch(page.body, /Fewer than 5 trusts/);
  assert.match(page.body, /60% <span class="govuk-body-s">\(3 trusts\)<\/span>/);
  assert.match(page.body, /40% <span class="govuk-body-s">\(2 trusts\)<\/span>/);
  assert.match(page.body, /<caption class="govuk-table__caption govuk-table__caption--m">Vision, culture and ethos/);
  assert.match(page.body, /<rect width="16" height="16" fill="#00703c"><\/rect><\/svg>Green<\/span><\/td>/);
  assert.match(page.body, /<option value="North East" selected>North East<\/option>/);
  assert.match(page.body, /<option value="2-5" selected>/);
  assert.doesNotMatch(page.body, /style=/, 'no inline styles: the CSP refuses them');

  const elsewhere = await get(benchmarkPaths.benchmarks(reviewId, { size: '21+' }), lead.cookies);
  assert.match(elsewhere.body, /Fewer than 5 trusts — not shown/);
  const nonsense = await get(`${benchmarkPaths.benchmarks(reviewId)}?size=huge&region=`, lead.cookies);
  assert.equal(nonsense.statusCode, 200, 'a filter it cannot read is no filter');
});

test('the benchmarks of a review are not found by anyone who does not see its results', async () => {
  const trust = await createTrustWithSchools(db);
  const version = await builtinVersion(db, 'trust-development');
  const reviewId = await createReview(db, { organisation: trust, version });
  const ceo = await signIn(db, 'ceo', trust);
  assert.equal((await get(benchmarkPaths.benchmarks(reviewId), ceo.cookies)).statusCode, 404);
  assert.equal((await get('/reviews/not-an-id/benchmarks', ceo.cookies)).statusCode, 404);
  const signedOut = await get(benchmarkPaths.benchmarks(reviewId));
  assert.equal(signedOut.statusCode, 303);
});
