import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, test } from 'node:test';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { createTestDatabase } from '../../../test/support/database.ts';
import type { Viewer } from '../auth/viewer.ts';
import { queryRows } from '../db/database.ts';
import { AppError } from '../http/app-error.ts';
import { allowedIds, assertAllowed, definePermission, permissionsOn } from './access.ts';

const database = await createTestDatabase();
after(() => database.close());
const { db } = database;

// The platform knows no module's tables: a table of its own stands for "things people own".
await db.execute(sql`create table access_test_things (id uuid primary key, owner_id uuid not null)`);

const alice = viewer(randomUUID());
const bob = viewer(randomUUID());
const alicesThings = [randomUUID(), randomUUID(), randomUUID()];
const bobsThing = randomUUID();
for (const id of alicesThings) {
  await db.execute(sql`insert into access_test_things (id, owner_id) values (${id}, ${alice.personId})`);
}
await db.execute(sql`insert into access_test_things (id, owner_id) values (${bobsThing}, ${bob.personId})`);

const editThing = definePermission(
  'thing.edit',
  ({ actorPersonId, ids }) => sql`select id from access_test_things where id in ${ids} and owner_id = ${actorPersonId}`,
);

/** A rule that wrongly selects every row: the answer must still be limited to the ids asked about. */
const careless = definePermission('thing.careless', () => sql`select id from access_test_things`);

function viewer(personId: string): Viewer {
  return { personId, displayName: 'Someone', email: 'someone@example.test', mfaEnabled: false, memberships: [] };
}

test('the answer is the subset of the ids asked about that the rule allows', async () => {
  const asked = [alicesThings[0] ?? '', bobsThing, alicesThings[2] ?? ''];
  assert.deepEqual(
    await allowedIds(db, { actor: alice, permission: editThing, ids: asked }),
    new Set([asked[0], asked[2]]),
  );
  assert.deepEqual(await allowedIds(db, { actor: bob, permission: editThing, ids: asked }), new Set([bobsThing]));
});

test('deny by default: no actor, no ids, unknown ids and malformed ids allow nothing', async () => {
  assert.equal((await allowedIds(db, { actor: null, permission: editThing, ids: alicesThings })).size, 0);
  assert.equal((await allowedIds(db, { actor: alice, permission: editThing, ids: [] })).size, 0);
  assert.equal((await allowedIds(db, { actor: alice, permission: editThing, ids: [randomUUID()] })).size, 0);
  const hostile = ["'; drop table access_test_things; --", '', 'not-an-id', `${alicesThings[0]}x`];
  assert.equal((await allowedIds(db, { actor: alice, permission: editThing, ids: hostile })).size, 0);
  const [row] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from access_test_things`);
  assert.equal(row?.n, 4, 'nothing was dropped');
});

test('a rule that selects too much still allows only ids that were asked about', async () => {
  const asked = [alicesThings[0] ?? ''];
  assert.deepEqual(await allowedIds(db, { actor: bob, permission: careless, ids: asked }), new Set(asked));
});

test('ids are compared whatever their letter case', async () => {
  const upper = (alicesThings[1] ?? '').toUpperCase();
  await assertAllowed(db, { actor: alice, permission: editThing, ids: [upper] });
});

test('assertAllowed passes only when every id is allowed, and refuses as forbidden or as not found', async () => {
  await assertAllowed(db, { actor: alice, permission: editThing, ids: alicesThings });
  await assert.rejects(
    assertAllowed(db, { actor: alice, permission: editThing, ids: [...alicesThings, bobsThing] }),
    (error: unknown) => error instanceof AppError && error.code === 'Forbidden',
  );
  await assert.rejects(
    assertAllowed(db, { actor: alice, permission: editThing, ids: [bobsThing], whenDenied: 'not-found' }),
    (error: unknown) => error instanceof AppError && error.code === 'NotFound',
  );
  await assert.rejects(
    assertAllowed(db, { actor: alice, permission: editThing, ids: [] }),
    (error: unknown) => error instanceof AppError && error.code === 'Forbidden',
    'asking about nothing is not a permission to do something',
  );
  await assert.rejects(
    assertAllowed(db, { actor: null, permission: editThing, ids: alicesThings }),
    (error: unknown) => error instanceof AppError,
  );
});

test('permissionsOn answers each permission on one id in one query, denying by default', async () => {
  const nobody = definePermission('thing.none', () => sql`select id from access_test_things where false`);
  const [mine] = alicesThings;
  assert.ok(mine);
  const permissions = { edit: editThing, careless, none: nobody };
  assert.deepEqual(await permissionsOn(db, { actor: alice, permissions, id: mine }), {
    edit: true,
    careless: true,
    none: false,
  });
  assert.deepEqual(await permissionsOn(db, { actor: bob, permissions, id: mine.toUpperCase() }), {
    edit: false,
    careless: true,
    none: false,
  });
  const denied = { edit: false, careless: false, none: false };
  assert.deepEqual(await permissionsOn(db, { actor: null, permissions, id: mine }), denied);
  assert.deepEqual(await permissionsOn(db, { actor: alice, permissions, id: 'not-an-id' }), denied);
  assert.deepEqual(await permissionsOn(db, { actor: alice, permissions, id: randomUUID() }), denied);
});

test('property: the answer is always a subset of the well-formed ids asked about', async () => {
  const known = [...alicesThings, bobsThing];
  await fc.assert(
    fc.asyncProperty(
      fc.array(fc.oneof(fc.constantFrom(...known), fc.uuid(), fc.string()), { maxLength: 8 }),
      fc.constantFrom(alice, bob, null),
      async (ids, actor) => {
        const allowed = await allowedIds(db, { actor, permission: editThing, ids });
        for (const id of allowed) {
          assert.ok(ids.some((asked) => asked.toLowerCase() === id));
          assert.ok(actor && (actor === alice ? alicesThings.some((thing) => thing === id) : id === bobsThing));
        }
      },
    ),
    { numRuns: 50 },
  );
});
