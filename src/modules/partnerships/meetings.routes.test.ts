import assert from 'node:assert/strict';
import { timeUsedBy } from './partnerships.repository.ts';
import { test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { buildTestApp } from '../../../test/support/app.ts';
import { createPartnership, createService } from '../../../test/support/partnership-factories.ts';
import { formSession, postForm, signIn } from '../../../test/support/sign-in.ts';
import { meetingActions, partnershipMeetings, partnershipTimeEntries } from './meetings.tables.ts';
import { partnerships } from './partnerships.tables.ts';

const { app, db } = await buildTestApp();
const get = (url: string, cookies: Record<string, string>) => app.inject({ method: 'GET', url, cookies });

const mentee = await signIn(db, 'ceo');
const mentor = await signIn(db, 'mentor');
const service = await createService(db);
const providerStaff = await signIn(db, 'programme_manager', service.provider);
const menteeTrustChair = await signIn(db, 'chair', mentee.organisation);
const outsider = await signIn(db, 'ceo');
const partnershipId = await createPartnership(db, {
  service,
  mentee: mentee.person,
  mentor: mentor.person,
  menteeTrust: mentee.organisation,
});
const base = `/partnerships/${partnershipId}`;

const meetingFields = (overrides: Record<string, string> = {}) => ({
  'startsAt-day': '3',
  'startsAt-month': '3',
  'startsAt-year': '2026',
  'startsAt-hour': '9',
  'startsAt-minute': '30',
  durationHours: '3',
  durationMinutes: '0',
  place: 'Carrow Trust head office',
  videoLink: '',
  agenda: 'The board away day',
  preparation: 'Read the risk register',
  kind: 'regular',
  ...overrides,
});

async function book(cookies: Record<string, string>, fields: Record<string, string>) {
  return postForm(app, { url: `${base}/meetings/new`, from: `${base}/meetings/new`, cookies, fields });
}

const meetingIdFrom = (location: unknown) => /meetings\/([0-9a-f-]{36})/.exec(String(location))?.[1] ?? '';

test('the mentee books a meeting in London time, shown as people read it; the mentor may book but not set the agenda', async () => {
  const booked = await book(mentee.cookies, meetingFields());
  assert.equal(booked.statusCode, 303);
  const meetingId = meetingIdFrom(booked.headers.location);
  const [row] = await db.select().from(partnershipMeetings).where(eq(partnershipMeetings.id, meetingId));
  assert.equal(row?.startsAt.toISOString(), '2026-03-03T09:30:00.000Z', 'GMT in March before the clocks change');
  assert.equal(row?.durationMinutes, 180);
  assert.equal(row?.agenda, 'The board away day');
  const page = await get(`${base}/meetings/${meetingId}`, mentor.cookies);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Tuesday 3 March 2026, 9:30am/);
  assert.match(page.body, /The board away day/);

  const byMentor = await book(mentor.cookies, meetingFields({ 'startsAt-month': '7', agenda: 'Mentor’s own agenda' }));
  assert.equal(byMentor.statusCode, 303);
  const [summer] = await db
    .select()
    .from(partnershipMeetings)
    .where(eq(partnershipMeetings.id, meetingIdFrom(byMentor.headers.location)));
  assert.equal(summer?.startsAt.toISOString(), '2026-07-03T08:30:00.000Z', 'BST in July');
  assert.equal(summer?.agenda, '', 'the agenda is the mentee side’s to set');
  const list = await get(`${base}/meetings`, mentee.cookies);
  assert.equal(list.statusCode, 200);
  assert.match(list.body, /Friday 3 July 2026, 9:30am/);
});

test('a meeting form with problems says what to fix and keeps what was typed; video links must be https', async () => {
  const response = await book(
    mentee.cookies,
    meetingFields({
      'startsAt-day': '31',
      'startsAt-month': '2',
      'startsAt-hour': '25',
      videoLink: 'http://meet.example.com/a',
      place: 'Kept place',
    }),
  );
  assert.equal(response.statusCode, 400);
  assert.match(response.body, /<title>Error: /);
  assert.match(response.body, /Date must be a real date/);
  assert.match(response.body, /Enter the video link as a web address starting https:\/\//);
  assert.match(response.body, /value="Kept place"/);
  const tooShort = await book(mentee.cookies, meetingFields({ durationHours: '0', durationMinutes: '0' }));
  assert.equal(tooShort.statusCode, 400);
  assert.match(tooShort.body, /5 minutes or more/);
});

test('a meeting that would overspend the budget is booked only once the person confirms it', async () => {
  await db.update(partnerships).set({ meetingsMinutes: 200 }).where(eq(partnerships.id, partnershipId));
  try {
    const before = await db
      .select()
      .from(partnershipMeetings)
      .where(eq(partnershipMeetings.partnershipId, partnershipId));
    const warned = await book(mentee.cookies, meetingFields({ place: 'Overspending place', 'startsAt-day': '10' }));
    assert.equal(warned.statusCode, 200);
    assert.match(warned.body, /This would overspend the time budget/);
    assert.match(warned.body, /Saving this would take meetings to/);
    assert.match(warned.body, /Book it anyway/);
    assert.match(warned.body, /value="Overspending place"/);
    const after = await db
      .select()
      .from(partnershipMeetings)
      .where(eq(partnershipMeetings.partnershipId, partnershipId));
    assert.equal(after.length, before.length, 'nothing is saved silently');
    const confirmed = await book(
      mentee.cookies,
      meetingFields({ place: 'Overspending place', 'startsAt-day': '10', confirmOverspend: 'yes' }),
    );
    assert.equal(confirmed.statusCode, 303);
  } finally {
    await db
      .update(partnerships)
      .set({ meetingsMinutes: 5.5 * 420 })
      .where(eq(partnerships.id, partnershipId));
  }
});

test('marking a meeting held counts its time once, against establishing for the establishing meeting', async () => {
  const booked = await book(
    mentee.cookies,
    meetingFields({ kind: 'establishing', durationHours: '3', durationMinutes: '30' }),
  );
  const meetingId = meetingIdFrom(booked.headers.location);
  const url = `${base}/meetings/${meetingId}`;
  for (let press = 0; press < 2; press += 1) {
    const held = await postForm(app, { url, from: url, cookies: mentor.cookies, fields: { intent: 'held' } });
    assert.equal(held.statusCode, 303);
  }
  const entries = await db.select().from(partnershipTimeEntries).where(eq(partnershipTimeEntries.meetingId, meetingId));
  assert.equal(entries.length, 1);
  assert.equal(entries[0]?.component, 'establishing');
  assert.equal(entries[0]?.minutes, 210);
  assert.equal(entries[0]?.creationKey, `meeting:${meetingId}`);
  const cancelled = await book(mentee.cookies, meetingFields({ 'startsAt-day': '4' }));
  const cancelledUrl = `${base}/meetings/${meetingIdFrom(cancelled.headers.location)}`;
  await postForm(app, {
    url: cancelledUrl,
    from: cancelledUrl,
    cookies: mentee.cookies,
    fields: { intent: 'cancelled' },
  });
  const [row] = await db
    .select()
    .from(partnershipMeetings)
    .where(eq(partnershipMeetings.id, meetingIdFrom(cancelled.headers.location)));
  assert.equal(row?.status, 'cancelled');
});

test('two people changing a meeting: the second is told what changed and keeps what they typed', async () => {
  const booked = await book(mentee.cookies, meetingFields({ 'startsAt-day': '5' }));
  const url = `${base}/meetings/${meetingIdFrom(booked.headers.location)}`;
  const [first, second] = [await formSession(app, url, mentee.cookies), await formSession(app, url, mentor.cookies)];
  const send = (session: { csrfToken: string; cookies: Record<string, string> }, fields: Record<string, string>) =>
    app.inject({
      method: 'POST',
      url,
      cookies: session.cookies,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: session.csrfToken, intent: 'save', version: '1', ...fields }).toString(),
    });
  assert.equal((await send(first, meetingFields({ 'startsAt-day': '5', place: 'The town hall' }))).statusCode, 303);
  const refused = await send(second, meetingFields({ 'startsAt-day': '5', place: 'Online only' }));
  assert.equal(refused.statusCode, 409);
  assert.match(refused.body, /Someone else saved this while you were editing it/);
  assert.match(
    refused.body,
    /<th scope="row" class="govuk-table__header">Place<\/th>\s*<td[^>]*>The town hall<\/td>\s*<td[^>]*>Online only<\/td>/,
  );
  assert.match(refused.body, /value="Online only"/);
  assert.match(refused.body, /name="version" value="2"/);
});

test('actions are owned by participants and ticked done; conversations are logged and listed', async () => {
  const booked = await book(mentee.cookies, meetingFields({ 'startsAt-day': '6' }));
  const meetingId = meetingIdFrom(booked.headers.location);
  const url = `${base}/meetings/${meetingId}/actions/new`;
  const fields = {
    title: 'Draft the risk appetite',
    owner: mentee.person.id,
    'dueOn-day': '1',
    'dueOn-month': '4',
    'dueOn-year': '2026',
  };
  const wrongOwner = await postForm(app, {
    url,
    from: url,
    cookies: mentor.cookies,
    fields: { ...fields, owner: outsider.person.id },
  });
  assert.equal(wrongOwner.statusCode, 400);
  assert.match(wrongOwner.body, /Select who owns the action from the list/);
  assert.equal((await postForm(app, { url, from: url, cookies: mentor.cookies, fields })).statusCode, 303);
  const [action] = await db.select().from(meetingActions).where(eq(meetingActions.meetingId, meetingId));
  assert.ok(action);
  const meetingUrl = `${base}/meetings/${meetingId}`;
  const tick = await postForm(app, {
    url: meetingUrl,
    from: meetingUrl,
    cookies: mentee.cookies,
    fields: { intent: 'actions', done: action.id },
  });
  assert.equal(tick.statusCode, 303);
  const [ticked] = await db.select().from(meetingActions).where(eq(meetingActions.id, action.id));
  assert.equal(ticked?.done, true);

  const timeUrl = `${base}/time/new`;
  const conversation = {
    'occurredOn-day': '12',
    'occurredOn-month': '3',
    'occurredOn-year': '2026',
    minutes: '25',
    description: 'Phone call about the away day',
    counts: 'yes',
  };
  assert.equal(
    (await postForm(app, { url: timeUrl, from: timeUrl, cookies: mentor.cookies, fields: conversation })).statusCode,
    303,
  );
  const logged = await db
    .select()
    .from(partnershipTimeEntries)
    .where(and(eq(partnershipTimeEntries.partnershipId, partnershipId), eq(partnershipTimeEntries.adHoc, true)));
  assert.equal(logged.length, 1);
  assert.equal(logged[0]?.component, 'meetings');
  assert.match((await get(`${base}/meetings`, mentee.cookies)).body, /Phone call about the away day/);

  const usedBefore = (await timeUsedBy(db, [partnershipId])).get(partnershipId) ?? [];
  const uncounted = { ...conversation, description: 'A quick email exchange', counts: 'no' };
  const kept = await postForm(app, { url: timeUrl, from: timeUrl, cookies: mentee.cookies, fields: uncounted });
  assert.equal(kept.statusCode, 303);
  const [notCounted] = await db
    .select()
    .from(partnershipTimeEntries)
    .where(
      and(
        eq(partnershipTimeEntries.partnershipId, partnershipId),
        eq(partnershipTimeEntries.description, 'A quick email exchange'),
      ),
    );
  assert.equal(notCounted?.countsAgainstBudget, false);
  assert.match((await get(`${base}/meetings`, mentee.cookies)).body, /A quick email exchange[\s\S]*\(not counted\)/);
  assert.deepEqual(
    (await timeUsedBy(db, [partnershipId])).get(partnershipId),
    usedBefore,
    'a conversation that does not count adds nothing to the time used',
  );
});

test('meetings are not found for anyone outside the partnership: provider staff and the mentee trust’s chair included', async () => {
  const booked = await book(mentee.cookies, meetingFields({ 'startsAt-day': '9' }));
  const meetingUrl = `${base}/meetings/${meetingIdFrom(booked.headers.location)}`;
  for (const visitor of [providerStaff, menteeTrustChair, outsider]) {
    for (const url of [
      `${base}/meetings`,
      meetingUrl,
      `${base}/meetings/new`,
      `${base}/time/new`,
      `${meetingUrl}/actions/new`,
    ]) {
      assert.equal((await get(url, visitor.cookies)).statusCode, 404, `${url} for ${visitor.person.displayName}`);
    }
    const session = await formSession(app, '/account', visitor.cookies);
    const notes = await app.inject({
      method: 'POST',
      url: `${meetingUrl}/notes`,
      cookies: session.cookies,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: session.csrfToken, notes: 'Sneaky', version: '0' }).toString(),
    });
    assert.equal(notes.statusCode, 404);
  }
});
