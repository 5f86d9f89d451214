/**
 * CEO mentoring from enquiry to a further year, by keyboard (issue 6, "Done when"): a programme
 * manager creates a service; a trust's chief executive asks about it on its public form; the
 * programme manager accepts the enquiry into matching; the mentee gives preferences; the
 * programme manager reads the ranked mentors and schedules two chemistry conversations, each
 * with a different mentor, and marks both held; the mentee notes one and chooses its mentor; the
 * match is confirmed; the agreement is made and accepted by both sides; preparation (a document
 * given, reading done, two school visits) moves the partnership on to establishing; the
 * establishing record and two goals; the meetings start; three meetings, each held with private
 * notes; both sides review every goal; the mentee extends for a further year with a fee. Each
 * page on the way is scanned with axe. Mentors' profiles are made by the factory: their own
 * page is walked in the browser suite.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addMembership, createOrganisation, createPerson } from '../test/support/factories.ts';
import { createMentorProfile } from '../test/support/partnership-factories.ts';
import { banner, mainText, startJourney } from './support/journey.ts';
import { choose, follow, send, tick, typeDate, typeInto } from './support/keyboard.ts';

const { db, arriveAt, browserFor, scanned } = await startJourney('mentoring-journey');

/** Provider staff sign in with a second factor, so theirs is on. */
const withSecondFactor = { mfaEnabledAt: new Date(), mfaSecret: 'set-by-test' };

test(
  'CEO mentoring from enquiry to a further year, by keyboard, with no axe violation',
  { timeout: 600_000 },
  async (t) => {
    const provider = await createOrganisation(db, { kind: 'provider', name: 'Journey Mentoring Network' });
    const manager = await createPerson(db, { displayName: 'Priya Manager', ...withSecondFactor });
    await addMembership(db, manager.id, provider.id, 'programme_manager');
    const mentors = [];
    for (const [displayName, region] of [
      ['Morgan Mentor', 'North West'],
      ['Casey Mentor', 'London'],
    ] as const) {
      const mentor = await createPerson(db, { displayName, ...withSecondFactor });
      await addMembership(db, mentor.id, provider.id, 'mentor');
      await createMentorProfile(db, { mentor, provider, region });
      mentors.push(mentor);
    }
    const [morgan, casey] = mentors;
    assert.ok(morgan && casey);
    const trust = await createOrganisation(db, { kind: 'trust', name: 'Journey Learning Trust' });
    const ceo = await createPerson(db, { displayName: 'Sam Chief' });
    await addMembership(db, ceo.id, trust.id, 'ceo');
    const schools = ['Riverside Primary School', 'Hilltop Academy'];
    for (const name of schools)
      await createOrganisation(db, { kind: 'school', name, trustId: trust.id, status: 'open' });

    const pm = await browserFor(t, manager);

    // The programme manager creates the service.
    await pm.goto('/mentoring/services');
    await arriveAt(pm, 'Mentoring services', 'services');
    await follow(pm, 'Create a service');
    await arriveAt(pm, 'Create a mentoring service', 'service-new');
    await typeInto(pm, 'Name of the service', 'CEO mentoring 2026 to 2027');
    await send(pm, 'Create the service');
    await arriveAt(pm, 'CEO mentoring 2026 to 2027', 'service');
    const serviceId = new URL(pm.url()).pathname.split('/').at(-1) ?? '';
    assert.match(serviceId, /^[0-9a-f-]{36}$/);

    // The chief executive, signed in, asks about it on its public form: who they are is filled in.
    const mentee = await browserFor(t, ceo);
    await mentee.goto(`/mentoring/services/${serviceId}/enquire`);
    await arriveAt(mentee, 'Ask about CEO mentoring 2026 to 2027', 'enquire');
    assert.equal(await mentee.getByLabel('Trust or organisation', { exact: true }).inputValue(), trust.name);
    await typeInto(mentee, 'Your message', 'I am in my second year as CEO and would value an experienced mentor.');
    await send(mentee, 'Send your enquiry');
    await arriveAt(mentee, /^Enquiry sent/, 'enquiry-sent');

    // Triage: accepted into matching, which starts the partnership.
    await pm.goto('/mentoring/enquiries');
    await arriveAt(pm, 'Enquiries', 'enquiries');
    await follow(pm, 'Sam Chief');
    await arriveAt(pm, 'Sam Chief', 'enquiry');
    assert.match(await mainText(pm), /matches Journey Learning Trust in the register/);
    await tick(pm, 'Accept into matching');
    await send(pm, 'Save the decision');
    await arriveAt(pm, /^Sam Chief \(Journey Learning Trust\)\s+Matching$/, 'partnership-matching');
    const partnershipPath = new URL(pm.url()).pathname;
    assert.match(partnershipPath, /^\/partnerships\/[0-9a-f-]{36}$/);

    // The mentee's preferences: someone independent of their locale, in London.
    await mentee.goto(partnershipPath);
    await arriveAt(mentee, /^Sam Chief/, 'mentee-partnership');
    await follow(mentee, 'Matching');
    await arriveAt(mentee, 'Your preferences for a mentor', 'preferences');
    await typeInto(mentee, 'Experience you would like your mentor to have (optional)', 'turnaround');
    await choose(mentee, 'Your region', 'London');
    await tick(mentee, 'Someone independent of my locale');
    await send(mentee, 'Save your preferences');
    assert.match(await banner(mentee), /Your preferences have been saved/);
    await arriveAt(mentee, 'Your preferences for a mentor', 'preferences-saved');

    // The ranked mentors, and two chemistry conversations, each with a different mentor.
    await pm.goto(partnershipPath);
    await follow(pm, 'Matching');
    await arriveAt(pm, 'Matching', 'matching');
    const ranked = await pm.locator('main ol').innerText();
    assert.match(ranked, /Morgan Mentor: \d+ out of 100[\s\S]*Casey Mentor: \d+ out of 100/, 'independent first');
    assert.match(ranked, /Concerns:/, 'the local mentor’s conflict is said');
    for (const [index, mentor] of [morgan, casey].entries()) {
      await pm.goto(`${partnershipPath}/matching`);
      await follow(pm, 'Schedule a chemistry conversation');
      await arriveAt(pm, 'Schedule a chemistry conversation', `chemistry-new-${index + 1}`);
      await tick(pm, new RegExp(`^${mentor.displayName} \\(\\d+ out of 100\\)$`));
      await typeDate(pm, 'Date', [String(10 + index), '6', '2030']);
      await typeInto(pm, 'Time (UK time)', '14:30');
      await typeInto(pm, 'Where, or the video link', 'https://video.example.test/chemistry');
      await send(pm, 'Schedule the conversation');
      assert.match(await banner(pm), /The chemistry conversation has been scheduled/);
      await arriveAt(pm, `Chemistry conversation with ${mentor.displayName}`, `chemistry-${index + 1}`);
      await send(pm, 'Mark as held');
      assert.match(await banner(pm), /The conversation has been updated/);
      assert.match(await mainText(pm), /Held/);
    }

    // The mentee's own note on the first, and their choice.
    await mentee.goto(partnershipPath);
    await follow(mentee, 'Chemistry conversations');
    await arriveAt(mentee, 'Schedule a chemistry conversation', 'mentee-chemistry');
    await follow(mentee, 'Morgan Mentor');
    await arriveAt(mentee, 'Chemistry conversation with Morgan Mentor', 'mentee-conversation');
    const outcome = 'Asked the questions I had not thought to ask. Independent of our area, as I hoped.';
    await typeInto(mentee, 'Outcome note', outcome);
    await send(mentee, 'Save your note');
    assert.match(await banner(mentee), /Your note has been saved/);
    assert.equal(await mentee.getByLabel('Outcome note', { exact: true }).inputValue(), outcome);
    await send(mentee, 'Choose Morgan Mentor as my mentor');
    assert.match(await banner(mentee), /You have chosen your mentor/);
    await arriveAt(mentee, 'Chemistry conversation with Morgan Mentor', 'mentee-chosen');

    // The programme manager confirms the match, then makes the agreement with the term's dates.
    await pm.goto(`${partnershipPath}/matching`);
    await send(pm, 'Confirm Morgan Mentor as the mentor');
    assert.match(await banner(pm), /The match has been confirmed/);
    await arriveAt(pm, 'Matching', 'match-confirmed');
    await pm.goto(partnershipPath);
    await follow(pm, 'Agreement');
    await arriveAt(pm, 'Agreement', 'agreement-none');
    await follow(pm, 'Make the agreement');
    await arriveAt(pm, 'Make the agreement', 'agreement-new');
    await typeDate(pm, 'Start date', ['1', '9', '2026']);
    await typeDate(pm, 'End date', ['31', '8', '2027']);
    await send(pm, 'Make version 1');
    assert.match(await banner(pm), /The new version of the agreement has been made/);
    await arriveAt(pm, 'Agreement', 'agreement-made');

    // Each side accepts it by typing their name.
    const mentor = await browserFor(t, morgan);
    for (const [page, person, label] of [
      [mentee, ceo, 'mentee'],
      [mentor, morgan, 'mentor'],
    ] as const) {
      await page.goto('/partnerships');
      await arriveAt(page, 'Mentoring', `${label}-partnerships`);
      await follow(page, 'Sam Chief (Journey Learning Trust)');
      await follow(page, 'Agreement');
      await arriveAt(page, 'Agreement', `${label}-agreement`);
      await typeInto(page, 'Your full name', person.displayName);
      await tick(page, 'I accept this agreement');
      await send(page, 'Accept the agreement');
      await arriveAt(page, 'Agreement', `${label}-accepted`);
    }
    assert.match(await banner(mentor), /Everyone has accepted the agreement: preparation can begin/);

    // Preparation: a document given, the reading done, and two school visits.
    await mentee.goto(partnershipPath);
    await follow(mentee, 'Preparation');
    await arriveAt(mentee, 'Preparation', 'mentee-preparation');
    await follow(mentee, /^Give a file or link/);
    const itemTitle = (await mentee.locator('h1').innerText()).trim();
    await arriveAt(mentee, itemTitle, 'give-document');
    await typeInto(mentee, 'Link', 'https://documents.example.test/strategic-plan.pdf');
    await typeInto(mentee, 'Note for the mentor (optional)', 'The plan the board approved in July.');
    await send(mentee, 'Give it');
    assert.match(await banner(mentee), /it has been given to the mentor/);
    await arriveAt(mentee, 'Preparation', 'mentee-given');
    assert.match(await mainText(mentee), /1 of \d+ items given/);

    await mentor.goto(partnershipPath);
    await follow(mentor, 'Preparation');
    await arriveAt(mentor, 'Preparation', 'mentor-preparation');
    assert.match(await mainText(mentor), /strategic-plan\.pdf/);
    await send(mentor, 'I have read the documents');
    assert.match(await banner(mentor), /The reading day is recorded as done/);
    for (const [index, school] of schools.entries()) {
      await follow(mentor, 'Plan a school visit');
      await arriveAt(mentor, 'Plan a school visit', `visit-new-${index + 1}`);
      await tick(mentor, school);
      await typeDate(mentor, 'Date of the visit', [String(20 + index), '9', '2026']);
      await typeInto(mentor, 'Whom the mentor meets (optional)', 'The headteacher and the chair of governors');
      await send(mentor, 'Plan the visit');
      assert.match(await banner(mentor), /The visit has been planned/);
      await send(mentor, `Mark as done (visit to ${school})`);
      assert.match(await banner(mentor), /The visit has been marked as done/);
    }
    await arriveAt(mentor, 'Preparation', 'preparation-done');
    assert.match(await mainText(mentor), /School visits: 2 of at least 2 done/);

    // Establishing: the record, two goals, then the meetings start.
    await mentee.goto(partnershipPath);
    await arriveAt(mentee, /^Sam Chief \(Journey Learning Trust\)\s+Establishing$/, 'mentee-establishing-state');
    await follow(mentee, 'Establishing');
    await arriveAt(mentee, 'Establishing the partnership', 'establishing');
    await typeInto(mentee, 'The mentee’s leadership story', 'Head of a primary for ten years, CEO for two.');
    await typeInto(mentee, 'Current needs', 'A board that challenges; a central team that serves.');
    await typeInto(mentee, 'Objectives for the year', 'A three-year strategy the schools own.');
    await send(mentee, 'Save the record');
    assert.match(await banner(mentee), /The establishing record is saved/);
    const goals = [
      ['Build a strategy the schools own', 'Every head can say the three priorities'],
      ['Strengthen the board’s challenge', 'Minutes show questions on every paper'],
    ] as const;
    for (const [index, [goal, measure]] of goals.entries()) {
      await follow(mentee, 'Add a goal');
      await arriveAt(mentee, 'Add a goal', `goal-new-${index + 1}`);
      await typeInto(mentee, 'Goal', goal);
      await typeInto(mentee, 'Measure of success', measure);
      await send(mentee, 'Add the goal');
      assert.match(await banner(mentee), /The goal is added/);
    }
    await arriveAt(mentee, 'Establishing the partnership', 'establishing-goals');
    await send(mentee, 'Establishing is done: start the meetings');
    assert.match(await banner(mentee), /the meetings have started/);
    await arriveAt(mentee, 'Establishing the partnership', 'meetings-started');

    // Three meetings, each held, with private notes.
    for (const [index, month] of ['10', '12', '2'].entries()) {
      await mentee.goto(partnershipPath);
      await follow(mentee, 'Meetings');
      await arriveAt(mentee, 'Meetings', `meetings-${index + 1}`);
      await follow(mentee, 'Book a meeting');
      await arriveAt(mentee, 'Book a meeting', `meeting-new-${index + 1}`);
      await typeDate(mentee, 'Date and start time', ['14', month, month === '2' ? '2027' : '2026', '9', '30']);
      await typeInto(mentee, 'Hours', '3', mentee.getByRole('group', { name: 'How long it lasts' }));
      await typeInto(mentee, 'Place (optional)', 'The trust’s head office');
      await typeInto(mentee, 'Agenda (optional)', `Meeting ${index + 1}: the strategy and the board.`);
      await send(mentee, 'Book the meeting');
      assert.match(await banner(mentee), /The meeting is booked/);
      await arriveAt(mentee, /^\w+ 14 \w+ 20\d\d, 9:30am$/, `meeting-${index + 1}`);
      await send(mentee, 'Mark as held');
      assert.match(await banner(mentee), /The meeting is marked as held, and its time counted/);
      const notes = `Private note of meeting ${index + 1}: what we agreed to try next.`;
      await typeInto(mentee, 'Notes', notes);
      await send(mentee, 'Save the notes');
      assert.match(await banner(mentee), /Your notes are saved/);
      await arriveAt(mentee, /^\w+ 14 \w+ 20\d\d, 9:30am$/, `meeting-${index + 1}-notes`);
      assert.equal(await mentee.getByLabel('Notes', { exact: true }).inputValue(), notes);
    }

    // The third-term review, from both sides, on every goal.
    for (const [page, side] of [
      [mentee, 'Mentee'],
      [mentor, 'Mentor'],
    ] as const) {
      await page.goto(partnershipPath);
      await follow(page, 'Third-term review');
      await arriveAt(page, 'Third-term review', `review-${side.toLowerCase()}`);
      for (const [goal] of goals) {
        await typeInto(page, `Progress on “${goal}”`, `${side}: good progress on ${goal.toLowerCase()}.`);
      }
      await send(page, 'Save your side’s view');
      assert.match(await banner(page), /Your side’s view is saved/);
      await arriveAt(page, 'Third-term review', `review-${side.toLowerCase()}-saved`);
    }
    assert.match(await mainText(mentor), /Mentee: good progress on build a strategy/);

    // The decision: extend, with a fee; the further year's partnership shows.
    await mentee.goto(`${partnershipPath}/review`);
    await follow(mentee, 'Decide: extend or close');
    await arriveAt(mentee, 'Extend or close the partnership', 'decision');
    await typeInto(mentee, 'Fee agreed for the further year', '1500');
    await send(mentee, 'Extend for a further year');
    const nextPath = new URL(mentee.url()).pathname;
    assert.match(nextPath, /^\/partnerships\/[0-9a-f-]{36}$/);
    assert.notEqual(nextPath, partnershipPath, 'a new partnership');
    await arriveAt(mentee, /^Sam Chief/, 'extended');
    assert.match(await mainText(mentee), /Morgan Mentor/);
    assert.match(await mainText(mentee), /1 September 2027 to 31 August 2028/);
    t.diagnostic(`pages scanned by axe: ${scanned()}`);
  },
);
