import assert from 'node:assert/strict';
import { test } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import { buildTestApp } from '../../../test/support/app.ts';
import { createOrganisation } from '../../../test/support/factories.ts';
import { createPartnership, createService } from '../../../test/support/partnership-factories.ts';
import { postForm, signIn, type SignedIn } from '../../../test/support/sign-in.ts';
import { auditEvents } from '../../platform/audit/audit.tables.ts';
import { agreementAcceptances, partnershipAgreements } from './agreements.tables.ts';
import { partnerships } from './partnerships.tables.ts';
import { documentRequests } from './preparation.tables.ts';

const { app, db } = await buildTestApp();
const get = (url: string, who: SignedIn) => app.inject({ method: 'GET', url, cookies: who.cookies });

const provider = await createOrganisation(db, { kind: 'provider', name: 'Northern Leaders' });
const service = await createService(db, { provider, name: 'CEO mentoring' });
const manager = await signIn(db, 'programme_manager', provider);
const menteeTrust = await createOrganisation(db, { name: 'Carrow Trust' });
const mentee = await signIn(db, 'ceo', menteeTrust);
const mentor = await signIn(db, 'mentor');
const trustColleague = await signIn(db, 'executive', menteeTrust);
const outsider = await signIn(db, 'ceo');

async function scene(title = 'Agreement partnership') {
  const id = await createPartnership(db, {
    service,
    mentee: mentee.person,
    mentor: mentor.person,
    menteeTrust,
    state: 'agreement',
    title,
  });
  // The partnership's own fee, agreed when it was matched: the agreement states it.
  await db.update(partnerships).set({ feePence: 250_000 }).where(eq(partnerships.id, id));
  return id;
}

const agreementUrl = (id: string) => `/partnerships/${id}/agreement`;
const makeVersion = (id: string, number: number, fields: Record<string, string> = {}) =>
  postForm(app, {
    url: `${agreementUrl(id)}/new-version`,
    from: `${agreementUrl(id)}/new-version`,
    cookies: manager.cookies,
    fields: { number: String(number), ...fields },
  });
const versionsOf = (id: string) =>
  db.select().from(partnershipAgreements).where(eq(partnershipAgreements.partnershipId, id));
const stateOf = async (id: string) =>
  (await db.select({ state: partnerships.state }).from(partnerships).where(eq(partnerships.id, id)))[0]?.state;

async function accept(id: string, who: SignedIn, fullName: string, ticked = true) {
  const page = await get(agreementUrl(id), who);
  const agreementId = /name="agreementId" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
  return postForm(app, {
    url: agreementUrl(id),
    from: agreementUrl(id),
    cookies: who.cookies,
    fields: { agreementId, fullName, ...(ticked ? { accept: 'yes' } : {}) },
  });
}

test('the provider makes version 1 from the service’s template; a double press makes one', async () => {
  const id = await scene();
  const form = await get(`${agreementUrl(id)}/new-version`, manager);
  assert.equal(form.statusCode, 200);
  assert.match(form.body, /Make version 1/);
  const [first, second] = [await makeVersion(id, 1), await makeVersion(id, 1)];
  assert.equal(first.statusCode, 303);
  assert.equal(first.headers.location, `${agreementUrl(id)}?done=version-made`);
  assert.equal(second.statusCode, 303);
  const versions = await versionsOf(id);
  assert.equal(versions.length, 1);
  const text = versions[0]?.text ?? '';
  assert.match(text, new RegExp(`Between ${mentee.person.displayName} \\(the mentee, of Carrow Trust\\)`));
  assert.match(text, new RegExp(`and ${mentor.person.displayName} \\(the mentor\\), arranged by Northern Leaders`));
  assert.match(text, /runs from 1 September 2026 to 31 August 2027/);
  assert.match(text, /56 hours \(8 days of 7 hours\)/);
  assert.match(text, /£2,500\.00 plus VAT/);
  assert.doesNotMatch(text, /\{[A-Za-z]+\}/);
  const page = await get(agreementUrl(id), mentee);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Version 1/);
  assert.match(page.body, /Not accepted yet/);
  assert.match(page.body, /I accept this agreement/);
});

test('without dates the new version asks for them, and sets them', async () => {
  const id = await scene('Undated partnership');
  await db.update(partnerships).set({ startsOn: null, endsOn: null }).where(eq(partnerships.id, id));
  const form = await get(`${agreementUrl(id)}/new-version`, manager);
  assert.match(form.body, /startsOn-day/);
  const missing = await makeVersion(id, 1, { 'endsOn-day': '31', 'endsOn-month': '2', 'endsOn-year': '2027' });
  assert.equal(missing.statusCode, 400);
  assert.match(missing.body, /<title>Error: /);
  assert.match(missing.body, /Enter the start date/);
  assert.match(missing.body, /End date must be a real date/);
  assert.equal((await versionsOf(id)).length, 0);
  const dated = await makeVersion(id, 1, {
    ...{ 'startsOn-day': '1', 'startsOn-month': '1', 'startsOn-year': '2027' },
    ...{ 'endsOn-day': '31', 'endsOn-month': '12', 'endsOn-year': '2027' },
  });
  assert.equal(dated.statusCode, 303);
  const [row] = await db.select().from(partnerships).where(eq(partnerships.id, id));
  assert.equal(row?.startsOn, '2027-01-01');
  assert.equal(row?.endsOn, '2027-12-31');
  assert.match((await versionsOf(id))[0]?.text ?? '', /runs from 1 January 2027 to 31 December 2027/);
});

test('a wrong name or no tick is refused with nothing saved', async () => {
  const id = await scene();
  await makeVersion(id, 1);
  const wrong = await accept(id, mentee, 'Someone Else');
  assert.equal(wrong.statusCode, 400);
  assert.match(wrong.body, /<title>Error: Agreement/);
  assert.match(wrong.body, new RegExp(`Enter your full name as it is on your account: ${mentee.person.displayName}`));
  assert.match(wrong.body, /value="Someone Else"/, 'what was typed is kept');
  const unticked = await accept(id, mentee, mentee.person.displayName, false);
  assert.equal(unticked.statusCode, 400);
  assert.match(unticked.body, /Select “I accept this agreement” to accept it/);
  assert.equal(
    (await db.select().from(agreementAcceptances)).filter((each) => each.personId === mentee.person.id).length,
    0,
  );
});

test('when both leads accept, preparation begins with the checklist; a change must be accepted again', async () => {
  const id = await scene();
  await makeVersion(id, 1);
  const sloppy = `  ${mentee.person.displayName.toUpperCase().replace(' ', '   ')} `;
  const first = await accept(id, mentee, sloppy);
  assert.equal(first.statusCode, 303);
  assert.equal(first.headers.location, `${agreementUrl(id)}?done=accepted`);
  assert.equal(await stateOf(id), 'agreement', 'one party is not enough');
  const second = await accept(id, mentor, mentor.person.displayName);
  assert.equal(second.headers.location, `${agreementUrl(id)}?done=all-accepted`);
  assert.equal(await stateOf(id), 'preparation');
  const requests = await db.select().from(documentRequests).where(eq(documentRequests.partnershipId, id));
  assert.equal(requests.length, 7);
  assert.ok(requests.every((each) => each.standard));
  const page = await get(agreementUrl(id), manager);
  assert.equal(page.statusCode, 200, 'the provider’s staff see who accepted when');
  assert.match(page.body, /Accepted on/);
  assert.doesNotMatch(page.body, /I accept this agreement/);

  await makeVersion(id, 2);
  const changed = await get(agreementUrl(id), mentee);
  assert.match(changed.body, /Version 2/);
  assert.match(changed.body, /Earlier versions/);
  assert.match(changed.body, /Version 1, made on/);
  assert.equal((changed.body.match(/Not accepted yet/g) ?? []).length, 2, 'both must accept the change');
  assert.match(changed.body, /I accept this agreement/);
  await accept(id, mentee, mentee.person.displayName);
  await accept(id, mentor, mentor.person.displayName);
  assert.equal(await stateOf(id), 'preparation');
  const after = await db.select().from(documentRequests).where(eq(documentRequests.partnershipId, id));
  assert.equal(after.length, 7, 'the checklist is made once');
  assert.doesNotMatch((await get(agreementUrl(id), mentee)).body, /Not accepted yet/);
});

test('accepting a version that is no longer the latest is refused (409)', async () => {
  const id = await scene();
  await makeVersion(id, 1);
  const page = await get(agreementUrl(id), mentee);
  const oldId = /name="agreementId" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
  await makeVersion(id, 2);
  const stale = await postForm(app, {
    url: agreementUrl(id),
    from: agreementUrl(id),
    cookies: mentee.cookies,
    fields: { agreementId: oldId, fullName: mentee.person.displayName, accept: 'yes' },
  });
  assert.equal(stale.statusCode, 409);
  assert.match(stale.body, /The agreement has changed/);
  assert.equal(
    (await db.select().from(agreementAcceptances).where(eq(agreementAcceptances.agreementId, oldId))).length,
    0,
  );
});

test('the database refuses to change an agreement’s text or an acceptance', async () => {
  const id = await scene();
  await makeVersion(id, 1);
  await accept(id, mentee, mentee.person.displayName);
  const [version] = await versionsOf(id);
  assert.ok(version);
  await assert.rejects(
    db.update(partnershipAgreements).set({ text: 'Something else' }).where(eq(partnershipAgreements.id, version.id)),
  );
  await assert.rejects(
    db
      .update(agreementAcceptances)
      .set({ typedName: 'Forged' })
      .where(eq(agreementAcceptances.agreementId, version.id)),
  );
  assert.equal((await versionsOf(id))[0]?.text, version.text);
});

test('outsiders, the mentee trust’s other staff and the mentor never reach what is not theirs', async () => {
  const id = await scene();
  await makeVersion(id, 1);
  for (const who of [outsider, trustColleague]) {
    assert.equal((await get(agreementUrl(id), who)).statusCode, 404);
    assert.equal((await get(`${agreementUrl(id)}/new-version`, who)).statusCode, 404);
    assert.equal((await accept(id, who, who.person.displayName)).statusCode, 404);
  }
  assert.equal((await get(`${agreementUrl(id)}/new-version`, mentor)).statusCode, 404, 'versions are the provider’s');
  assert.equal((await makeVersion(id, 2)).statusCode, 303);
  const otherProvider = await signIn(db, 'programme_manager');
  assert.equal((await get(agreementUrl(id), otherProvider)).statusCode, 404);
  assert.equal((await get(`/partnerships/${id}/preparation`, manager)).statusCode, 404, 'no other content for staff');
});

test('each reading of the agreement is audited', async () => {
  const id = await scene();
  await makeVersion(id, 1);
  await get(agreementUrl(id), mentee);
  await get(agreementUrl(id), manager);
  const reads = await db
    .select()
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.action, 'confidential.read'),
        sql`${auditEvents.details} ->> 'id' = ${id}`,
        sql`${auditEvents.details} ->> 'kind' = 'partnership.agreement'`,
      ),
    );
  assert.deepEqual(new Set(reads.map((each) => each.actorPersonId)), new Set([mentee.person.id, manager.person.id]));
  assert.ok(reads.every((each) => each.organisationId === null));
});
