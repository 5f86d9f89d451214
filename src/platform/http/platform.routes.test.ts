import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildTestApp } from '../../../test/support/app.ts';
import { formFixtureRoutes, submittedContacts } from '../../../test/support/form-fixture.tsx';
import { formSession } from '../../../test/support/sign-in.ts';
import { AppError, parseId } from './app-error.ts';

/** Resolved when the slow route has begun, so a test can close the server mid-request. */
let slowRequestStarted: () => void = () => undefined;

async function fixtureRoutes(app: FastifyInstance): Promise<void> {
  app.get<{ Params: { id: string } }>('/test/things/:id', async (request) => {
    parseId(request.params.id);
    throw AppError.notFound();
  });
  app.get('/test/boom', async () => {
    throw new Error('database password is hunter2');
  });
  app.get('/test/forbidden', async () => {
    throw AppError.forbidden();
  });
  app.get('/test/slow', async () => {
    slowRequestStarted();
    await new Promise((resolve) => setTimeout(resolve, 300));
    return 'finished';
  });
  await formFixtureRoutes(app);
}

const t = await buildTestApp({ extraPlugins: [fixtureRoutes], env: { BODY_LIMIT_BYTES: '2048' } });

test('pages carry the security headers, with a fresh CSP nonce that the inline script uses', async () => {
  const response = await t.app.inject({ method: 'GET', url: '/' });
  assert.equal(response.statusCode, 200);
  const csp = String(response.headers['content-security-policy']);
  assert.match(csp, /frame-ancestors 'none'/);
  assert.match(csp, /default-src 'self'/);
  assert.doesNotMatch(csp, /unsafe-inline/);
  const nonce = /script-src 'self' 'nonce-([0-9a-f]+)'/.exec(csp)?.[1];
  assert.ok(nonce, 'script-src has a nonce');
  assert.match(response.body, new RegExp(`<script nonce="${nonce}">document.body.className`));
  assert.equal(response.headers['x-frame-options'], 'DENY');
  assert.equal(response.headers['x-content-type-options'], 'nosniff');
  assert.equal(response.headers['cache-control'], 'no-store');
  assert.match(String(response.headers['x-request-id']), /^[0-9a-f-]{36}$/);
  const again = await t.app.inject({ method: 'GET', url: '/' });
  assert.notEqual(again.headers['content-security-policy'], csp, 'each response has its own nonce');
});

test('/healthz answers while the process is up and /readyz checks the database', async () => {
  assert.deepEqual((await t.app.inject({ method: 'GET', url: '/healthz' })).json(), { status: 'ok' });
  const ready = await t.app.inject({ method: 'GET', url: '/readyz' });
  assert.equal(ready.statusCode, 200);
  assert.deepEqual(ready.json(), { status: 'ok', database: true });
});

test('/readyz answers 503 when the database does not', async () => {
  const own = await buildTestApp();
  await own.database.close();
  const ready = await own.app.inject({ method: 'GET', url: '/readyz' });
  assert.equal(ready.statusCode, 503);
  assert.deepEqual(ready.json(), { status: 'unavailable', database: false });
  assert.equal((await own.app.inject({ method: 'GET', url: '/healthz' })).statusCode, 200, 'the process is still up');
});

test('an unknown page is a 404 page in house style', async () => {
  const response = await t.app.inject({ method: 'GET', url: '/no/such/page' });
  assert.equal(response.statusCode, 404);
  assert.match(response.body, /<title>Page not found – Tandem<\/title>/);
  assert.match(response.body, /govuk-heading-l">Page not found/);
});

test('a malformed id in a URL is a 404, not a 500', async () => {
  for (const id of ['123', 'not-a-uuid', "1' or '1'='1", '%00']) {
    const response = await t.app.inject({ method: 'GET', url: `/test/things/${id}` });
    assert.equal(response.statusCode, 404, `id ${id}`);
  }
});

test('an unexpected error is a 500 page with a reference and no internals', async () => {
  const response = await t.app.inject({ method: 'GET', url: '/test/boom' });
  assert.equal(response.statusCode, 500);
  assert.match(response.body, /Sorry, there is a problem with the service/);
  assert.match(response.body, new RegExp(`quote reference ${response.headers['x-request-id']}`));
  assert.doesNotMatch(response.body, /hunter2|at .*\.ts:\d+|Error:/);
});

test('a forbidden action is a 403 page', async () => {
  const response = await t.app.inject({ method: 'GET', url: '/test/forbidden' });
  assert.equal(response.statusCode, 403);
  assert.match(response.body, /You do not have permission to do that/);
});

test('a POST without a CSRF token is refused with 403 and changes nothing', async () => {
  const before = submittedContacts.length;
  const response = await t.app.inject({
    method: 'POST',
    url: '/test/contact',
    payload: 'name=Ada&email=ada%40example.test',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  assert.equal(response.statusCode, 403);
  assert.match(response.body, /the form you sent had expired/);
  assert.equal(submittedContacts.length, before);
});

test('a POST with a token from another browser is refused', async () => {
  const mine = await formSession(t.app, '/test/contact');
  const theirs = await formSession(t.app, '/test/contact');
  const response = await t.app.inject({
    method: 'POST',
    url: '/test/contact',
    cookies: mine.cookies,
    payload: { _csrf: theirs.csrfToken, name: 'Ada', email: 'ada@example.test' },
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  assert.equal(response.statusCode, 403);
});

test('a valid post is saved and answered with a redirect (post/redirect/get)', async () => {
  const { csrfToken, cookies } = await formSession(t.app, '/test/contact');
  const response = await t.app.inject({
    method: 'POST',
    url: '/test/contact',
    cookies,
    payload: new URLSearchParams({ _csrf: csrfToken, name: '  Ada Lovelace ', email: 'ada@example.test' }).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  assert.equal(response.statusCode, 303);
  assert.equal(response.headers.location, '/test/contact');
  assert.deepEqual(submittedContacts.at(-1), { name: 'Ada Lovelace', email: 'ada@example.test' });
});

test('a failed post comes back with 400, "Error:" in the title, a linked summary and what was typed', async () => {
  const { csrfToken, cookies } = await formSession(t.app, '/test/contact');
  const before = submittedContacts.length;
  const response = await t.app.inject({
    method: 'POST',
    url: '/test/contact',
    cookies,
    payload: new URLSearchParams({ _csrf: csrfToken, name: '', email: 'ada at example <b>' }).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  assert.equal(response.statusCode, 400);
  assert.match(response.body, /<title>Error: Contact details – Tandem<\/title>/);
  assert.match(response.body, /<a href="#name">Enter your full name<\/a>/);
  assert.match(
    response.body,
    /<a href="#email">Enter an email address in the correct format, like name@example.com<\/a>/,
  );
  assert.match(response.body, /<p id="name-error" class="govuk-error-message">/);
  assert.match(response.body, /value="ada at example &lt;b>"/, 'typed value kept, escaped');
  assert.equal(submittedContacts.length, before);
});

test('a body over the limit is refused with a 413 page', async () => {
  const { csrfToken, cookies } = await formSession(t.app, '/test/contact');
  const response = await t.app.inject({
    method: 'POST',
    url: '/test/contact',
    cookies,
    payload: new URLSearchParams({ _csrf: csrfToken, name: 'x'.repeat(5000), email: 'a@b.test' }).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  assert.equal(response.statusCode, 413);
  assert.match(response.body, /What you sent is too large/);
});

test('a body of an unexpected type is a 400 page', async () => {
  const response = await t.app.inject({
    method: 'POST',
    url: '/test/contact',
    payload: '<xml/>',
    headers: { 'content-type': 'application/xml' },
  });
  assert.equal(response.statusCode, 400);
  assert.match(response.body, /there is a problem with that request/);
});

test('compiled assets are served with a year-long cache; others with a day', async (context) => {
  const page = await t.app.inject({ method: 'GET', url: '/' });
  const stylesheet = /href="(\/assets\/tandem\.[0-9a-f]+\.css)"/.exec(page.body)?.[1];
  if (!stylesheet) return context.skip('assets not compiled (run through npm test to build them)');
  const css = await t.app.inject({ method: 'GET', url: stylesheet });
  assert.equal(css.statusCode, 200);
  assert.equal(css.headers['cache-control'], 'public, max-age=31536000, immutable');
  const icon = await t.app.inject({ method: 'GET', url: '/assets/images/favicon.svg' });
  assert.equal(icon.headers['cache-control'], 'public, max-age=86400');
  assert.equal((await t.app.inject({ method: 'GET', url: '/assets/../package.json' })).statusCode, 404);
});

test('closing the server lets a request in flight finish', async () => {
  const own = await buildTestApp({ extraPlugins: [fixtureRoutes] });
  await own.app.listen({ port: 0, host: '127.0.0.1' });
  const address = own.app.server.address();
  assert.ok(address && typeof address === 'object');
  const started = new Promise<void>((resolve) => (slowRequestStarted = resolve));
  const inFlight = fetch(`http://127.0.0.1:${address.port}/test/slow`);
  await started;
  await own.app.close();
  const response = await inFlight;
  assert.equal(response.status, 200);
  assert.equal(await response.text(), 'finished');
  assert.equal(await own.database.ping(), false, 'the database is closed after the server');
});
