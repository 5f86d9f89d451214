import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { createTestDatabase } from '../../../test/support/database.ts';
import { addMembership, createOrganisation } from '../../../test/support/factories.ts';
import { createAction, createPlan, createPriority, planViewer } from '../../../test/support/plan-factories.ts';
import { allowedIds } from '../../platform/access/access.ts';
import type { Viewer } from '../../platform/auth/viewer.ts';
import { editPlan, makePlansFor, seePlan, updateAction } from './plans.policy.ts';

const database = await createTestDatabase();
after(() => database.close());
const { db } = database;

const ceo = await planViewer(db, 'ceo');
const trust = ceo.organisation;
const executive = await planViewer(db, 'executive', trust);
const chair = await planViewer(db, 'chair', trust);
const seniorLeader = await planViewer(db, 'senior_leader', trust);
const trustee = await planViewer(db, 'trustee', trust);
const otherCeo = await planViewer(db, 'ceo');
const administrator = await planViewer(db, 'platform_administrator');

const trustPlan = await createPlan(db, { organisation: trust });
const seniorLeadersOwnPlan = await createPlan(db, { owner: seniorLeader.person });
const priority = await createPriority(db, trustPlan);
const seniorLeadersAction = await createAction(db, {
  planId: trustPlan,
  priorityId: priority,
  owner: seniorLeader.person,
});
const ceosAction = await createAction(db, { planId: trustPlan, priorityId: priority, owner: ceo.person });

const allows = async (viewer: Viewer, permission: typeof seePlan, id: string) =>
  (await allowedIds(db, { actor: viewer, permission, ids: [id] })).has(id);

test('a trust plan is read by every member of the trust and nobody else', async () => {
  for (const member of [ceo, executive, chair, seniorLeader, trustee]) {
    assert.equal(await allows(member.viewer, seePlan, trustPlan), true);
  }
  for (const outsider of [otherCeo, administrator]) {
    assert.equal(await allows(outsider.viewer, seePlan, trustPlan), false);
  }
});

test('a trust plan is changed by its chief executive, executives and chair only', async () => {
  for (const leader of [ceo, executive, chair]) assert.equal(await allows(leader.viewer, editPlan, trustPlan), true);
  for (const reader of [seniorLeader, trustee, otherCeo, administrator]) {
    assert.equal(await allows(reader.viewer, editPlan, trustPlan), false);
  }
});

test('an individual plan is its owner’s alone, whoever else is in their trust', async () => {
  assert.equal(await allows(seniorLeader.viewer, seePlan, seniorLeadersOwnPlan), true);
  assert.equal(await allows(seniorLeader.viewer, editPlan, seniorLeadersOwnPlan), true);
  for (const other of [ceo, executive, trustee, administrator]) {
    assert.equal(await allows(other.viewer, seePlan, seniorLeadersOwnPlan), false);
  }
});

test('an action is kept up to date by the plan’s leaders and by its own owner', async () => {
  assert.equal(await allows(seniorLeader.viewer, updateAction, seniorLeadersAction), true);
  assert.equal(await allows(seniorLeader.viewer, updateAction, ceosAction), false, 'not someone else’s');
  assert.equal(await allows(executive.viewer, updateAction, seniorLeadersAction), true);
  assert.equal(await allows(trustee.viewer, updateAction, seniorLeadersAction), false);
  assert.equal(await allows(otherCeo.viewer, updateAction, ceosAction), false);
});

test('an owner who leaves the trust no longer updates their action', async () => {
  const leaver = await planViewer(db, 'middle_leader');
  const action = await createAction(db, { planId: trustPlan, priorityId: priority, owner: leaver.person });
  assert.equal(await allows(leaver.viewer, updateAction, action), false, 'never a member of this trust');
  await addMembership(db, leaver.person.id, trust.id, 'middle_leader');
  assert.equal(await allows(leaver.viewer, updateAction, action), true);
});

test('plans are made for a trust by its leaders, never for another kind of organisation', async () => {
  const school = await createOrganisation(db, { kind: 'school' });
  await addMembership(db, ceo.person.id, school.id, 'senior_leader');
  const allowed = await allowedIds(db, { actor: ceo.viewer, permission: makePlansFor, ids: [trust.id, school.id] });
  assert.deepEqual([...allowed], [trust.id]);
  assert.equal(
    (await allowedIds(db, { actor: seniorLeader.viewer, permission: makePlansFor, ids: [trust.id] })).size,
    0,
  );
});
