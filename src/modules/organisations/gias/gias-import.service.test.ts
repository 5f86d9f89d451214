import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import { createTestDatabase } from '../../../../test/support/database.ts';
import type { Database } from '../../../platform/db/database.ts';
import { organisations } from '../organisations.tables.ts';
import { importGiasRegister, type CsvSource, type FileReport, type GiasFiles } from './gias-import.service.ts';

const sample = (name: string): CsvSource => ({
  path: fileURLToPath(new URL(`../../../../fixtures/gias-sample/${name}`, import.meta.url)),
});
const sampleFiles: GiasFiles = {
  trusts: sample('trusts.csv'),
  establishments: sample('establishments.csv'),
  ofsted: sample('ofsted_from_gias_20250115.csv'),
};
const csv = (name: string, ...lines: string[]): CsvSource => ({ name, bytes: Buffer.from(lines.join('\n') + '\n') });

const ESTABLISHMENTS_HEADER =
  'URN,EstablishmentName,TypeOfEstablishment (name),EstablishmentStatus (name),PhaseOfEducation (name),' +
  'LA (name),GOR (name),Town,Postcode,NumberOfPupils,Trusts (code)';
const TRUSTS_HEADER = 'Group UID,Group Name,Group Type,Companies House Number,Group Town,Group Postcode';
const OFSTED_HEADER = 'URN,EstablishmentName,EstablishmentStatus (name),OfstedRating (name),OfstedLastInsp';

const counts = (report: FileReport | undefined) =>
  report && {
    rows: report.rows,
    created: report.created,
    updated: report.updated,
    unchanged: report.unchanged,
    rejected: report.rejected,
  };

let database: Database;
before(async () => {
  database = await createTestDatabase();
});
after(() => database.close());

/** Each test starts from an empty organisations table (the database is shared by this file). */
async function emptied(): Promise<Database['db']> {
  await database.db.execute(sql`delete from organisations`);
  return database.db;
}

async function school(urn: number) {
  const [row] = await database.db.select().from(organisations).where(eq(organisations.urn, urn));
  return row;
}

test('the sample imports its trusts, their schools linked by group UID, and Ofsted ratings', async () => {
  const db = await emptied();
  const [trusts, establishments, ofsted] = await importGiasRegister({ db, files: sampleFiles, batchSize: 50 });
  assert.deepEqual(counts(trusts), { rows: 6, created: 6, updated: 0, unchanged: 0, rejected: 0 });
  assert.deepEqual(counts(establishments), { rows: 139, created: 139, updated: 0, unchanged: 0, rejected: 0 });
  assert.deepEqual(counts(ofsted), { rows: 115, created: 0, updated: 115, unchanged: 0, rejected: 0 });

  const [ult] = await db.select().from(organisations).where(eq(organisations.groupUid, 5143));
  assert.equal(ult?.name, 'UNITED LEARNING TRUST');
  assert.equal(ult?.trustType, 'multi_academy');
  const ultSchools = await db
    .select({ urn: organisations.urn })
    .from(organisations)
    .where(and(eq(organisations.kind, 'school'), eq(organisations.trustId, ult?.id ?? '')));
  assert.equal(ultSchools.length, 92, 'United Learning has 92 open schools in the sample');

  const paddington = await school(130912);
  assert.equal(paddington?.trustId, ult?.id);
  assert.deepEqual(
    {
      name: paddington?.name,
      phase: paddington?.phase,
      establishmentType: paddington?.establishmentType,
      status: paddington?.status,
      localAuthority: paddington?.localAuthority,
      region: paddington?.region,
      town: paddington?.town,
      postcode: paddington?.postcode,
      pupilCount: paddington?.pupilCount,
      ofstedRating: paddington?.ofstedRating,
      ofstedInspectionDate: paddington?.ofstedInspectionDate,
    },
    {
      name: 'Paddington Academy',
      phase: 'Secondary',
      establishmentType: 'Academy sponsor led',
      status: 'open',
      localAuthority: 'Westminster',
      region: 'London',
      town: 'London',
      postcode: 'W9 2DR',
      pupilCount: 1259,
      ofstedRating: 'Outstanding',
      ofstedInspectionDate: '2023-03-13',
    },
  );
});

test('a second run reports everything unchanged and writes nothing', async () => {
  const db = await emptied();
  await importGiasRegister({ db, files: sampleFiles });
  const stamps = async () =>
    db
      .select({ id: organisations.id, updatedAt: organisations.updatedAt, version: organisations.version })
      .from(organisations)
      .orderBy(organisations.id);
  const before = await stamps();
  const reports = await importGiasRegister({ db, files: sampleFiles, batchSize: 40 });
  assert.deepEqual(reports.map(counts), [
    { rows: 6, created: 0, updated: 0, unchanged: 6, rejected: 0 },
    { rows: 139, created: 0, updated: 0, unchanged: 139, rejected: 0 },
    { rows: 115, created: 0, updated: 0, unchanged: 115, rejected: 0 },
  ]);
  assert.deepEqual(await stamps(), before, 'no row was touched');
});

test('a changed name counts as updated, and only that school is written', async () => {
  const db = await emptied();
  await importGiasRegister({ db, files: sampleFiles });
  const before = await school(131749);
  const renamed = csv(
    'establishments.csv',
    ESTABLISHMENTS_HEADER,
    '131749,Barnsley Academy of Learning,Academy sponsor led,Open,Secondary,Barnsley,Yorkshire and the Humber,Barnsley,S70 3DL,915,5143',
    '130912,Paddington Academy,Academy sponsor led,Open,Secondary,Westminster,London,London,W9 2DR,1259,5143',
  );
  const [report] = await importGiasRegister({ db, files: { establishments: renamed } });
  assert.deepEqual(counts(report), { rows: 2, created: 0, updated: 1, unchanged: 1, rejected: 0 });
  const after = await school(131749);
  assert.equal(after?.name, 'Barnsley Academy of Learning');
  assert.equal(after?.version, (before?.version ?? 0) + 1);
  assert.ok((after?.updatedAt.getTime() ?? 0) > (before?.updatedAt.getTime() ?? Infinity));
  assert.equal(after?.ofstedRating, before?.ofstedRating, 'an establishments file leaves Ofsted alone');
  assert.equal(after?.trustId, before?.trustId);
});

test('malformed rows are rejected with their line numbers while the rest import, and none is half-written', async () => {
  const db = await emptied();
  const [trusts, establishments] = await importGiasRegister({
    db,
    batchSize: 2,
    files: {
      trusts: csv('trusts.csv', TRUSTS_HEADER, '9001,FIRST TRUST,Multi-academy trust,01234567,Leeds,LS1 1AA'),
      establishments: csv(
        'establishments.csv',
        ESTABLISHMENTS_HEADER,
        '100001,Alpha School,Community school,Open,Primary,Leeds,Yorkshire and the Humber,Leeds,LS1 1AA,210,9001',
        'abc,Bravo School,Community school,Open,Primary,Leeds,Yorkshire and the Humber,Leeds,LS1 1AB,200,',
        '100003,"Charlie School, Upper",Community school,Open,Primary,Leeds,Yorkshire and the Humber,Leeds,LS1 1AC,lots,',
        '',
        '100004,Delta School,Community school,Open,Primary,Leeds',
        '100005,"Echo School, Lower",Academy converter,Proposed to open,Primary,Leeds,Yorkshire and the Humber,Leeds,LS1 1AD,,9001',
        '100001,Alpha Again,Community school,Open,Primary,Leeds,Yorkshire and the Humber,Leeds,LS1 1AA,210,9001',
        '100006,Foxtrot School,Community school,Shut,Primary,Leeds,Yorkshire and the Humber,Leeds,LS1 1AE,1,',
      ),
    },
  });
  assert.deepEqual(counts(trusts), { rows: 1, created: 1, updated: 0, unchanged: 0, rejected: 0 });
  assert.deepEqual(counts(establishments), { rows: 7, created: 2, updated: 0, unchanged: 0, rejected: 5 });
  assert.deepEqual(
    establishments?.rejections.map((rejection) => `line ${rejection.line}: ${rejection.reason}`),
    [
      'line 3: URN "abc" is not a number',
      'line 4: NumberOfPupils "lots" is not a number',
      'line 6: the row has 6 fields where the header has 11',
      'line 8: URN 100001 is already on line 2',
      'line 9: EstablishmentStatus (name) "Shut" is not Open, Closed, Proposed to open or Open, but proposed to close',
    ],
  );
  const names = await db.select({ name: organisations.name }).from(organisations).orderBy(organisations.name);
  assert.deepEqual(
    names.map((row) => row.name),
    ['Alpha School', 'Echo School, Lower', 'FIRST TRUST'],
  );
  assert.equal((await school(100005))?.status, 'proposed_to_open');
});

test('a school whose trust is not in the register is imported without it, with a warning', async () => {
  const db = await emptied();
  const [report] = await importGiasRegister({
    db,
    files: {
      establishments: csv(
        'establishments.csv',
        ESTABLISHMENTS_HEADER,
        '100010,Golf School,Academy converter,Open,Primary,Leeds,Yorkshire and the Humber,Leeds,LS2 1AA,90,424242',
      ),
    },
  });
  assert.deepEqual(counts(report), { rows: 1, created: 1, updated: 0, unchanged: 0, rejected: 0 });
  assert.deepEqual(report?.warnings, [
    {
      line: 2,
      reason: 'Trusts (code) 424242 is not a trust in the register; the school is imported without its trust',
    },
  ]);
  assert.equal((await school(100010))?.trustId, null);
});

test('Ofsted rows apply by URN, change only what differs, and refuse a URN that is not a school', async () => {
  const db = await emptied();
  await importGiasRegister({ db, files: sampleFiles });
  const [report] = await importGiasRegister({
    db,
    files: {
      ofsted: csv(
        'ofsted.csv',
        OFSTED_HEADER,
        '130912,Paddington Academy,Open,Outstanding,13-03-2023',
        '131749,Barnsley Academy,Open,Requires improvement,01-10-2024',
        '999999,Nowhere School,Closed,Good,01-01-2020',
        '131749,Barnsley Academy,Open,Good,32-01-2020',
      ),
    },
  });
  assert.deepEqual(counts(report), { rows: 4, created: 0, updated: 1, unchanged: 1, rejected: 2 });
  assert.deepEqual(report?.rejections, [
    { line: 4, reason: 'URN 999999 is not a school in the register' },
    { line: 5, reason: 'OfstedLastInsp "32-01-2020" is not a date (dd-mm-yyyy)' },
  ]);
  const barnsley = await school(131749);
  assert.equal(barnsley?.ofstedRating, 'Requires improvement');
  assert.equal(barnsley?.ofstedInspectionDate, '2024-10-01');
});

test('a Windows-1252 file imports with its curly apostrophes and accents intact', async () => {
  const db = await emptied();
  const row = Buffer.concat([
    Buffer.from(`${ESTABLISHMENTS_HEADER}\r\n100020,St Mary`),
    Buffer.from([0x92]),
    Buffer.from('s Caf'),
    Buffer.from([0xe9]),
    Buffer.from(' School,Voluntary aided school,Open,Primary,York,Yorkshire and the Humber,York,YO1 1AA,120,\r\n'),
  ]);
  const [report] = await importGiasRegister({ db, files: { establishments: { name: 'cp1252.csv', bytes: row } } });
  assert.deepEqual(counts(report), { rows: 1, created: 1, updated: 0, unchanged: 0, rejected: 0 });
  assert.equal((await school(100020))?.name, 'St Mary’s Café School');
});

test('a school that leaves its trust loses the link; a trust renamed is updated in place', async () => {
  const db = await emptied();
  await importGiasRegister({ db, files: sampleFiles });
  const [trusts, establishments] = await importGiasRegister({
    db,
    files: {
      trusts: csv(
        'trusts.csv',
        TRUSTS_HEADER,
        '2044,ABBEY ACADEMIES TRUST LIMITED,Multi-academy trust,7318714,Bourne,PE10 9EP',
      ),
      establishments: csv(
        'establishments.csv',
        ESTABLISHMENTS_HEADER,
        '131749,Barnsley Academy,Academy sponsor led,Open,Secondary,Barnsley,Yorkshire and the Humber,Barnsley,S70 3DL,915,',
      ),
    },
  });
  assert.deepEqual(counts(trusts), { rows: 1, created: 0, updated: 1, unchanged: 0, rejected: 0 });
  assert.deepEqual(counts(establishments), { rows: 1, created: 0, updated: 1, unchanged: 0, rejected: 0 });
  assert.equal((await school(131749))?.trustId, null);
  const [abbey] = await db.select().from(organisations).where(eq(organisations.groupUid, 2044));
  assert.equal(abbey?.name, 'ABBEY ACADEMIES TRUST LIMITED');
  assert.equal(abbey?.companiesHouseNumber, '07318714');
});
