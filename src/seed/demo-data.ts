import { count, inArray, sql } from 'drizzle-orm';
import type { AppDb } from '../platform/db/database.ts';
import { seal } from '../platform/crypto/secret-box.ts';
import { hashPassword } from '../modules/people/index.ts';
import { importGiasRegister } from '../modules/organisations/gias/gias-import.service.ts';
import { organisations } from '../modules/organisations/organisations.tables.ts';
import { memberships, people } from '../modules/people/people.tables.ts';
import type { Role } from '../modules/people/roles.ts';
import { seedDemoMentoring } from './demo-mentoring.ts';
import { projectPath } from '../platform/project-path.ts';

/** The DfE register's six sample trusts and their open schools, shipped with their attribution. */
const sampleFile = (name: string) => ({
  path: projectPath('fixtures', 'gias-sample', name),
});

export const DEMO_PROVIDER = 'Northern Lights Leadership Network';

/**
 * Demo sign-ins, printed at start-up and listed in the README. Never used outside demo data:
 * production does not seed (SEED_DEMO_DATA defaults to false there).
 */
export const DEMO_PASSWORD = 'tandem demo passphrase';
/** The demo accounts that must use two-factor authentication share this authenticator key. */
export const DEMO_TOTP_SECRET = 'KRAW4RCFJVHUIRCFJVHUIRCFJVHUIRCF';
/** Any 64-bit number fixed for the demo seed (the migrations hold another). */
const DEMO_SEED_LOCK_ID = 7_245_020_262;
const ROLES_WITH_SECOND_FACTOR: Role[] = ['platform_administrator', 'programme_manager', 'mentor'];

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
  { email: 'chair@demo.tandem.test', displayName: 'Charlie Chair', role: 'chair', organisation: 'MERIDIAN TRUST' },
  { email: 'member@demo.tandem.test', displayName: 'Max Member', role: 'member', organisation: 'MERIDIAN TRUST' },
  {
    email: 'governance@demo.tandem.test',
    displayName: 'Gina Governance',
    role: 'governance_professional',
    organisation: 'MERIDIAN TRUST',
  },
  {
    email: 'executive@demo.tandem.test',
    displayName: 'Eden Executive',
    role: 'executive',
    organisation: 'MERIDIAN TRUST',
  },
  {
    email: 'senior@demo.tandem.test',
    displayName: 'Sam Senior',
    role: 'senior_leader',
    organisation: 'MERIDIAN TRUST',
  },
  {
    email: 'middle@demo.tandem.test',
    displayName: 'Mo Middle',
    role: 'middle_leader',
    organisation: 'MERIDIAN TRUST',
  },
  {
    email: 'school@demo.tandem.test',
    displayName: 'Sasha Head',
    role: 'school_leader',
    organisation: 'Sharnbrook Academy',
  },
];

/**
 * Seeds a fresh instance once: a provider, the six sample trusts with their schools and Ofsted
 * ratings (through the register importer, as a real instance would get them), the demo people, and
 * the provider's mentoring (demo-mentoring.ts).
 * Returns false, changing nothing, when the database already holds organisations.
 */
export async function seedDemoData(db: AppDb, { mfaKey }: { mfaKey: Buffer }): Promise<boolean> {
  const [existing] = await db.select({ total: count() }).from(organisations);
  if ((existing?.total ?? 0) > 0) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const now = new Date();

  return db.transaction(async (tx) => {
    // Instances started together on an empty database take turns here; without it the second
    // one's inserts collide with the first's and it fails to start. The one that waited looks again.
    await tx.execute(sql`select pg_advisory_xact_lock(${DEMO_SEED_LOCK_ID})`);
    const [seeded] = await tx.select({ total: count() }).from(organisations);
    if ((seeded?.total ?? 0) > 0) return false;
    await tx.insert(organisations).values({ kind: 'provider', name: DEMO_PROVIDER });
    const reports = await importGiasRegister({
      db: tx,
      files: {
        trusts: sampleFile('trusts.csv'),
        establishments: sampleFile('establishments.csv'),
        ofsted: sampleFile('ofsted_from_gias_20250115.csv'),
      },
    });
    // The sample ships with the code: a row it cannot import is a defect, not data to skip.
    const refused = reports.flatMap((report) => [...report.rejections, ...report.warnings]);
    if (refused.length > 0) {
      throw new Error(
        `The demo register sample did not import cleanly: line ${refused[0]?.line}: ${refused[0]?.reason}`,
      );
    }
    const homes = await tx
      .select({ id: organisations.id, name: organisations.name })
      .from(organisations)
      .where(inArray(organisations.name, [...new Set(demoPeople.map((person) => person.organisation))]));
    const organisationId = new Map(homes.map((row) => [row.name, row.id]));

    const insertedPeople = await tx
      .insert(people)
      .values(
        demoPeople.map(({ email, displayName, role }) => ({
          email,
          displayName,
          passwordHash,
          passwordChangedAt: now,
          ...(ROLES_WITH_SECOND_FACTOR.includes(role)
            ? { mfaSecret: seal(DEMO_TOTP_SECRET, mfaKey), mfaEnabledAt: now }
            : {}),
        })),
      )
      .returning({ id: people.id, email: people.email });
    const personId = new Map(insertedPeople.map((row) => [row.email, row.id]));

    await tx.insert(memberships).values(
      demoPeople.map((person) => ({
        personId: required(personId.get(person.email), person.email),
        organisationId: required(organisationId.get(person.organisation), person.organisation),
        role: person.role,
      })),
    );
    await seedDemoMentoring(tx, {
      providerId: required(organisationId.get(DEMO_PROVIDER), DEMO_PROVIDER),
      trustId: required(organisationId.get('MERIDIAN TRUST'), 'MERIDIAN TRUST'),
      mentorId: required(personId.get('mentor@demo.tandem.test'), 'the demo mentor'),
      menteeId: required(personId.get('ceo@demo.tandem.test'), 'the demo chief executive'),
    });
    return true;
  });
}

function required<T>(value: T | undefined, name: string): T {
  if (value === undefined) throw new Error(`Demo data refers to ${name}, which was not created`);
  return value;
}
