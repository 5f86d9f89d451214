import assert from 'node:assert/strict';
import { test } from 'node:test';
import { count, eq } from 'drizzle-orm';
import { buildTestApp } from '../../../test/support/app.ts';
import { planFormFields } from '../../../test/support/plan-factories.ts';
import { formSession, signIn, type SignedIn } from '../../../test/support/sign-in.ts';
import { plans } from '../plans/plans.tables.ts';
import { startSession } from './index.ts';
import { sessions } from './people.tables.ts';
import { unsentForms } from './unsent-forms.tables.ts';

const { app, db } = await buildTestApp();

const typed = 'Our priorities & why: “grow” <carefully>\nSECRET second line';

/** Loads the new-plan form while signed in, then lets the session idle out, as a long lunch would. */
async function formOpenWhenSessionEnds(who: SignedIn) {
  const page = await app.inject({ method: 'GET', url: '/plans/new', cookies: who.cookies });
  const creationKey = /name="creationKey" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
  const session = await formSession(app, '/plans/new', who.cookies);
  await db
    .update(sessions)
    .set({ lastSeenAt: new Date(Date.now() - 31 * 60_000) })
    .where(eq(sessions.personId, who.person.id));
  const fields = planFormFields({
    _csrf: session.csrfToken,
    creationKey,
    owner: who.organisation.id,
    title: 'Kept across a sign-out',
    summary: typed,
  });
  const send = (contentType = 'application/x-www-form-urlencoded') =>
    app.inject({
      method: 'POST',
      url: '/plans/new',
      cookies: session.cookies,
      headers: { 'content-type': contentType },
      payload: new URLSearchParams(fields).toString(),
    });
  return { session, send };
}

/** Posts url-encoded `fields` with `cookies`, as a browser sends a form. */
const postFields = (url: string, cookies: Record<string, string>, fields: Record<string, string>) =>
  app.inject({
    method: 'POST',
    url,
    cookies,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams(fields).toString(),
  });

const plansTitled = async (title: string) =>
  (await db.select({ total: count() }).from(plans).where(eq(plans.title, title)))[0]?.total ?? 0;

/** The hidden fields of the form that sends a kept form again, as a browser would send them. */
function hiddenFields(html: string): Record<string, string> {
  const decode = (text: string) =>
    text.replace(
      /&(amp|quot|lt|gt|#39);/g,
      (_, name: string) => ({ amp: '&', quot: '"', lt: '<', gt: '>', '#39': "'" })[name] ?? '',
    );
  const fields: Record<string, string> = {};
  for (const [, name, value] of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)) {
    if (name && name !== '_csrf') fields[name] = decode(value ?? '');
  }
  return fields;
}

test('a form sent after the session ended is kept, sealed, and sent after signing in again', async () => {
  const ceo = await signIn(db, 'ceo');
  const { session, send } = await formOpenWhenSessionEnds(ceo);
  const sent = await send();
  assert.equal(sent.statusCode, 401);
  assert.match(sent.body, /You were signed out/);
  assert.match(sent.body, /What you typed is kept until/);
  assert.ok(sent.body.includes('href="/sign-in?returnTo=%2Faccount%2Funsent-form"'));
  assert.equal(await plansTitled('Kept across a sign-out'), 0, 'nothing was saved');
  const [kept] = await db.select().from(unsentForms).where(eq(unsentForms.personId, ceo.person.id));
  assert.ok(kept);
  assert.equal(kept.path, '/plans/new');
  assert.doesNotMatch(kept.sealedFields, /SECRET|Kept across/, 'the database holds no plaintext of it');
  const keptCookie = sent.cookies.find((cookie) => cookie.name === 'tandem_unsent_form');
  assert.ok(keptCookie?.httpOnly);

  const again = { ...session.cookies, tandem_session: await startSession({ db, personId: ceo.person.id }) };
  const cookies = { ...again, tandem_unsent_form: keptCookie.value };
  const page = await app.inject({ method: 'GET', url: '/account/unsent-form', cookies });
  assert.equal(page.statusCode, 200);
  assert.equal(page.headers['cache-control'], 'no-store');
  assert.match(page.body, /Send what you typed/);
  assert.match(page.body, /action="\/plans\/new"/);
  assert.ok(page.body.includes('SECRET second line'), 'what was typed is shown');

  const resend = await formSession(app, '/account/unsent-form', cookies);
  const saved = await postFields('/plans/new', resend.cookies, { _csrf: resend.csrfToken, ...hiddenFields(page.body) });
  assert.equal(saved.statusCode, 303);
  const [plan] = await db.select().from(plans).where(eq(plans.title, 'Kept across a sign-out'));
  assert.equal(plan?.summary?.replace(/\r\n/g, '\n'), typed, 'saved exactly as typed');
});

test('a kept form is for its sender alone, until thrown away; files and empty forms are not kept', async () => {
  const ceo = await signIn(db, 'ceo');
  const { session, send } = await formOpenWhenSessionEnds(ceo);
  const keptCookie = (await send()).cookies.find((cookie) => cookie.name === 'tandem_unsent_form');
  assert.ok(keptCookie);

  const someoneElse = await signIn(db, 'ceo');
  const theirs = await app.inject({
    method: 'GET',
    url: '/account/unsent-form',
    cookies: { ...someoneElse.cookies, tandem_unsent_form: keptCookie.value },
  });
  assert.equal(theirs.statusCode, 200);
  assert.match(theirs.body, /Nothing is waiting to be sent/);
  assert.doesNotMatch(theirs.body, /SECRET/);

  const cookies = {
    tandem_session: await startSession({ db, personId: ceo.person.id }),
    tandem_unsent_form: keptCookie.value,
  };
  const discard = await formSession(app, '/account/unsent-form', cookies);
  const thrown = await postFields('/account/unsent-form', discard.cookies, { _csrf: discard.csrfToken });
  assert.equal(thrown.statusCode, 303);
  assert.equal((await db.select().from(unsentForms).where(eq(unsentForms.personId, ceo.person.id))).length, 0);
  assert.match((await app.inject({ method: 'GET', url: '/account/unsent-form', cookies })).body, /Nothing is waiting/);

  // A file upload cannot be kept, and a button with nothing typed (signing out) has nothing to keep.
  const multipart = await send('multipart/form-data; boundary=x');
  assert.notEqual(multipart.statusCode, 401);
  const signOut = await postFields('/sign-out', session.cookies, { _csrf: session.csrfToken });
  assert.equal(signOut.statusCode, 403);
  assert.equal((await db.select().from(unsentForms).where(eq(unsentForms.personId, ceo.person.id))).length, 0);
});
