import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eq } from 'drizzle-orm';
import { buildTestApp } from '../../../test/support/app.ts';
import { createService } from '../../../test/support/partnership-factories.ts';
import { postForm, signIn } from '../../../test/support/sign-in.ts';
import { mentoringServices } from './partnerships.tables.ts';
import { DEFAULT_AGREEMENT_TEMPLATE } from './service-defaults.ts';

const { app, db } = await buildTestApp();
const get = (url: string, cookies: Record<string, string>) => app.inject({ method: 'GET', url, cookies });

const manager = await signIn(db, 'programme_manager');
const provider = manager.organisation;
const administrator = await signIn(db, 'platform_administrator', provider);
const mentor = await signIn(db, 'mentor', provider);
const otherManager = await signIn(db, 'programme_manager');
const ceo = await signIn(db, 'ceo');

const serviceFields = (overrides: Record<string, string> = {}) => ({
  provider: provider.id,
  name: 'CEO mentoring 2026 to 2027',
  kind: 'ceo_mentoring',
  description: 'A year with a serving chief executive.',
  termMonths: '12',
  readingHours: '7',
  schoolVisitsHours: '7',
  establishingHours: '3.5',
  meetingsHours: '38.5',
  meetingPattern: 'One half-day meeting each half-term (six a year)',
  fee: '£2,500',
  agreementTemplate: 'Mentoring agreement between {mentee} and {mentor}.',
  open: 'yes',
  ...overrides,
});

const create = (cookies: Record<string, string>, fields: Record<string, string>) =>
  postForm(app, { url: '/mentoring/services/new', from: '/mentoring/services/new', cookies, fields });

function serviceIdFrom(location: unknown): string {
  const match = /^\/mentoring\/services\/([0-9a-f-]{36})\?done=created$/.exec(String(location));
  assert.ok(match?.[1], `redirected to the new service, not ${String(location)}`);
  return match[1];
}

test('a programme manager creates a service from the defaults; hours become minutes and pounds pence; a double press makes one', async () => {
  const page = await get('/mentoring/services/new', manager.cookies);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /name="readingHours"[^>]*value="7"|value="7"[^>]*name="readingHours"/);
  assert.match(page.body, /value="38.5"/);
  assert.match(page.body, /Mentoring agreement/, 'the default agreement template is in the form');
  assert.ok(
    page.body.includes('The partnership runs from {startsOn} to {endsOn}.'),
    DEFAULT_AGREEMENT_TEMPLATE.slice(0, 20),
  );
  const creationKey = /name="creationKey" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
  assert.ok(creationKey);
  const first = await create(manager.cookies, serviceFields({ creationKey }));
  const second = await create(manager.cookies, serviceFields({ creationKey }));
  assert.equal(first.statusCode, 303);
  assert.equal(first.headers.location, second.headers.location);
  const serviceId = serviceIdFrom(first.headers.location);
  const rows = await db.select().from(mentoringServices).where(eq(mentoringServices.creationKey, creationKey));
  assert.equal(rows.length, 1);
  const [row] = rows;
  assert.ok(row);
  assert.equal(row.providerOrganisationId, provider.id);
  assert.equal(row.feePence, 250_000);
  assert.deepEqual(
    [row.readingMinutes, row.schoolVisitsMinutes, row.establishingMinutes, row.meetingsMinutes],
    [420, 420, 210, 2310],
  );
  assert.equal(row.open, true);

  const shown = await get(String(first.headers.location), manager.cookies);
  assert.equal(shown.statusCode, 200);
  assert.match(shown.body, /The service has been created/);
  assert.match(shown.body, /CEO mentoring 2026 to 2027/);
  assert.match(shown.body, /56 hours/);
  assert.match(shown.body, /3.5 hours/);
  assert.match(shown.body, /£2,500 plus VAT/);
  assert.match(shown.body, /Open to enquiries/);
  assert.ok(shown.body.includes(`/mentoring/services/${serviceId}/enquire`), 'the public enquiry link is shown');
  const list = await get('/mentoring/services', administrator.cookies);
  assert.equal(list.statusCode, 200, 'an administrator of the provider runs its services too');
  assert.match(list.body, /CEO mentoring 2026 to 2027/);
  assert.doesNotMatch((await get('/mentoring/services', otherManager.cookies)).body, /CEO mentoring 2026 to 2027/);
});

test('fees and hours are read the way people type them', async () => {
  for (const [fee, pence] of [
    ['2500', 250_000],
    ['£2,500.50', 250_050],
    ['0', 0],
  ] as const) {
    const response = await create(manager.cookies, serviceFields({ fee, name: `Fee ${fee}`, readingHours: '0.25' }));
    assert.equal(response.statusCode, 303, fee);
    const [row] = await db
      .select()
      .from(mentoringServices)
      .where(eq(mentoringServices.name, `Fee ${fee}`));
    assert.equal(row?.feePence, pence, fee);
    assert.equal(row?.readingMinutes, 15);
  }
});

test('a service form with problems comes back with each one, and what was typed', async () => {
  const response = await create(
    manager.cookies,
    serviceFields({
      name: '',
      kind: 'speed dating',
      termMonths: '40',
      readingHours: 'seven',
      establishingHours: '0.01',
      fee: 'lots',
      agreementTemplate: '',
      open: '',
    }),
  );
  assert.equal(response.statusCode, 400);
  assert.match(response.body, /<title>Error: Create a mentoring service/);
  for (const message of [
    'Enter the name of the service',
    'Select the kind of mentoring',
    'The term must be between 1 and 36 months',
    'Enter the hours for reading as a number, like 7 or 3.5',
    'Enter the fee in pounds, like 2500 or £2,500',
    'Enter the agreement template',
    'Select whether the service is open to enquiries',
  ]) {
    assert.ok(response.body.includes(message), message);
  }
  assert.match(response.body, /href="#readingHours"/, 'the summary links to the field to fix');
  assert.match(response.body, /value="seven"/, 'what was typed is kept');
  assert.match(response.body, /value="lots"/);
  const minutes = await create(manager.cookies, serviceFields({ establishingHours: '0.01' }));
  assert.equal(minutes.statusCode, 400);
  assert.match(minutes.body, /Establishing the partnership must be a whole number of minutes/);
  const nothing = await create(
    manager.cookies,
    serviceFields({ readingHours: '0', schoolVisitsHours: '0', establishingHours: '0', meetingsHours: '0' }),
  );
  assert.equal(nothing.statusCode, 400);
  assert.match(nothing.body, /The total must be more than 0 hours/);
  assert.equal((await db.select().from(mentoringServices).where(eq(mentoringServices.name, ''))).length, 0);
});

test('editing a service over someone else’s save says what changed and keeps what was typed', async () => {
  const service = await createService(db, { provider, name: 'Trust partners' });
  const url = `/mentoring/services/${service.id}/edit`;
  const form = await get(url, manager.cookies);
  assert.equal(form.statusCode, 200);
  assert.match(form.body, /value="2500"/, 'the fee is shown in pounds');
  const version = /name="version" value="(\d+)"/.exec(form.body)?.[1] ?? '';
  const save = (name: string, fee: string) =>
    postForm(app, {
      url,
      from: url,
      cookies: manager.cookies,
      fields: serviceFields({ name, fee, version, kind: 'trust_to_trust', open: 'no' }),
    });
  const first = await save('Trust partners 2026', '3000');
  assert.equal(first.statusCode, 303);
  assert.equal(first.headers.location, `/mentoring/services/${service.id}?done=saved`);
  const stale = await save('Trust partners, renamed by me', '£3,100');
  assert.equal(stale.statusCode, 409);
  assert.match(stale.body, /Someone else saved this while you were editing it/);
  assert.match(stale.body, /Trust partners 2026/, 'what is saved now is shown');
  assert.match(stale.body, /value="Trust partners, renamed by me"/, 'what was typed is kept');
  assert.match(stale.body, /value="£3,100"/);
  const [row] = await db.select().from(mentoringServices).where(eq(mentoringServices.id, service.id));
  assert.equal(row?.name, 'Trust partners 2026');
  assert.equal(row?.feePence, 300_000);
  assert.equal(row?.kind, 'trust_to_trust');
  assert.equal(row?.open, false);
  const invalid = await postForm(app, {
    url,
    from: url,
    cookies: manager.cookies,
    fields: serviceFields({ termMonths: 'a year', version: String(row?.version ?? 0) }),
  });
  assert.equal(invalid.statusCode, 400);
  assert.match(invalid.body, /Enter the length of the term as a whole number of months, like 12/);
});

test('without a provider role the pages are refused; another provider’s service is not found', async () => {
  const service = await createService(db, { provider });
  for (const visitor of [ceo, mentor]) {
    assert.equal((await get('/mentoring/services', visitor.cookies)).statusCode, 403);
    assert.equal((await get('/mentoring/services/new', visitor.cookies)).statusCode, 403);
    assert.equal((await create(visitor.cookies, serviceFields())).statusCode, 403);
  }
  for (const url of [`/mentoring/services/${service.id}`, `/mentoring/services/${service.id}/edit`]) {
    assert.equal((await get(url, otherManager.cookies)).statusCode, 404, url);
    assert.equal((await get(url, manager.cookies)).statusCode, 200, url);
  }
  const post = await postForm(app, {
    url: `/mentoring/services/${service.id}/edit`,
    from: '/mentoring/services/new',
    cookies: otherManager.cookies,
    fields: serviceFields({ version: '1' }),
  });
  assert.equal(post.statusCode, 404);
  const notTheirs = await create(otherManager.cookies, serviceFields({ provider: provider.id, name: 'Not theirs' }));
  assert.equal(notTheirs.statusCode, 303, 'a manager of one provider makes services for that provider only');
  const [made] = await db.select().from(mentoringServices).where(eq(mentoringServices.name, 'Not theirs'));
  assert.equal(made?.providerOrganisationId, otherManager.organisation.id);
});
