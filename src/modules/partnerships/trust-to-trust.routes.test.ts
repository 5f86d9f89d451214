import assert from 'node:assert/strict';
import { test } from 'node:test';
import { and, eq, isNull } from 'drizzle-orm';
import { buildTestApp } from '../../../test/support/app.ts';
import { createPartnership, createService } from '../../../test/support/partnership-factories.ts';
import { createPlan } from '../../../test/support/plan-factories.ts';
import { builtinVersion, createReview, createReviewLead } from '../../../test/support/review-factories.ts';
import { postForm, signIn, type SignedIn } from '../../../test/support/sign-in.ts';
import { planShares } from '../plans/plan-sharing.tables.ts';
import { partnerships } from './partnerships.tables.ts';

const { app, db } = await buildTestApp();
const get = (url: string, who: SignedIn) => app.inject({ method: 'GET', url, cookies: who.cookies });

const menteeCeo = await signIn(db, 'ceo');
const menteeTrust = menteeCeo.organisation;
const mentorCeo = await signIn(db, 'ceo');
const mentorTrust = mentorCeo.organisation;
const outsider = await signIn(db, 'ceo');
const service = await createService(db, { kind: 'trust_to_trust', name: 'Trust-to-trust support' });
const version = await builtinVersion(db, 'trust-development');

async function trustToTrust() {
  const id = await createPartnership(db, {
    service,
    kind: 'trust_to_trust',
    menteeTrust,
    mentorTrust,
    title: 'Carrow Trust with Fenland Trust',
    others: [
      { person: menteeCeo.person, side: 'mentee', organisationId: menteeTrust.id, lead: true },
      { person: mentorCeo.person, side: 'mentor', organisationId: mentorTrust.id, lead: true },
    ],
  });
  const reviewId = await createReview(db, { organisation: menteeTrust, version, closedAt: null as unknown as Date });
  await createReviewLead(db, reviewId, menteeCeo.person);
  const planId = await createPlan(db, { organisation: menteeTrust, title: 'Development plan by the framework' });
  return { id, reviewId, planId, url: `/partnerships/${id}/diagnostic` };
}

const row = async (id: string) => (await db.select().from(partnerships).where(eq(partnerships.id, id)))[0];

test('the mentee trust links its review as the diagnostic and its plan, which is shared with the mentor trust', async () => {
  const { id, reviewId, planId, url } = await trustToTrust();
  const page = await get(url, menteeCeo);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Which of the reviews you lead is the diagnostic\?/);
  assert.match(page.body, /Development plan by the framework/);

  const linked = await postForm(app, { url, from: url, cookies: menteeCeo.cookies, fields: { review: reviewId } });
  assert.equal(linked.statusCode, 303);
  assert.equal((await row(id))?.diagnosticReviewId, reviewId);

  assert.equal((await get(`/plans/${planId}`, mentorCeo)).statusCode, 404, 'not shared yet');
  const planUrl = `/partnerships/${id}/plan`;
  const shared = await postForm(app, { url: planUrl, from: url, cookies: menteeCeo.cookies, fields: { plan: planId } });
  assert.equal(shared.statusCode, 303);
  assert.equal((await row(id))?.planId, planId);
  const [share] = await db
    .select()
    .from(planShares)
    .where(and(eq(planShares.planId, planId), isNull(planShares.revokedAt)));
  assert.deepEqual([share?.organisationId, share?.access], [mentorTrust.id, 'comment']);
  assert.equal((await get(`/plans/${planId}`, mentorCeo)).statusCode, 200, 'the mentor trust’s leaders read it');
  assert.match(
    (await get(url, mentorCeo)).body,
    /Development plan by the framework<\/a>, shared with the mentor trust/,
  );
});

test('only a review or plan of the mentee trust can be linked; others are told, and outsiders find nothing', async () => {
  const { url } = await trustToTrust();
  const otherReview = await createReview(db, { organisation: outsider.organisation, version });
  await createReviewLead(db, otherReview, menteeCeo.person);
  const wrong = await postForm(app, { url, from: url, cookies: menteeCeo.cookies, fields: { review: otherReview } });
  assert.equal(wrong.statusCode, 400);
  assert.match(wrong.body, /Choose a review or plan of the mentee trust/);
  const none = await postForm(app, { url, from: url, cookies: menteeCeo.cookies, fields: {} });
  assert.equal(none.statusCode, 400);
  assert.match(none.body, /Select a review/);
  assert.equal((await get(url, outsider)).statusCode, 404);
  const ceoMentoring = await createPartnership(db, { service, mentee: menteeCeo.person });
  assert.equal(
    (await get(`/partnerships/${ceoMentoring}/diagnostic`, menteeCeo)).statusCode,
    404,
    'trust-to-trust only',
  );
});
