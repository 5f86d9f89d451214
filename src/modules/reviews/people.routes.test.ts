import assert from 'node:assert/strict';
import { test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { buildTestApp } from '../../../test/support/app.ts';
import { postForm, signIn, type SignedIn } from '../../../test/support/sign-in.ts';
import { auditEvents } from '../../platform/audit/audit.tables.ts';
import { frameworks, frameworkVersions } from '../frameworks/frameworks.tables.ts';
import { reviewParticipants } from './reviews.tables.ts';

const { app, db } = await buildTestApp();

const [framework] = await db.select().from(frameworks).where(eq(frameworks.key, 'trust-development'));
const [version] = await db
  .select()
  .from(frameworkVersions)
  .where(eq(frameworkVersions.frameworkId, framework?.id ?? ''));
assert.ok(version);

async function startedReview(ceo: SignedIn): Promise<string> {
  const url = `/organisations/${ceo.organisation.id}/reviews/new`;
  const fields = { title: 'Autumn review', framework: version?.id ?? '', anonymous: 'no' };
  const response = await postForm(app, { url, from: url, cookies: ceo.cookies, fields });
  const reviewId = /^\/reviews\/([0-9a-f-]{36})\?done=started$/.exec(String(response.headers.location))?.[1];
  assert.ok(reviewId, response.body.slice(0, 300));
  return reviewId;
}

/** Adds `email` as a lead (no group needed), as the lead's form does. */
const addLead = (ceo: SignedIn, reviewId: string, email: string) =>
  postForm(app, {
    url: `/reviews/${reviewId}/participants/new`,
    from: `/reviews/${reviewId}/participants/new`,
    cookies: ceo.cookies,
    fields: { email, group: 'none', lead: 'yes' },
  });

test('ten addresses without an account an hour; after that no address is looked up, and the refusal is audited', async () => {
  const ceo = await signIn(db, 'ceo');
  const reviewId = await startedReview(ceo);
  const colleague = await signIn(db, 'senior_leader', ceo.organisation);
  const latecomer = await signIn(db, 'senior_leader', ceo.organisation);
  for (let miss = 1; miss <= 10; miss += 1) {
    const response = await addLead(ceo, reviewId, `nobody-${miss}@example.test`);
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /There is no Tandem account with that email address/, `miss ${miss} is still answered`);
    // Finding someone costs nothing: were these counted, the last misses would be refused.
    if (miss === 3) assert.equal((await addLead(ceo, reviewId, colleague.person.email)).statusCode, 303);
    if (miss === 6) assert.match((await addLead(ceo, reviewId, colleague.person.email)).body, /already taking part/);
  }
  const refused = await addLead(ceo, reviewId, latecomer.person.email);
  assert.equal(refused.statusCode, 400);
  assert.match(refused.body, /<title>Error: /);
  assert.match(refused.body, /You have looked up too many addresses that have no account. Try again in an hour/);
  const taking = await db.select().from(reviewParticipants).where(eq(reviewParticipants.reviewId, reviewId));
  assert.equal(
    taking.some((row) => row.personId === latecomer.person.id),
    false,
    'nobody was added',
  );
  const audited = await db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, 'email_lookup.refused'), eq(auditEvents.actorPersonId, ceo.person.id)));
  assert.deepEqual(
    audited.map((event) => event.details),
    [{ reason: 'too_many_misses', purpose: 'review.participant' }],
  );

  const other = await signIn(db, 'ceo');
  const otherReview = await startedReview(other);
  const colleagueOfOther = await signIn(db, 'senior_leader', other.organisation);
  const added = await addLead(other, otherReview, colleagueOfOther.person.email);
  assert.equal(added.statusCode, 303, 'each person has their own count');
});
