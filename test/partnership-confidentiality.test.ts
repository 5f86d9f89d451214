import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import { loadConfig } from '../src/config.ts';
import { chemistryConversations } from '../src/modules/partnerships/matching.tables.ts';
import {
  meetingNotes,
  partnershipEstablishing,
  partnershipGoals,
  partnershipMeetings,
} from '../src/modules/partnerships/meetings.tables.ts';
import {
  documentRequests,
  partnershipDocuments,
  schoolVisits,
} from '../src/modules/partnerships/preparation.tables.ts';
import { createNoteCipher } from '../src/platform/crypto/note-cipher.ts';
import { buildTestApp } from './support/app.ts';
import { createOrganisation } from './support/factories.ts';
import { createPartnership, createService } from './support/partnership-factories.ts';
import { signIn, type SignedIn } from './support/sign-in.ts';

/**
 * Issue 6's promise, walked over every partnership URL the app serves: a partnership full of
 * content, and everyone who must not read it (the provider's own programme manager, the mentee
 * trust's chair and another of its leaders, another mentor, another mentee, an administrator).
 * None of them reaches a content page, and no page they can reach shows a word of the content.
 */

const { app, db } = await buildTestApp();
const cipher = createNoteCipher([loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }).encryptionKey]);

const SECRETS = {
  goal: 'Repair the relationship with the chair',
  story: 'I almost resigned in my first term',
  note: 'Worried the CFO is leaving before the audit',
  document: 'Confidential restructuring proposal',
  chemistry: 'Felt too similar to my old head of school',
};

const programmeManager = await signIn(db, 'programme_manager');
const provider = programmeManager.organisation;
const service = await createService(db, { provider });
const mentee = await signIn(db, 'ceo');
const menteeTrust = mentee.organisation;
const mentor = await signIn(db, 'mentor', provider);
const outsiders: Record<string, SignedIn> = {
  'the provider’s programme manager': programmeManager,
  'the mentee trust’s chair': await signIn(db, 'chair', menteeTrust),
  'an executive of the mentee trust': await signIn(db, 'executive', menteeTrust),
  'another mentor of the provider': await signIn(db, 'mentor', provider),
  'another mentee': await signIn(db, 'ceo'),
  'an administrator': await signIn(db, 'platform_administrator'),
};

const id = await createPartnership(db, {
  service,
  mentee: mentee.person,
  mentor: mentor.person,
  menteeTrust,
  title: 'A confidential partnership',
});
await db.insert(partnershipEstablishing).values({ partnershipId: id, leadershipStory: SECRETS.story });
const [goal] = await db
  .insert(partnershipGoals)
  .values({
    partnershipId: id,
    title: SECRETS.goal,
    measureOfSuccess: 'Board survey',
    position: 0,
    creationKey: randomUUID(),
  })
  .returning();
const [meeting] = await db
  .insert(partnershipMeetings)
  .values({
    partnershipId: id,
    startsAt: new Date('2026-10-06T09:00:00Z'),
    durationMinutes: 180,
    creationKey: randomUUID(),
  })
  .returning();
assert.ok(goal && meeting);
const noteId = randomUUID();
await db
  .insert(meetingNotes)
  .values({ id: noteId, meetingId: meeting.id, partnershipId: id, ciphertext: cipher.encrypt(SECRETS.note, noteId) });
const [request] = await db
  .insert(documentRequests)
  .values({ partnershipId: id, title: SECRETS.document, position: 0, creationKey: randomUUID() })
  .returning();
assert.ok(request);
const [document] = await db
  .insert(partnershipDocuments)
  .values({
    partnershipId: id,
    requestId: request.id,
    link: 'https://example.test/doc',
    note: SECRETS.document,
    creationKey: randomUUID(),
  })
  .returning();
const school = await createOrganisation(db, { kind: 'school', trustId: menteeTrust.id });
const [visit] = await db
  .insert(schoolVisits)
  .values({ partnershipId: id, schoolId: school.id, visitOn: '2026-10-01', creationKey: randomUUID() })
  .returning();
const conversationId = randomUUID();
await db.insert(chemistryConversations).values({
  id: conversationId,
  partnershipId: id,
  mentorPersonId: mentor.person.id,
  startsAt: new Date('2026-09-10T09:00:00Z'),
  status: 'held',
  outcomeNoteCiphertext: cipher.encrypt(SECRETS.chemistry, conversationId),
  creationKey: randomUUID(),
});
assert.ok(document && visit);

const params: Record<string, string> = {
  id,
  goalId: goal.id,
  meetingId: meeting.id,
  requestId: request.id,
  documentId: document.id,
  visitId: visit.id,
  conversationId,
};

/** Every GET page of a partnership, with the scene's ids in it. */
const partnershipPages = app.routeCatalogue
  .filter((route) => route.method === 'GET' && route.url.startsWith('/partnerships/:id'))
  .map((route) => route.url.replace(/:([A-Za-z]+)/g, (_, name: string) => params[name] ?? randomUUID()));

const secretsIn = (body: string) => Object.values(SECRETS).filter((secret) => body.includes(secret));

test('the scene is real: its participants read the content that outsiders must not', async () => {
  assert.ok(partnershipPages.length >= 20, `${partnershipPages.length} partnership pages`);
  const page = await app.inject({ method: 'GET', url: `/partnerships/${id}/establishing`, cookies: mentee.cookies });
  assert.equal(page.statusCode, 200);
  assert.ok(page.body.includes(SECRETS.story) && page.body.includes(SECRETS.goal));
  const notes = await app.inject({
    method: 'GET',
    url: `/partnerships/${id}/meetings/${meeting.id}`,
    cookies: mentor.cookies,
  });
  assert.ok(notes.body.includes(SECRETS.note), 'the mentor reads the sealed note');
});

for (const [who, visitor] of Object.entries(outsiders)) {
  test(`${who} reaches no content page of the partnership, and no page they reach shows its content`, async () => {
    const staff = visitor === programmeManager;
    const leaks: string[] = [];
    for (const url of partnershipPages) {
      const response = await app.inject({ method: 'GET', url, cookies: visitor.cookies });
      const shown = secretsIn(response.body);
      if (shown.length > 0) leaks.push(`${url}: ${shown.join(', ')}`);
      // The provider's staff see the partnership's own page, who takes part, matching and the agreement; others nothing.
      if (!staff && response.statusCode !== 404) leaks.push(`${url}: ${response.statusCode}, not 404`);
    }
    const lists = [
      '/',
      '/partnerships',
      '/plans',
      '/reviews',
      '/account/activity',
      '/mentoring/enquiries',
      '/mentoring/mentors',
    ];
    if (staff) lists.push(`/mentoring/providers/${provider.id}/dashboard`);
    for (const url of lists) {
      const response = await app.inject({ method: 'GET', url, cookies: visitor.cookies });
      const shown = secretsIn(response.body);
      if (shown.length > 0) leaks.push(`${url}: ${shown.join(', ')}`);
      if (!staff && response.body.includes('A confidential partnership')) leaks.push(`${url}: names the partnership`);
    }
    assert.deepEqual(leaks, []);
  });
}
