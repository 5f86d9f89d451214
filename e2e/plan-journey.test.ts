/**
 * A development plan from a review to the next plan, by keyboard, as a trust's chief executive
 * would make it (issue 5, "Done when"): two priorities made from a closed review's heat map into a
 * new plan, actions with owners and due dates, a progress update, the plan shared with a mentor
 * who comments on a priority (in a second browser), a reply, the plan closed with what each
 * priority achieved and its medium-term priorities, and the next plan started from them. Each
 * page on the way is scanned with axe.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { addMembership, createOrganisation, createPerson } from '../test/support/factories.ts';
import { builtinVersion } from '../test/support/review-factories.ts';
import { createReviewScene } from '../test/support/review-scene.ts';
import { expectNoAxeViolations } from './support/browser.ts';
import { banner, mainText, startJourney } from './support/journey.ts';
import { choose, follow, linkNamed, press, send, tick, typeDate, typeInto } from './support/keyboard.ts';

const { db, arriveAt, browserFor } = await startJourney('plan-journey');

/**
 * The heat map's link for an element. Its name ends in a visually hidden ": element" that
 * Chromium sets apart with a space (the hidden span is positioned, so not inline).
 */
function makeThisAPriority(element: string): RegExp {
  return new RegExp(`^Make this a priority ?: ${element}$`);
}

test(
  'a plan from a review’s heat map to the next plan, by keyboard, with no axe violation',
  { timeout: 300_000 },
  async (t) => {
    // A closed review of the trust, rated by its groups and a partner, two elements agreed low.
    const version = await builtinVersion(db, 'trust-development');
    const [first, second] = version.document.headings.flatMap((heading) => heading.elements);
    assert.ok(first && second, 'the framework has two elements');
    const scene = await createReviewScene(db, {
      title: 'Plan journey review 2026',
      trustName: 'Plan Journey Trust',
      agreed: { 0: 1, 1: 0 },
      closed: true,
    });
    const { trust, lead: ceo, reviewId } = scene;
    const colleague = await createPerson(db, { displayName: 'Colm Colleague' });
    await addMembership(db, colleague.id, trust.id, 'executive');
    // A mentor at a provider: provider staff sign in with a second factor, so theirs is on.
    const provider = await createOrganisation(db, { kind: 'provider', name: 'Plan Journey Mentoring' });
    const mentor = await createPerson(db, {
      displayName: 'Mina Mentor',
      mfaEnabledAt: new Date(),
      mfaSecret: 'set-by-test',
    });
    await addMembership(db, mentor.id, provider.id, 'mentor');

    const page = await browserFor(t, ceo);
    const heatMap = `/reviews/${reviewId}/heat-map`;

    // The first element, into a new plan: the trust has none yet, so a new one is already chosen.
    await page.goto(heatMap);
    await arriveAt(page, 'Heat map', 'heat-map');
    await follow(page, makeThisAPriority(first.name));
    await arriveAt(page, 'Make this a priority', 'from-review-first');
    assert.match(await mainText(page), new RegExp(`Element: .*${first.name}`));
    assert.ok(await page.getByLabel('A new plan for Plan Journey Trust', { exact: true }).isChecked());
    await typeInto(page, 'Title of the new plan', 'Plan journey 2026 to 2027');
    await typeDate(page, 'Start date', ['1', '9', '2026']);
    await typeDate(page, 'End date', ['31', '8', '2027']);
    await send(page, 'Continue');

    // The priority form starts from the element.
    await arriveAt(page, 'Add a priority', 'priority-from-review-first');
    assert.equal(await page.getByLabel('Priority', { exact: true }).inputValue(), first.name);
    assert.match(await mainText(page), new RegExp(`From the review “Plan journey review 2026”: .*${first.name}`));
    await typeInto(page, 'Intended outcome', 'Every school can say what the trust is for.');
    await typeInto(page, 'Success criteria (optional)', 'Staff survey: 90% agree.');
    await send(page, 'Add the priority');
    await arriveAt(page, /^Plan journey 2026 to 2027\s+Draft$/, 'plan-first-priority');
    assert.match(await banner(page), /Priority added\./);
    assert.match(await mainText(page), /Plan Journey Trust’s plan/);
    assert.match(await mainText(page), new RegExp(`1\\. ${first.name}[\\s\\S]*From a review`));
    const planPath = new URL(page.url()).pathname;
    assert.match(planPath, /^\/plans\/[0-9a-f-]{36}$/);

    // The second element, into the same plan: chosen from the trust's plans.
    await page.goto(heatMap);
    await follow(page, makeThisAPriority(second.name));
    await arriveAt(page, 'Make this a priority', 'from-review-second');
    await tick(page, 'Plan journey 2026 to 2027');
    await send(page, 'Continue');
    await arriveAt(page, 'Add a priority', 'priority-from-review-second');
    // Sent without its outcome: the page says so, and the title (as changed) is kept.
    await page.getByLabel('Priority', { exact: true }).focus();
    await page.keyboard.press('End');
    await page.keyboard.type(' across every school');
    await send(page, 'Add the priority');
    await arriveAt(page, 'Add a priority', 'priority-from-review-second-error');
    assert.match(await page.title(), /^Error: /);
    assert.match(await page.locator('.govuk-error-summary').innerText(), /outcome/i);
    const secondTitle = `${second.name} across every school`;
    assert.equal(await page.getByLabel('Priority', { exact: true }).inputValue(), secondTitle);
    await typeInto(page, 'Intended outcome', 'Leaders at every level lead improvement.');
    await send(page, 'Add the priority');
    assert.match(await banner(page), /Priority added\./);
    await arriveAt(page, /^Plan journey 2026 to 2027/, 'plan-two-priorities');
    assert.match(await mainText(page), new RegExp(`1\\. ${first.name}[\\s\\S]*2\\. ${secondTitle}`));

    // An action for each priority, each with an owner and a due date.
    const actions = [
      { priority: first.name, title: 'Write the vision with every head', owner: ceo.displayName, rag: 'Green' },
      { priority: secondTitle, title: 'Train middle leaders in coaching', owner: 'Colm Colleague', rag: 'Amber' },
    ];
    for (const [index, action] of actions.entries()) {
      await follow(page, `Add an action to ${action.priority}`);
      await arriveAt(page, 'Add an action', `action-new-${index + 1}`);
      assert.match(await mainText(page), new RegExp(`Priority: ${action.priority}`));
      await typeInto(page, 'Action', action.title);
      await choose(page, 'Owner', action.owner);
      await typeDate(page, 'Due date', ['31', '1', '2027']);
      await tick(page, action.rag);
      await send(page, 'Add the action');
      assert.match(await banner(page), /Action added\./);
      const table = page.getByRole('table', { name: `Actions for ${action.priority}` });
      assert.match(
        await table.innerText(),
        new RegExp(`${action.title}[\\s\\S]*${action.owner}[\\s\\S]*31 January 2027`),
      );
    }
    await arriveAt(page, /^Plan journey 2026 to 2027/, 'plan-with-actions');

    // A progress update on the first action.
    await follow(page, actions[0]?.title ?? '');
    await arriveAt(page, actions[0]?.title ?? '', 'action');
    await follow(page, 'Post a progress update');
    await arriveAt(page, 'Post a progress update', 'update-new');
    await typeInto(page, 'What has happened', 'Draft vision shared with the heads at their termly meeting.');
    await send(page, 'Post the update');
    assert.match(await banner(page), /Progress update posted\./);
    await arriveAt(page, actions[0]?.title ?? '', 'action-updated');
    assert.match(await mainText(page), /Progress[\s\S]*Draft vision shared with the heads/);

    // Shared with the mentor, who may comment.
    await follow(page, 'Back to the plan');
    await follow(page, 'Sharing and reads');
    await arriveAt(page, 'Sharing and reads', 'sharing');
    assert.match(await mainText(page), /This plan is not shared with anyone yet/);
    const personForm = page.locator('form').filter({ has: page.getByLabel('Their email address', { exact: true }) });
    await typeInto(page, 'Their email address', mentor.email, personForm);
    await tick(page, 'Read the plan and comment on its priorities', personForm);
    await send(page, 'Share with this person', personForm);
    assert.match(await banner(page), /Plan shared\./);
    await arriveAt(page, 'Sharing and reads', 'sharing-shared');
    const shares = page.getByRole('table', { name: 'Shared with' });
    assert.match(await shares.innerText(), new RegExp(`Mina Mentor \\(${mentor.email}\\)\\s+Read and comment`));

    // The mentor, in a browser of their own: the plan is under "Shared with you"; a comment on a priority.
    const mentorPage = await browserFor(t, mentor);
    await mentorPage.goto('/plans');
    await arriveAt(mentorPage, 'Development plans', 'mentor-plans');
    const sharedWithYou = mentorPage.getByRole('table', { name: 'Shared with you' });
    assert.match(
      await sharedWithYou.innerText(),
      /Plan journey 2026 to 2027\s+Plan Journey Trust\s+.*Read and comment/,
    );
    await follow(mentorPage, 'Plan journey 2026 to 2027');
    await arriveAt(mentorPage, /^Plan journey 2026 to 2027/, 'mentor-plan');
    assert.equal(await linkNamed(mentorPage, 'Close the plan').count(), 0, 'a mentor cannot close the plan');
    assert.equal(await linkNamed(mentorPage, `Add an action to ${first.name}`).count(), 0, 'nor add to it');
    await follow(mentorPage, `Comments on ${first.name}`);
    await arriveAt(mentorPage, `Comments on “${first.name}”`, 'mentor-comments');
    assert.match(await mainText(mentorPage), /No comments yet\./);
    const mentorComment = 'How will you hear what pupils think the trust is for?';
    await typeInto(mentorPage, 'Your comment', mentorComment);
    await send(mentorPage, 'Post the comment');
    assert.match(await banner(mentorPage), /Comment posted\./);
    await arriveAt(mentorPage, `Comments on “${first.name}”`, 'mentor-commented');
    assert.match(
      await mentorPage.getByRole('article', { name: 'Comment by Mina Mentor' }).innerText(),
      new RegExp(mentorComment.replace('?', '\\?')),
    );

    // Back as the chief executive: the comment is counted and shown, and answered.
    await page.goto(planPath);
    await follow(page, `1 comment on ${first.name}`);
    await arriveAt(page, `Comments on “${first.name}”`, 'comments');
    const thread = page.getByRole('article', { name: 'Comment by Mina Mentor' });
    assert.match(await thread.innerText(), /How will you hear what pupils think/);
    // The reply form is folded away in a <details>: its summary opens it from the keyboard.
    await press(page, thread.locator('summary', { hasText: 'Reply to Mina Mentor' }), 'Enter');
    assert.ok(await thread.locator('details').evaluate((details: HTMLDetailsElement) => details.open), 'opened');
    await expectNoAxeViolations(page, 'comments-reply-open');
    const reply = 'Through the pupil parliament in each school, each term.';
    await typeInto(page, 'Your reply', reply, thread);
    await send(page, 'Post the reply', thread);
    assert.match(await banner(page), /Comment posted\./);
    await arriveAt(page, `Comments on “${first.name}”`, 'comments-replied');
    assert.match(
      await page.getByRole('article', { name: 'Comment by Mina Mentor' }).locator('.govuk-inset-text').innerText(),
      new RegExp(`${ceo.displayName}[\\s\\S]*${reply}`),
    );
    // The mentor's reads are on the sharing page.
    await follow(page, 'Back to the plan');
    await follow(page, 'Sharing and reads');
    assert.match(await page.getByRole('table', { name: /The latest reads/ }).innerText(), /Mina Mentor/);

    // Closing: what each priority achieved, and medium-term priorities (one row added on the way).
    await follow(page, 'Back to the plan');
    await follow(page, 'Close the plan');
    await arriveAt(page, 'Close the plan', 'close');
    const rowsNamed = (scope: Page) => scope.getByRole('group', { name: /^Medium-term priority \d+$/ });
    assert.equal(await rowsNamed(page).count(), 3);
    const firstAchieved = 'Every head and most staff can say it; pupils are next.';
    await typeInto(page, first.name, firstAchieved);
    await typeInto(page, secondTitle, 'Twelve middle leaders trained as coaches.');
    const firstRow = page.getByRole('group', { name: 'Medium-term priority 1', exact: true });
    await typeInto(page, 'Priority', 'Pupil voice in every school', firstRow);
    await send(page, 'Add another medium-term priority');
    await arriveAt(page, 'Close the plan', 'close-another-row');
    assert.equal(await rowsNamed(page).count(), 4, 'one more row');
    assert.equal(await page.getByLabel(first.name, { exact: true }).inputValue(), firstAchieved, 'typed text kept');
    assert.equal(
      await page.getByLabel(secondTitle, { exact: true }).inputValue(),
      'Twelve middle leaders trained as coaches.',
    );
    assert.equal(
      await page
        .getByRole('group', { name: 'Medium-term priority 1', exact: true })
        .getByLabel('Priority', { exact: true })
        .inputValue(),
      'Pupil voice in every school',
    );
    const secondRow = page.getByRole('group', { name: 'Medium-term priority 2', exact: true });
    await typeInto(page, 'Priority', 'Coaching beyond middle leaders', secondRow);
    await typeInto(
      page,
      'Why it matters, or what it should achieve (optional)',
      'Every new teacher has a coach.',
      secondRow,
    );
    await send(page, 'Close the plan');
    assert.match(await banner(page), /Plan closed\./);
    await arriveAt(page, /^Plan journey 2026 to 2027\s+Closed$/, 'plan-closed');
    const closed = await mainText(page);
    assert.match(closed, new RegExp(`What was achieved\\s+${firstAchieved}`));
    assert.match(
      closed,
      /Medium-term priorities[\s\S]*Pupil voice in every school[\s\S]*Coaching beyond middle leaders/,
    );
    assert.equal(await linkNamed(page, 'Close the plan').count(), 0, 'a closed plan cannot be closed again');

    // The next plan, from both medium-term priorities: it starts the day after this one ended.
    await follow(page, 'Start the next plan from these priorities');
    await arriveAt(page, 'Start the next plan', 'next-plan');
    const start = page.getByRole('group', { name: 'Start date', exact: true });
    assert.deepEqual(
      [
        await start.getByLabel('Day', { exact: true }).inputValue(),
        await start.getByLabel('Month', { exact: true }).inputValue(),
        await start.getByLabel('Year', { exact: true }).inputValue(),
      ],
      ['1', '9', '2027'],
    );
    for (const carried of ['Pupil voice in every school', 'Coaching beyond middle leaders']) {
      assert.ok(await page.getByLabel(carried, { exact: true }).isChecked(), `${carried} is ticked`);
    }
    await typeInto(page, 'Title', 'Plan journey 2027 to 2028');
    await typeDate(page, 'End date', ['31', '8', '2028']);
    await send(page, 'Create the plan');
    assert.match(await banner(page), /Plan created\./);
    await arriveAt(page, /^Plan journey 2027 to 2028\s+Draft$/, 'next-plan-created');
    assert.notEqual(new URL(page.url()).pathname, planPath);
    const priorities = await page.locator('main h3').allInnerTexts();
    assert.deepEqual(
      priorities.map((each) => each.trim()),
      ['1. Pupil voice in every school', '2. Coaching beyond middle leaders'],
    );
    assert.match(await mainText(page), /1 September 2027 to 31 August 2028/);
  },
);
