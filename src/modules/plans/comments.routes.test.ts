import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eq } from 'drizzle-orm';
import { buildTestApp } from '../../../test/support/app.ts';
import { createPlan, createPriority } from '../../../test/support/plan-factories.ts';
import { postForm, signIn, type SignedIn } from '../../../test/support/sign-in.ts';
import { threadsOf } from './comments.service.ts';
import { planComments, planShares } from './plan-sharing.tables.ts';

const { app, db } = await buildTestApp();
const get = (url: string, who: SignedIn) => app.inject({ method: 'GET', url, cookies: who.cookies });

const ceo = await signIn(db, 'ceo');
const trust = ceo.organisation;
const seniorLeader = await signIn(db, 'senior_leader', trust);
const mentor = await signIn(db, 'mentor');

async function sharedPriority() {
  const planId = await createPlan(db, { organisation: trust });
  const priorityId = await createPriority(db, planId, { title: 'Strengthen governance' });
  await db.insert(planShares).values({ planId, personId: mentor.person.id, access: 'comment' });
  return { planId, priorityId, url: `/plans/${planId}/priorities/${priorityId}/comments` };
}

const comment = (url: string, who: SignedIn, fields: Record<string, string>) =>
  postForm(app, { url, from: url, cookies: who.cookies, fields });

const commentsOn = (priorityId: string) =>
  db.select().from(planComments).where(eq(planComments.priorityId, priorityId));

test('a mentor comments, the chief executive replies, and everyone in the trust reads the thread', async () => {
  const { priorityId, url } = await sharedPriority();
  const posted = await comment(url, mentor, { body: 'Who on the board owns this?', creationKey: 'mentor-first' });
  assert.equal(posted.statusCode, 303);
  assert.equal(posted.headers.location, `${url}?done=comment-posted`);
  const [first] = await commentsOn(priorityId);
  assert.ok(first);
  assert.equal((await comment(url, ceo, { body: 'The chair, from January.', replyTo: first.id })).statusCode, 303);
  const page = await get(url, seniorLeader);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Who on the board owns this\?[\s\S]*Replies to[\s\S]*The chair, from January\./);
  assert.doesNotMatch(page.body, /Post the comment/, 'a member who only reads does not comment');
});

test('a double-pressed Post makes one comment; an empty one is explained and saves nothing', async () => {
  const { priorityId, url } = await sharedPriority();
  await comment(url, mentor, { body: 'Once', creationKey: 'same-key' });
  await comment(url, mentor, { body: 'Once', creationKey: 'same-key' });
  assert.equal((await commentsOn(priorityId)).length, 1);
  const empty = await comment(url, mentor, { body: '   ' });
  assert.equal(empty.statusCode, 400);
  assert.match(empty.body, /Enter your comment/);
  assert.equal((await commentsOn(priorityId)).length, 1);
});

test('a reply must answer a comment of the same priority', async () => {
  const one = await sharedPriority();
  const other = await sharedPriority();
  await comment(one.url, mentor, { body: 'On the first priority' });
  const [first] = await commentsOn(one.priorityId);
  assert.ok(first);
  const misplaced = await comment(other.url, mentor, { body: 'Elsewhere', replyTo: first.id });
  assert.equal(misplaced.statusCode, 404);
  assert.equal((await commentsOn(other.priorityId)).length, 0);
});

test('replies are grouped under the comment they answer, in the order written', () => {
  const at = (minute: number) => new Date(Date.UTC(2026, 10, 24, 9, minute));
  const row = (id: string, replyToCommentId: string | null, minute: number) => ({
    id,
    replyToCommentId,
    authorName: id,
    body: id,
    createdAt: at(minute),
  });
  const threads = threadsOf([
    row('a', null, 0),
    row('b', null, 1),
    row('a1', 'a', 2),
    row('a2', 'a', 3),
    row('b1', 'b', 4),
  ]);
  assert.deepEqual(
    threads.map((thread) => [thread.comment.id, thread.replies.map((reply) => reply.id)]),
    [
      ['a', ['a1', 'a2']],
      ['b', ['b1']],
    ],
  );
});
