import { randomBytes } from 'node:crypto';
import type { Viewer } from '../../src/platform/auth/viewer.ts';
import type { AppDb } from '../../src/platform/db/database.ts';
import { organisations, type OrganisationKind } from '../../src/modules/organisations/organisations.tables.ts';
import { memberships, people } from '../../src/modules/people/people.tables.ts';
import type { Role } from '../../src/modules/people/roles.ts';

/**
 * Rows for tests, with unique defaults so tests never collide; pass only what the test
 * is about. Inserted straight into the tables: factories set the scene, services are what
 * tests exercise.
 */
const unique = () => randomBytes(4).toString('hex');

export type OrganisationRow = typeof organisations.$inferSelect;
export type PersonRow = typeof people.$inferSelect;

export async function createOrganisation(
  db: AppDb,
  overrides: Partial<typeof organisations.$inferInsert> & { kind?: OrganisationKind } = {},
): Promise<OrganisationRow> {
  const [row] = await db
    .insert(organisations)
    .values({ kind: 'trust', name: `Test Trust ${unique()}`, ...overrides })
    .returning();
  if (!row) throw new Error('organisation not created');
  return row;
}

export async function createPerson(db: AppDb, overrides: Partial<typeof people.$inferInsert> = {}): Promise<PersonRow> {
  const id = unique();
  const [row] = await db
    .insert(people)
    .values({ email: `person-${id}@example.test`, displayName: `Test Person ${id}`, ...overrides })
    .returning();
  if (!row) throw new Error('person not created');
  return row;
}

export async function addMembership(db: AppDb, personId: string, organisationId: string, role: Role): Promise<void> {
  await db.insert(memberships).values({ personId, organisationId, role });
}

/** A person holding `role` in `organisation` (a new trust, or a provider for provider roles, when not given). */
export async function createPersonWithRole(
  db: AppDb,
  role: Role,
  organisation?: OrganisationRow,
): Promise<{ person: PersonRow; organisation: OrganisationRow }> {
  const providerRoles: Role[] = ['platform_administrator', 'programme_manager', 'mentor'];
  const home =
    organisation ?? (await createOrganisation(db, { kind: providerRoles.includes(role) ? 'provider' : 'trust' }));
  const person = await createPerson(db);
  await addMembership(db, person.id, home.id, role);
  return { person, organisation: home };
}

/** A person with `role` as a service sees them: the viewer a signed-in request would carry. */
export async function createViewerWithRole(db: AppDb, role: Role): Promise<Viewer> {
  const { person, organisation } = await createPersonWithRole(db, role);
  return {
    personId: person.id,
    displayName: person.displayName,
    email: person.email,
    mfaEnabled: true,
    memberships: [{ organisationId: organisation.id, organisationName: organisation.name, role }],
  };
}
