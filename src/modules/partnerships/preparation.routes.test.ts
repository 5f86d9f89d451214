import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import { buildTestApp } from '../../../test/support/app.ts';
import { createOrganisation } from '../../../test/support/factories.ts';
import { postMultipart, type FilePart } from '../../../test/support/multipart.ts';
import { createPartnership, createService } from '../../../test/support/partnership-factories.ts';
import { postForm, signIn, type SignedIn } from '../../../test/support/sign-in.ts';
import { auditEvents } from '../../platform/audit/audit.tables.ts';
import { partnershipTimeEntries } from './meetings.tables.ts';
import { partnerships } from './partnerships.tables.ts';
import { documentRequests, partnershipDocuments, schoolVisits } from './preparation.tables.ts';

const { app, db } = await buildTestApp();
const get = (url: string, who: SignedIn) => app.inject({ method: 'GET', url, cookies: who.cookies });

const provider = await createOrganisation(db, { kind: 'provider' });
const service = await createService(db, { provider });
const manager = await signIn(db, 'programme_manager', provider);
const menteeTrust = await createOrganisation(db, { name: 'Carrow Trust' });
const mentee = await signIn(db, 'ceo', menteeTrust);
const mentor = await signIn(db, 'mentor');
const trustColleague = await signIn(db, 'executive', menteeTrust);
const outsider = await signIn(db, 'ceo');
const school = (name: string, trustId: string, status: 'open' | 'closed' = 'open') =>
  createOrganisation(db, { kind: 'school', name, trustId, status });
const [alder, birch, cedar] = [
  await school('Alder Primary', menteeTrust.id),
  await school('Birch Academy', menteeTrust.id),
  await school('Cedar School', menteeTrust.id),
];
const closed = await school('Closed Infants', menteeTrust.id, 'closed');
const elsewhere = await school('Elsewhere Primary', (await createOrganisation(db)).id);

async function scene(): Promise<{ id: string; requestId: string }> {
  const id = await createPartnership(db, {
    service,
    mentee: mentee.person,
    mentor: mentor.person,
    menteeTrust,
    state: 'preparation',
  });
  const [request] = await db
    .insert(documentRequests)
    .values([
      { partnershipId: id, title: 'Strategic plan', standard: true, position: 0, creationKey: randomUUID() },
      { partnershipId: id, title: 'Risk register', standard: true, position: 1, creationKey: randomUUID() },
    ])
    .returning({ id: documentRequests.id });
  return { id, requestId: request?.id ?? '' };
}

const base = (id: string) => `/partnerships/${id}`;
const post = (who: SignedIn, url: string, fields: Record<string, string> = {}, from = url) =>
  postForm(app, { url, from, cookies: who.cookies, fields });
const readsOf = (id: string, kind: string) =>
  db
    .select()
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.action, 'confidential.read'),
        sql`${auditEvents.details} ->> 'id' = ${id}`,
        sql`${auditEvents.details} ->> 'kind' = ${kind}`,
      ),
    );
const entriesOf = (id: string) =>
  db.select().from(partnershipTimeEntries).where(eq(partnershipTimeEntries.partnershipId, id));
const stateOf = async (id: string) =>
  (await db.select({ state: partnerships.state }).from(partnerships).where(eq(partnerships.id, id)))[0]?.state;

test('participants see the checklist and visits, audited; nobody else finds the page', async () => {
  const { id } = await scene();
  const page = await get(`${base(id)}/preparation`, mentor);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /0 of 2 items given/);
  assert.match(page.body, /School visits: 0 of at least 2 done/);
  assert.match(page.body, /I have read the documents/);
  assert.doesNotMatch(page.body, /Add an item/, 'the mentee side adds items');
  assert.match((await get(`${base(id)}/preparation`, mentee)).body, /Add an item/);
  for (const who of [manager, trustColleague, outsider]) {
    assert.equal((await get(`${base(id)}/preparation`, who)).statusCode, 404);
    assert.equal((await get(`${base(id)}/visits/new`, who)).statusCode, 404);
  }
  const reads = await readsOf(id, 'partnership.documents');
  assert.deepEqual(reads.map((each) => each.actorPersonId).sort(), [mentee.person.id, mentor.person.id].sort());
});

test('the mentee side adds an item once, and must say what it is', async () => {
  const { id } = await scene();
  const url = `${base(id)}/documents/new`;
  assert.equal((await get(url, mentor)).statusCode, 404);
  const blank = await post(mentee, url, { title: ' ', detail: 'Kept detail' });
  assert.equal(blank.statusCode, 400);
  assert.match(blank.body, /Enter what the item is/);
  assert.match(blank.body, />Kept detail</);
  const creationKey = randomUUID();
  for (let press = 0; press < 2; press += 1) {
    const added = await post(mentee, url, { title: 'Estates strategy', detail: 'Our five-year plan', creationKey });
    assert.equal(added.headers.location, `${base(id)}/preparation?done=item-added`);
  }
  const items = await db.select().from(documentRequests).where(eq(documentRequests.partnershipId, id));
  assert.deepEqual(
    items.sort((a, b) => a.position - b.position).map((each) => [each.title, each.position, each.standard]),
    [
      ['Strategic plan', 0, true],
      ['Risk register', 1, true],
      ['Estates strategy', 2, false],
    ],
  );
});

test('documents are given as a file or a link; files download for participants alone, audited', async () => {
  const { id, requestId } = await scene();
  const url = `${base(id)}/documents/${requestId}`;
  const give = (fields: Record<string, string>, files: FilePart[] = [], who = mentee) =>
    postMultipart(app, { url, from: `${base(id)}/preparation`, cookies: who.cookies, fields, files });
  const pdf: FilePart = { field: 'file', name: 'strategy.pdf', data: '%PDF-1.4 test', contentType: 'application/pdf' };
  assert.equal((await get(url, mentor)).statusCode, 404, 'the mentee side gives documents');
  assert.equal((await give({ note: 'x' }, [pdf], mentor)).statusCode, 404);
  const neither = await give({ note: 'Kept note' });
  assert.equal(neither.statusCode, 400);
  assert.match(neither.body, /Select a file or enter a link/);
  assert.match(neither.body, />Kept note</);
  const wrongKind = await give({ link: 'not a link' }, [
    { field: 'file', name: 'run.exe', data: 'MZ\u0090\u0000binary', contentType: 'application/pdf' },
  ]);
  assert.equal(wrongKind.statusCode, 400);
  assert.match(wrongKind.body, /run\.exe: /);
  assert.match(wrongKind.body, /Enter the link as a web address starting https:\/\//);
  assert.equal((await give({ note: 'The current plan' }, [pdf])).statusCode, 303);
  assert.equal((await give({ link: 'https://example.test/folder', note: '' })).statusCode, 303);
  const given = await db.select().from(partnershipDocuments).where(eq(partnershipDocuments.requestId, requestId));
  assert.equal(given.length, 2);
  const file = given.find((each) => each.storedName);
  assert.ok(file);
  const page = await get(`${base(id)}/preparation`, mentor);
  assert.match(page.body, /1 of 2 items given/);
  assert.match(page.body, /strategy\.pdf/);
  assert.match(page.body, /https:\/\/example\.test\/folder/);
  assert.match(page.body, new RegExp(`given by ${mentee.person.displayName}`));
  const fileUrl = `${base(id)}/files/${file.id}`;
  const download = await get(fileUrl, mentor);
  assert.equal(download.statusCode, 200);
  assert.match(String(download.headers['content-disposition']), /attachment; filename="strategy.pdf"/);
  assert.equal(download.body, '%PDF-1.4 test');
  for (const who of [manager, trustColleague, outsider]) assert.equal((await get(fileUrl, who)).statusCode, 404);
  const reads = await readsOf(id, 'partnership.document-file');
  assert.equal(reads.length, 1);
  assert.equal(reads[0]?.details.documentId, file.id);
});

test('visits are to the mentee trust’s open schools; two done log the day once and, with the reading, move on', async () => {
  const { id } = await scene();
  const url = `${base(id)}/visits/new`;
  const form = await get(url, mentor);
  assert.match(form.body, /Alder Primary/);
  assert.doesNotMatch(form.body, /Closed Infants|Elsewhere Primary/);
  const day = { 'visitOn-day': '14', 'visitOn-month': '10', 'visitOn-year': '2026' };
  for (const wrong of [elsewhere, closed]) {
    const refused = await post(mentor, url, { school: wrong.id, ...day });
    assert.equal(refused.statusCode, 400);
    assert.match(refused.body, /Select one of Carrow Trust’s schools/);
  }
  const undated = await post(mentor, url, { school: alder.id });
  assert.match(undated.body, /Enter the date of the visit/);
  for (const each of [alder, birch, cedar]) {
    const planned = await post(each === cedar ? mentee : mentor, url, { school: each.id, ...day, meeting: 'Head' });
    assert.equal(planned.statusCode, 303);
  }
  const again = await post(mentor, url, { school: alder.id, ...day });
  assert.match(again.body, /A visit to Alder Primary is already planned/);
  const visits = await db.select().from(schoolVisits).where(eq(schoolVisits.partnershipId, id));
  assert.equal(visits.length, 3);
  const done = (schoolId: string, who = mentor) => {
    const visit = visits.find((each) => each.schoolId === schoolId);
    return post(who, `${base(id)}/visits/${visit?.id ?? ''}`, {}, `${base(id)}/preparation`);
  };
  assert.equal((await done(alder.id)).statusCode, 303);
  assert.match((await get(`${base(id)}/preparation`, mentee)).body, /School visits: 1 of at least 2 done/);
  assert.equal((await entriesOf(id)).length, 0, 'one visit is not the day');
  assert.equal((await done(alder.id, outsider)).statusCode, 404);
  await done(birch.id);
  await done(cedar.id, mentee);
  await done(birch.id);
  const entries = await entriesOf(id);
  assert.deepEqual(
    entries.map((each) => [each.component, each.minutes]),
    [['school-visits', 420]],
  );
  assert.equal(await stateOf(id), 'preparation', 'the reading is still to do');

  assert.equal((await post(mentee, `${base(id)}/preparation`)).statusCode, 404, 'the mentor side reads');
  for (let press = 0; press < 2; press += 1) {
    const read = await post(mentor, `${base(id)}/preparation`);
    assert.equal(read.headers.location, `${base(id)}/preparation?done=reading-done`);
  }
  const after = await entriesOf(id);
  assert.deepEqual(after.map((each) => each.component).sort(), ['reading', 'school-visits']);
  assert.equal(after.find((each) => each.component === 'reading')?.minutes, 420);
  assert.equal(await stateOf(id), 'establishing');
});

test('reading first, then the visits, also moves on; before preparation nothing is changed', async () => {
  const { id } = await scene();
  await post(mentor, `${base(id)}/preparation`);
  assert.equal(await stateOf(id), 'preparation');
  await db.insert(schoolVisits).values([
    { partnershipId: id, schoolId: alder.id, visitOn: '2026-10-01', creationKey: randomUUID() },
    { partnershipId: id, schoolId: birch.id, visitOn: '2026-10-02', status: 'done', creationKey: randomUUID() },
  ]);
  const [planned] = await db
    .select()
    .from(schoolVisits)
    .where(and(eq(schoolVisits.partnershipId, id), eq(schoolVisits.status, 'planned')));
  await post(mentor, `${base(id)}/visits/${planned?.id ?? ''}`, {}, `${base(id)}/preparation`);
  assert.equal(await stateOf(id), 'establishing');

  const early = await createPartnership(db, {
    service,
    mentee: mentee.person,
    mentor: mentor.person,
    state: 'agreement',
  });
  assert.equal((await get(`${base(early)}/preparation`, mentee)).statusCode, 200);
  assert.equal((await get(`${base(early)}/documents/new`, mentee)).statusCode, 409);
  assert.equal((await post(mentor, `${base(early)}/preparation`)).statusCode, 409);
  assert.equal((await entriesOf(early)).length, 0);
});
