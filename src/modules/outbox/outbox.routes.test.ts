import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { buildTestApp } from '../../../test/support/app.ts';
import { signIn } from '../../../test/support/sign-in.ts';
import { outboxMessages } from '../../platform/mail/mail.tables.ts';
import { startSmtpTestServer } from '../../platform/mail/testing/smtp-test-server.ts';
import { MESSAGES_PER_PAGE } from './outbox.service.ts';

const { app, db } = await buildTestApp();
const admin = await signIn(db, 'platform_administrator');
const trustee = await signIn(db, 'trustee');

const get = (url: string, cookies: Record<string, string> = {}) => app.inject({ method: 'GET', url, cookies });

const signInLink = 'https://tandem.example/sign-in/0123456789abcdef';
const { id: messageId } = await app.mailer.send({
  to: 'ada@example.test',
  subject: 'Your invitation to <Tandem>',
  text: `Hello Ada,\n\nAccept your invitation:\n${signInLink}`,
  html: '<p>Accept <a href="https://tandem.example">your invitation</a></p>',
});

describe('who may read the outbox', () => {
  for (const url of ['/admin/outbox', `/admin/outbox/${messageId}`]) {
    test(`${url}: signed out goes to sign-in and back`, async () => {
      const response = await get(url);
      assert.equal(response.statusCode, 303);
      assert.equal(response.headers.location, `/sign-in?returnTo=${encodeURIComponent(url)}`);
    });

    test(`${url}: a trustee is refused`, async () => {
      const response = await get(url, trustee.cookies);
      assert.equal(response.statusCode, 403);
      assert.doesNotMatch(response.body, /Your invitation/);
    });

    test(`${url}: a platform administrator may read it`, async () => {
      assert.equal((await get(url, admin.cookies)).statusCode, 200);
    });
  }

  test('only platform administrators see the Outbox link', async () => {
    assert.match((await get('/', admin.cookies)).body, /href="\/admin\/outbox"[^>]*>\s*Outbox/);
    assert.doesNotMatch((await get('/', trustee.cookies)).body, /\/admin\/outbox/);
  });
});

describe('the outbox without a mail server', () => {
  test('lists the message as not sent, with the reason', async () => {
    const response = await get('/admin/outbox', admin.cookies);
    assert.match(response.body, /<h1 class="govuk-heading-l">Outbox<\/h1>/);
    assert.match(response.body, /No mail server is configured/);
    assert.match(response.body, new RegExp(`href="/admin/outbox/${messageId}"[^>]*>Your invitation to &lt;Tandem>`));
    assert.match(response.body, /govuk-tag--grey">Not sent</);
  });

  test('shows the whole message, escaped, with its line breaks', async () => {
    const response = await get(`/admin/outbox/${messageId}`, admin.cookies);
    assert.match(response.body, /<h1 class="govuk-heading-l">Your invitation to &lt;Tandem><\/h1>/);
    assert.match(response.body, /Not sent: no mail server configured/);
    assert.match(response.body, new RegExp(`Accept your invitation:<br/>${signInLink}`));
    assert.match(response.body, /&lt;p>Accept &lt;a href=&quot;https:\/\/tandem.example&quot;>/, 'the HTML as source');
    assert.doesNotMatch(response.body, /<p>Accept <a href/, 'never as live HTML');
  });

  test('a malformed or unknown id is not found', async () => {
    for (const id of ['not-an-id', '1', `${messageId}x`, '00000000-0000-4000-8000-000000000000']) {
      assert.equal((await get(`/admin/outbox/${id}`, admin.cookies)).statusCode, 404, id);
    }
  });
});

describe('pages of the outbox', () => {
  test('newest first, a page at a time, and no page past the end', async () => {
    const base = Date.parse('2025-01-01T09:00:00Z');
    await db.insert(outboxMessages).values(
      Array.from({ length: MESSAGES_PER_PAGE + 5 }, (_, index) => ({
        to: `person${index}@example.test`,
        subject: `Bulk message ${String(index).padStart(2, '0')}`,
        text: 'Hello',
        createdAt: new Date(base + index * 60_000),
      })),
    );
    const first = await get('/admin/outbox', admin.cookies);
    assert.match(first.body, /Outbox \(page 1 of 2\) – Tandem/);
    const subjects = [...first.body.matchAll(/>(Your invitation to &lt;Tandem>|Bulk message \d+)</g)].map((m) => m[1]);
    assert.equal(subjects.length, MESSAGES_PER_PAGE);
    assert.equal(subjects[0], 'Your invitation to &lt;Tandem>', 'the newest message comes first');
    assert.equal(subjects[1], `Bulk message ${MESSAGES_PER_PAGE + 4}`);
    assert.match(first.body, /<nav class="govuk-pagination" aria-label="Outbox pages">/);
    assert.match(first.body, /href="\/admin\/outbox\?page=2" rel="next"/);

    const second = await get('/admin/outbox?page=2', admin.cookies);
    assert.equal(second.statusCode, 200);
    assert.match(second.body, />Bulk message 00</);
    assert.match(second.body, /href="\/admin\/outbox" rel="prev"/);

    for (const page of ['3', '0', 'abc', '-1', '1.5']) {
      assert.equal((await get(`/admin/outbox?page=${page}`, admin.cookies)).statusCode, 404, page);
    }
  });
});

test('with a mail server, the outbox shows the message sent once the job has run', async () => {
  const smtp = await startSmtpTestServer();
  after(() => smtp.close());
  const withSmtp = await buildTestApp({ env: { SMTP_URL: smtp.url } });
  const viewer = await signIn(withSmtp.db, 'platform_administrator');

  const { id } = await withSmtp.app.mailer.send({ to: 'bo@example.test', subject: 'Welcome', text: 'Hello Bo' });
  const queued = await withSmtp.app.inject({ method: 'GET', url: `/admin/outbox/${id}`, cookies: viewer.cookies });
  assert.match(queued.body, /<dd class="govuk-summary-list__value">\s*Queued\s*<\/dd>/);

  assert.equal(await withSmtp.app.jobs.runDueJobs(), 1);
  assert.equal(smtp.delivered[0]?.subject, 'Welcome');
  const list = await withSmtp.app.inject({ method: 'GET', url: '/admin/outbox', cookies: viewer.cookies });
  assert.match(list.body, /govuk-tag--green">Sent</);
  assert.doesNotMatch(list.body, /No mail server is configured/);
});
