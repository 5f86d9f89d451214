import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eq } from 'drizzle-orm';
import { buildTestApp } from '../../../test/support/app.ts';
import { createPlan } from '../../../test/support/plan-factories.ts';
import { builtinVersion, createReview, createReviewLead } from '../../../test/support/review-factories.ts';
import { postForm, signIn } from '../../../test/support/sign-in.ts';
import { reviewParticipants, reviewGroups } from '../reviews/reviews.tables.ts';
import { planPriorities, plans } from './plans.tables.ts';

const { app, db } = await buildTestApp();
const get = (url: string, cookies: Record<string, string>) => app.inject({ method: 'GET', url, cookies });

const ceo = await signIn(db, 'ceo');
const trust = ceo.organisation;
const seniorLeader = await signIn(db, 'senior_leader', trust);
const otherTrustsCeo = await signIn(db, 'ceo');

const version = await builtinVersion(db, 'trust-development');
const [heading] = version.document.headings;
const [firstElement, secondElement] = heading?.elements ?? [];
assert.ok(heading && firstElement && secondElement);

const reviewId = await createReview(db, { organisation: trust, version, agreed: { [firstElement.key]: 'red' } });
await createReviewLead(db, reviewId, ceo.person);
// The senior leader rates in one of the trust's own groups, so sees the heat map too.
const [group] = await db.insert(reviewGroups).values({ reviewId, name: 'Senior leaders', position: 0 }).returning();
await db.insert(reviewParticipants).values({ reviewId, personId: seniorLeader.person.id, groupId: group?.id ?? null });

const fromReview = (elementKey: string) => `/plans/from-review/${reviewId}/${elementKey}`;

test('each element of the heat map offers to become a priority', async () => {
  const heatMap = await get(`/reviews/${reviewId}/heat-map`, ceo.cookies);
  assert.equal(heatMap.statusCode, 200);
  assert.match(heatMap.body, new RegExp(`href="${fromReview(firstElement.key)}"`));
  assert.match(heatMap.body, /Make this a priority<span class="govuk-visually-hidden">: /);
});

test('from an element, a leader starts a plan and adds two priorities, each filled in from its element', async () => {
  const choice = await get(fromReview(firstElement.key), ceo.cookies);
  assert.equal(choice.statusCode, 200);
  assert.match(choice.body, new RegExp(`${heading.name}: ${firstElement.name}`));
  assert.match(choice.body, new RegExp(`A new plan for ${trust.name}`));

  const missing = await postForm(app, {
    url: fromReview(firstElement.key),
    from: fromReview(firstElement.key),
    cookies: ceo.cookies,
    fields: { plan: 'new', title: '' },
  });
  assert.equal(missing.statusCode, 400);
  assert.match(missing.body, /Enter a title for the plan/);
  assert.match(missing.body, /Enter the start date/);

  const started = await postForm(app, {
    url: fromReview(firstElement.key),
    from: fromReview(firstElement.key),
    cookies: ceo.cookies,
    fields: {
      plan: 'new',
      title: 'Plan after the autumn review',
      'periodStart-day': '1',
      'periodStart-month': '9',
      'periodStart-year': '2026',
      'periodEnd-day': '31',
      'periodEnd-month': '8',
      'periodEnd-year': '2027',
    },
  });
  assert.equal(started.statusCode, 303);
  const priorityForm = String(started.headers.location);
  const planId = /^\/plans\/([0-9a-f-]{36})\/priorities\/new\?/.exec(priorityForm)?.[1];
  assert.ok(planId, priorityForm);
  const [plan] = await db.select().from(plans).where(eq(plans.id, planId));
  assert.equal(plan?.organisationId, trust.id);
  assert.equal(plan?.status, 'draft');

  const form = await get(priorityForm, ceo.cookies);
  assert.equal(form.statusCode, 200);
  assert.match(form.body, new RegExp(`value="${firstElement.name}"`), 'the element’s name as a first draft');
  assert.match(form.body, new RegExp(`From the review “[^”]+”: ${heading.name}: ${firstElement.name}`));
  const added = await postForm(app, {
    url: priorityForm,
    from: priorityForm,
    cookies: ceo.cookies,
    fields: { title: firstElement.name, intendedOutcome: 'A clear purpose everyone can say back', successCriteria: '' },
  });
  assert.equal(added.statusCode, 303);

  // The second element goes into the plan just made, chosen from the trust's open plans.
  const second = await get(fromReview(secondElement.key), ceo.cookies);
  assert.match(second.body, /Plan after the autumn review/);
  const chosen = await postForm(app, {
    url: fromReview(secondElement.key),
    from: fromReview(secondElement.key),
    cookies: ceo.cookies,
    fields: { plan: planId },
  });
  assert.equal(chosen.statusCode, 303);
  const secondForm = String(chosen.headers.location);
  assert.ok(secondForm.startsWith(`/plans/${planId}/priorities/new?review=${reviewId}`));
  await postForm(app, {
    url: secondForm,
    from: secondForm,
    cookies: ceo.cookies,
    fields: { title: secondElement.name, intendedOutcome: 'Better', successCriteria: '' },
  });

  const priorities = await db.select().from(planPriorities).where(eq(planPriorities.planId, planId));
  assert.deepEqual(priorities.map((each) => each.elementKeys).sort(), [[firstElement.key], [secondElement.key]].sort());
  assert.ok(priorities.every((each) => each.reviewId === reviewId && each.headingKeys[0] === heading.key));
  const overview = await get(`/plans/${planId}`, seniorLeader.cookies);
  assert.match(overview.body, new RegExp(`From a review.*${heading.name}: ${secondElement.name}`, 's'));
});

test('someone who sees the review but does not make the trust’s plans is told who does', async () => {
  const refused = await get(fromReview(firstElement.key), seniorLeader.cookies);
  assert.equal(refused.statusCode, 403);
  assert.match(refused.body, /Only the trust’s leaders make its plans/);
});

test('a review someone does not take part in, or another trust’s plan, is not found', async () => {
  assert.equal((await get(fromReview(firstElement.key), otherTrustsCeo.cookies)).statusCode, 404);
  assert.equal((await get(fromReview('no-such-element'), ceo.cookies)).statusCode, 404);
  const otherPlan = await createPlan(db, { organisation: otherTrustsCeo.organisation });
  const crossed = `/plans/${otherPlan}/priorities/new?review=${reviewId}&element=${firstElement.key}`;
  assert.equal((await get(crossed, otherTrustsCeo.cookies)).statusCode, 404, 'the review is not theirs to see');
  const ownPlan = await createPlan(db, { owner: ceo.person });
  const intoOwn = `/plans/${ownPlan}/priorities/new?review=${reviewId}&element=${firstElement.key}`;
  assert.equal((await get(intoOwn, ceo.cookies)).statusCode, 404, 'a review’s element goes into its own trust’s plan');
  const chooseOther = await postForm(app, {
    url: fromReview(firstElement.key),
    from: fromReview(firstElement.key),
    cookies: ceo.cookies,
    fields: { plan: otherPlan },
  });
  assert.equal(chooseOther.statusCode, 400);
  assert.match(chooseOther.body, /Select a plan, or a new plan/);
});
