import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { count } from 'drizzle-orm';
import type { AppDb } from '../platform/db/database.ts';
import { organisations } from '../modules/organisations/organisations.tables.ts';
import { memberships, people } from '../modules/people/people.tables.ts';
import type { Role } from '../modules/people/roles.ts';

const trustsFile = fileURLToPath(new URL('../../fixtures/gias-sample/trusts.csv', import.meta.url));

export const DEMO_PROVIDER = 'Northern Lights Leadership Network';

/** The people a demo instance starts with: one of each kind of user the front page serves. */
export const demoPeople: ReadonlyArray<{ email: string; displayName: string; role: Role; organisation: string }> = [
  {
    email: 'admin@demo.tandem.test',
    displayName: 'Alex Admin',
    role: 'platform_administrator',
    organisation: DEMO_PROVIDER,
  },
  {
    email: 'pm@demo.tandem.test',
    displayName: 'Priya Manager',
    role: 'programme_manager',
    organisation: DEMO_PROVIDER,
  },
  { email: 'mentor@demo.tandem.test', displayName: 'Morgan Mentor', role: 'mentor', organisation: DEMO_PROVIDER },
  { email: 'ceo@demo.tandem.test', displayName: 'Chris Chief', role: 'ceo', organisation: 'MERIDIAN TRUST' },
  { email: 'trustee@demo.tandem.test', displayName: 'Taylor Trustee', role: 'trustee', organisation: 'MERIDIAN TRUST' },
];

interface TrustRow {
  'Group UID': string;
  'Group Name': string;
  'Companies House Number': string;
}

/**
 * Seeds a fresh instance once: a provider, the six sample trusts and the demo people.
 * Returns false, changing nothing, when the database already holds organisations.
 */
export async function seedDemoData(db: AppDb): Promise<boolean> {
  const [existing] = await db.select({ total: count() }).from(organisations);
  if ((existing?.total ?? 0) > 0) return false;

  const trusts = parse(readFileSync(trustsFile, 'utf8'), { columns: true, skip_empty_lines: true }) as TrustRow[];
  await db.transaction(async (tx) => {
    const inserted = await tx
      .insert(organisations)
      .values([
        { kind: 'provider' as const, name: DEMO_PROVIDER },
        ...trusts.map((trust) => ({
          kind: 'trust' as const,
          name: trust['Group Name'],
          groupUid: Number(trust['Group UID']),
          companiesHouseNumber: trust['Companies House Number'] || null,
        })),
      ])
      .returning({ id: organisations.id, name: organisations.name });
    const organisationId = new Map(inserted.map((row) => [row.name, row.id]));

    const insertedPeople = await tx
      .insert(people)
      .values(demoPeople.map(({ email, displayName }) => ({ email, displayName })))
      .returning({ id: people.id, email: people.email });
    const personId = new Map(insertedPeople.map((row) => [row.email, row.id]));

    await tx.insert(memberships).values(
      demoPeople.map((person) => ({
        personId: required(personId.get(person.email), person.email),
        organisationId: required(organisationId.get(person.organisation), person.organisation),
        role: person.role,
      })),
    );
  });
  return true;
}

function required<T>(value: T | undefined, name: string): T {
  if (value === undefined) throw new Error(`Demo data refers to ${name}, which was not created`);
  return value;
}
