/**
 * A trust-to-trust partnership's diagnostic and development plan, by keyboard (issue 6, "Done
 * when"): the programme manager adds each trust's chief executive as its side's lead, naming the
 * trust (by name, and by Companies House number); the mentee trust's chief executive starts a
 * review of the trust with the mentor trust's chief executive in its partner trust group, rates
 * and agrees an element and closes it, links it as the partnership's diagnostic, makes a plan with
 * a priority from its heat map and links that plan, which shares it with the mentor trust; the
 * mentor trust's chief executive reads it and comments; the plan closes with medium-term
 * priorities, and the diagnostic page links the closed plan. Each page on the way is scanned with
 * axe. The partner's own rating goes in through the reviews service: its pages are the same
 * rating pages, walked here.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addMembership, createOrganisation, createPerson } from '../test/support/factories.ts';
import { createPartnership, createService } from '../test/support/partnership-factories.ts';
import { builtinVersion } from '../test/support/review-factories.ts';
import { rateElement } from '../test/support/review-scene.ts';
import { banner, mainText, startJourney } from './support/journey.ts';
import { follow, send, tick, typeDate, typeInto } from './support/keyboard.ts';

const { db, arriveAt, browserFor, scanned } = await startJourney('trust-to-trust-journey');

/** Provider staff sign in with a second factor, so theirs is on. */
const withSecondFactor = { mfaEnabledAt: new Date(), mfaSecret: 'set-by-test' };

test(
  'a trust-to-trust diagnostic review and development plan, by keyboard, with no axe violation',
  { timeout: 400_000 },
  async (t) => {
    const version = await builtinVersion(db, 'trust-development');
    const [first] = version.document.headings.flatMap((heading) => heading.elements);
    assert.ok(first, 'the framework has an element');
    const provider = await createOrganisation(db, { kind: 'provider', name: 'Trust Partnerships Network' });
    const manager = await createPerson(db, { displayName: 'Priya Manager', ...withSecondFactor });
    await addMembership(db, manager.id, provider.id, 'programme_manager');
    const menteeTrust = await createOrganisation(db, { name: 'Carrow Valley Trust', companiesHouseNumber: '07654321' });
    const mentorTrust = await createOrganisation(db, {
      name: 'Fenland Learning Trust',
      companiesHouseNumber: '08123456',
    });
    const menteeCeo = await createPerson(db, { displayName: 'Tess Mentee' });
    await addMembership(db, menteeCeo.id, menteeTrust.id, 'ceo');
    const mentorCeo = await createPerson(db, { displayName: 'Fran Mentor' });
    await addMembership(db, mentorCeo.id, mentorTrust.id, 'ceo');
    const service = await createService(db, { provider, kind: 'trust_to_trust', name: 'Trust-to-trust support' });
    const partnershipId = await createPartnership(db, {
      service,
      kind: 'trust_to_trust',
      state: 'preparation',
      title: 'Carrow Valley with Fenland',
    });
    const partnershipPath = `/partnerships/${partnershipId}`;

    // The programme manager adds each side's lead, naming the trust they take part for.
    const pm = await browserFor(t, manager);
    await pm.goto(partnershipPath);
    await arriveAt(pm, /^Carrow Valley with Fenland/, 'pm-partnership');
    await follow(pm, 'Who takes part');
    await arriveAt(pm, 'Who takes part', 'participants');
    for (const [person, side, trust] of [
      [menteeCeo, 'Mentee', menteeTrust.name],
      [mentorCeo, 'Mentor', mentorTrust.companiesHouseNumber ?? ''],
    ] as const) {
      await typeInto(pm, 'Their email address', person.email);
      await tick(pm, side);
      await typeInto(pm, 'The trust they take part for (optional)', trust);
      await tick(pm, 'They are a lead contact of their side');
      await send(pm, 'Add to the partnership');
      assert.match(await banner(pm), /They have been added to the partnership/);
    }
    await arriveAt(pm, 'Who takes part', 'participants-added');
    const people = await pm.getByRole('table', { name: 'Participants' }).innerText();
    assert.match(people, /Tess Mentee \(lead contact\)\s+Mentee\s+Carrow Valley Trust/);
    assert.match(people, /Fran Mentor \(lead contact\)\s+Mentor\s+Fenland Learning Trust/);

    // The mentee trust's chief executive starts the review, with the mentor trust's in the partner trust group.
    const mentee = await browserFor(t, menteeCeo);
    await mentee.goto(partnershipPath);
    await arriveAt(mentee, /^Carrow Valley with Fenland/, 'mentee-partnership');
    await follow(mentee, 'Diagnostic review and development plan');
    await arriveAt(mentee, 'Diagnostic review and development plan', 'diagnostic-empty');
    await follow(mentee, 'Go to reviews');
    await arriveAt(mentee, 'Reviews', 'reviews');
    await follow(mentee, 'Start a review');
    await arriveAt(mentee, 'Start a review', 'review-start');
    await typeInto(mentee, 'Title', 'Carrow Valley diagnostic 2026');
    await tick(mentee, /^Trust development framework/);
    await tick(mentee, 'Lead, and rate in the group “Executive team”');
    await send(mentee, 'Start the review');
    await arriveAt(mentee, /^Carrow Valley diagnostic 2026/, 'review-started');
    const reviewPath = new URL(mentee.url()).pathname;
    const reviewId = reviewPath.split('/').at(-1) ?? '';
    await follow(mentee, 'Add a person');
    await arriveAt(mentee, 'Add a person to the review', 'review-invite');
    await typeInto(mentee, 'Email address', mentorCeo.email);
    await tick(mentee, /^Partner trust/);
    await send(mentee, 'Add to the review');
    assert.match(await banner(mentee), /Added to the review/);

    // One element rated by both, agreed, and the review closed.
    await follow(mentee, /^Your ratings/);
    await follow(mentee, first.name);
    await arriveAt(mentee, first.name, 'rate-element');
    await tick(mentee, /^Amber-red/);
    await typeInto(mentee, 'Rationale', 'Schools cannot yet say what the trust is for.');
    await send(mentee, 'Save');
    assert.match(await banner(mentee), /Your rating is saved/);
    const elementKey = decodeURIComponent(new URL(mentee.url()).pathname.split('/').at(-1) ?? '');
    await rateElement(db, mentorCeo, {
      reviewId,
      elementKey,
      levelKey: 'red',
      rationale: 'Heads gave three different accounts of the trust’s purpose.',
    });
    await mentee.goto(reviewPath);
    await follow(mentee, `Agree the rating of ${first.name}`);
    await arriveAt(mentee, `Agree the rating of ${first.name}`, 'agree');
    await tick(mentee, 'Amber-red');
    await typeInto(mentee, 'Why this rating was agreed', 'Agreed with the mentor trust at the diagnostic meeting.');
    await send(mentee, 'Save agreed rating');
    assert.match(await banner(mentee), /Agreed rating saved/);
    await follow(mentee, 'Close the review');
    await arriveAt(mentee, 'Close the review?', 'review-close');
    await send(mentee, 'Close the review');
    assert.match(await banner(mentee), /Review closed/);
    await arriveAt(mentee, /^Carrow Valley diagnostic 2026/, 'review-closed');

    // The review becomes the partnership's diagnostic.
    await mentee.goto(`${partnershipPath}/diagnostic`);
    await tick(mentee, 'Carrow Valley diagnostic 2026');
    await send(mentee, 'Use this review');
    assert.match(await banner(mentee), /The review is now the partnership’s diagnostic/);
    await arriveAt(mentee, 'Diagnostic review and development plan', 'diagnostic-linked');
    assert.match(
      await mainText(mentee),
      /Carrow Valley diagnostic 2026, with Fenland Learning Trust giving peer challenge/,
    );

    // From its heat map, a plan with a priority.
    await follow(mentee, 'Carrow Valley diagnostic 2026');
    await follow(mentee, 'Heat map');
    await arriveAt(mentee, 'Heat map', 'heat-map');
    await follow(mentee, new RegExp(`^Make this a priority ?: ${first.name}$`));
    await arriveAt(mentee, 'Make this a priority', 'from-review');
    await typeInto(mentee, 'Title of the new plan', 'Carrow Valley development plan');
    await typeDate(mentee, 'Start date', ['1', '9', '2026']);
    await typeDate(mentee, 'End date', ['31', '8', '2027']);
    await send(mentee, 'Continue');
    await arriveAt(mentee, 'Add a priority', 'priority-new');
    await typeInto(mentee, 'Intended outcome', 'Every school can say what the trust is for.');
    await send(mentee, 'Add the priority');
    assert.match(await banner(mentee), /Priority added\./);
    await arriveAt(mentee, /^Carrow Valley development plan/, 'plan');
    const planPath = new URL(mentee.url()).pathname;

    // Linked as the development plan: shared with the mentor trust.
    await mentee.goto(`${partnershipPath}/diagnostic`);
    await tick(mentee, 'Carrow Valley development plan');
    await send(mentee, 'Use this plan and share it with the mentor trust');
    assert.match(await banner(mentee), /shared with the mentor trust/);
    await arriveAt(mentee, 'Diagnostic review and development plan', 'plan-linked');

    // The mentor trust's chief executive reads the plan from the partnership and comments.
    const mentor = await browserFor(t, mentorCeo);
    await mentor.goto(partnershipPath);
    await arriveAt(mentor, /^Carrow Valley with Fenland/, 'mentor-partnership');
    await follow(mentor, 'Diagnostic review and development plan');
    await arriveAt(mentor, 'Diagnostic review and development plan', 'mentor-diagnostic');
    await follow(mentor, 'Carrow Valley development plan');
    await arriveAt(mentor, /^Carrow Valley development plan/, 'mentor-plan');
    assert.equal(new URL(mentor.url()).pathname, planPath);
    await follow(mentor, `Comments on ${first.name}`);
    await arriveAt(mentor, `Comments on “${first.name}”`, 'mentor-comments');
    await typeInto(mentor, 'Your comment', 'Start with the heads: ask each to say the purpose in one sentence.');
    await send(mentor, 'Post the comment');
    assert.match(await banner(mentor), /Comment posted\./);
    await arriveAt(mentor, `Comments on “${first.name}”`, 'mentor-commented');

    // The mentee closes the plan with its medium-term priorities.
    await mentee.goto(planPath);
    await follow(mentee, 'Close the plan');
    await arriveAt(mentee, 'Close the plan', 'plan-close');
    await typeInto(mentee, first.name, 'Every head can say it; staff are next.');
    const firstRow = mentee.getByRole('group', { name: 'Medium-term priority 1', exact: true });
    await typeInto(mentee, 'Priority', 'Purpose understood by every member of staff', firstRow);
    await send(mentee, 'Close the plan');
    assert.match(await banner(mentee), /Plan closed\./);
    await arriveAt(mentee, /^Carrow Valley development plan\s+Closed$/, 'plan-closed');

    // The diagnostic page links the closed plan.
    await mentee.goto(`${partnershipPath}/diagnostic`);
    await arriveAt(mentee, 'Diagnostic review and development plan', 'diagnostic-closed-plan');
    await follow(mentee, 'Carrow Valley development plan');
    await arriveAt(mentee, /^Carrow Valley development plan\s+Closed$/, 'closed-plan-from-diagnostic');
    assert.match(await mainText(mentee), /Medium-term priorities[\s\S]*Purpose understood by every member of staff/);
    t.diagnostic(`pages scanned by axe: ${scanned()}`);
  },
);
