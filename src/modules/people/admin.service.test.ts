import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { createTestDatabase } from '../../../test/support/database.ts';
import { addMembership, createOrganisation, createPerson } from '../../../test/support/factories.ts';
import { auditEvents } from '../../platform/audit/audit.tables.ts';
import type { Viewer } from '../../platform/auth/viewer.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { changeMembershipRole, deactivateAccount, listOrganisationMembers, removeMembership } from './admin.service.ts';
import { memberships, people } from './people.tables.ts';

const database = await createTestDatabase();
after(() => database.close());
const { db } = database;

const organisation = await createOrganisation(db, { kind: 'trust' });
const adminPerson = await createPerson(db);
const actorWith = (role: string): Viewer => ({
  personId: adminPerson.id,
  displayName: adminPerson.displayName,
  email: adminPerson.email,
  mfaEnabled: true,
  memberships: [{ organisationId: organisation.id, organisationName: organisation.name, role }],
});
const administrator = actorWith('platform_administrator');
const chair = actorWith('chair');

async function membershipOf(role: 'trustee' | 'member') {
  const person = await createPerson(db);
  await addMembership(db, person.id, organisation.id, role);
  const [row] = await db.select().from(memberships).where(eq(memberships.personId, person.id));
  assert.ok(row);
  return { person, membership: row };
}

const isForbidden = (error: unknown) => error instanceof AppError && error.code === 'Forbidden';

test('nobody but a platform administrator reads or changes memberships and accounts', async () => {
  const { person, membership } = await membershipOf('trustee');
  const where = { db, organisationId: organisation.id };
  for (const actor of [null, chair]) {
    await assert.rejects(listOrganisationMembers({ ...where, actor }), isForbidden);
    await assert.rejects(
      changeMembershipRole({ ...where, actor, membershipId: membership.id, role: 'chair', expectedRole: 'trustee' }),
      isForbidden,
    );
    await assert.rejects(removeMembership({ ...where, actor, membershipId: membership.id }), isForbidden);
    await assert.rejects(deactivateAccount({ ...where, actor, personId: person.id }), isForbidden);
  }
  const [row] = await db.select().from(memberships).where(eq(memberships.id, membership.id));
  assert.equal(row?.role, 'trustee');
});

test('two administrators changing one role at once: one change, one event, the other told', async () => {
  const { person, membership } = await membershipOf('member');
  const change = (role: 'chair' | 'trustee') =>
    changeMembershipRole({
      db,
      actor: administrator,
      organisationId: organisation.id,
      membershipId: membership.id,
      role,
      expectedRole: 'member',
    });
  const outcomes = await Promise.all([change('chair'), change('trustee')]);
  assert.deepEqual(outcomes.map((outcome) => outcome.outcome).sort(), ['changed', 'stale']);
  const events = await db.select().from(auditEvents).where(eq(auditEvents.subjectPersonId, person.id));
  assert.equal(events.length, 1);
});

test('the audit event and the change stand or fall together', async () => {
  const { person } = await membershipOf('trustee');
  // This test's own database refuses the event, as a full disk or a lost connection would.
  await db.execute(sql`
    create function refuse_deactivation_event() returns trigger language plpgsql as $$
    begin
      if new.action = 'account.deactivated' then raise exception 'audit log unavailable'; end if;
      return new;
    end $$`);
  await db.execute(sql`
    create trigger refuse_deactivation_event before insert on audit_events
    for each row execute function refuse_deactivation_event()`);
  await assert.rejects(
    deactivateAccount({ db, actor: administrator, organisationId: organisation.id, personId: person.id }),
  );
  const [row] = await db.select().from(people).where(eq(people.id, person.id));
  assert.equal(row?.deactivatedAt, null, 'no deactivation without its audit event');
});
