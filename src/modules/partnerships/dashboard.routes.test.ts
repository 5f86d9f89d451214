import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eq } from 'drizzle-orm';
import { buildTestApp } from '../../../test/support/app.ts';
import { createPerson } from '../../../test/support/factories.ts';
import { createPartnership, createService } from '../../../test/support/partnership-factories.ts';
import { signIn } from '../../../test/support/sign-in.ts';
import { addDays, londonToday } from '../../platform/views/london-time.ts';
import { addConfidentialContent, anySecret } from './confidential-content.fixture.ts';
import { partnerships, type PartnershipState } from './partnerships.tables.ts';

const { app, db } = await buildTestApp();
const manager = await signIn(db, 'programme_manager');
const provider = manager.organisation;
const service = await createService(db, { provider });
const mentee = await signIn(db, 'ceo');
const url = `/mentoring/providers/${provider.id}/dashboard`;
const get = (query = '') => app.inject({ method: 'GET', url: `${url}${query}`, cookies: manager.cookies });

/** A London day this many days from today, so that which reviews are overdue never depends on the date run. */
function daysFromToday(days: number): string {
  return addDays(londonToday(), days);
}

async function partnership(title: string, state: PartnershipState, endsOn: string) {
  const mentor = await createPerson(db, { displayName: `Mentor of ${title}` });
  const id = await createPartnership(db, { service, mentee: mentee.person, mentor, title, state });
  await db.update(partnerships).set({ endsOn }).where(eq(partnerships.id, id));
  return id;
}

// 33 partnerships, oldest first: 5 closed, 26 in their meetings with a year to go, then 2 whose review is overdue.
for (let index = 1; index <= 5; index++) await partnership(`Closed ${index}`, 'closed', daysFromToday(-30));
for (let index = 1; index <= 26; index++) {
  await partnership(`Meetings ${String(index).padStart(2, '0')}`, 'meetings', daysFromToday(365));
}
const withContent = await partnership('Overdue A', 'meetings', daysFromToday(30));
await partnership('Overdue B', 'meetings', daysFromToday(60));
await addConfidentialContent(db, withContent);

/** The partnerships listed, in order. */
function titlesIn(body: string): string[] {
  return [...body.matchAll(/<a class="govuk-link" href="\/partnerships\/[0-9a-f-]+">([^<]+)<\/a>/g)].map(
    ([, title]) => title ?? '',
  );
}

const textOf = (body: string) => body.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

test('the dashboard lists 25 partnerships a page, reviews overdue first, then the newest; page 2 holds the rest', async () => {
  const first = await get();
  assert.equal(first.statusCode, 200);
  const firstTitles = titlesIn(first.body);
  assert.equal(firstTitles.length, 25);
  assert.deepEqual(firstTitles.slice(0, 4), ['Overdue B', 'Overdue A', 'Meetings 26', 'Meetings 25']);
  assert.match(first.body, /<title>[^<]*partnerships \(page 1 of 2\)/);
  assert.match(textOf(first.body), /Showing 1 to 25 of 33 partnerships/);
  assert.match(first.body, new RegExp(`href="${url}\\?page=2"`));

  const second = await get('?page=2');
  assert.equal(second.statusCode, 200);
  const secondTitles = titlesIn(second.body);
  assert.deepEqual(secondTitles, [
    'Meetings 03',
    'Meetings 02',
    'Meetings 01',
    ...[5, 4, 3, 2, 1].map((n) => `Closed ${n}`),
  ]);
  assert.equal(new Set([...firstTitles, ...secondTitles]).size, 33, 'no partnership on both pages, none left out');
});

test('a page past the end shows the last page, and a page that is not a number shows the first, as other lists do', async () => {
  const last = await get('?page=99');
  assert.equal(last.statusCode, 200);
  assert.match(last.body, /<title>[^<]*\(page 2 of 2\)/);
  assert.deepEqual(titlesIn(last.body), titlesIn((await get('?page=2')).body));
  const firstTitles = titlesIn((await get()).body);
  for (const page of ['abc', '0', '-1', '1.5']) {
    const response = await get(`?page=${page}`);
    assert.equal(response.statusCode, 200, page);
    assert.deepEqual(titlesIn(response.body), firstTitles, page);
  }
});

test('the counts by stage, reviews overdue and time come from every partnership, whatever the page', async () => {
  for (const query of ['', '?page=2']) {
    const text = textOf((await get(query)).body);
    assert.match(text, /Meetings 28 Third-term review 0 Closed 5 All stages 33/, query);
    assert.match(text, /2 partnerships have reached the last term without starting the third-term review/, query);
    assert.match(text, /0 hours used of 1,568 hours planned across the partnerships still running/, query);
  }
});

test('each stage with partnerships links to the list of them; its pages keep to that stage', async () => {
  const dashboard = await get();
  assert.match(dashboard.body, new RegExp(`href="${url}\\?state=closed">Closed</a>`));
  assert.doesNotMatch(dashboard.body, /\?state=agreement"/, 'no link to a stage without partnerships');

  const closed = await get('?state=closed');
  assert.equal(closed.statusCode, 200);
  assert.deepEqual(
    titlesIn(closed.body),
    [5, 4, 3, 2, 1].map((n) => `Closed ${n}`),
  );
  assert.match(textOf(closed.body), /Partnerships at the Closed stage Showing 1 to 5 of 5 partnerships/);
  assert.match(closed.body, new RegExp(`href="${url}">All stages</a>`));

  const meetings = await get('?state=meetings');
  assert.match(meetings.body, new RegExp(`href="${url}\\?state=meetings&amp;page=2"`));
  const meetingsPage2 = await get('?state=meetings&page=2');
  assert.deepEqual(titlesIn(meetingsPage2.body), ['Meetings 03', 'Meetings 02', 'Meetings 01']);

  const empty = await get('?state=agreement');
  assert.equal(empty.statusCode, 200);
  assert.match(textOf(empty.body), /No partnerships at this stage/);
  assert.equal((await get('?state=nonsense')).statusCode, 404, 'a stage the dashboard does not know names no list');
});

test('no page or stage of the dashboard shows a partnership’s content', async () => {
  for (const query of ['', '?page=2', '?state=meetings', '?state=closed']) {
    const response = await get(query);
    assert.equal(response.statusCode, 200, query);
    assert.doesNotMatch(response.body, anySecret, query);
  }
  assert.match((await get()).body, /Overdue A/, 'the partnership with content is on the page');
});
