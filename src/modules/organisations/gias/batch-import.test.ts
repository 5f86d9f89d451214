import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { createTestDatabase } from '../../../../test/support/database.ts';
import type { Database } from '../../../platform/db/database.ts';
import { organisations, type OrganisationKind } from '../organisations.tables.ts';
import { importFile, type FilePlan } from './batch-import.ts';
import type { CsvSource } from './csv-reader.ts';

interface Row {
  key: number;
  kind: string;
  name: string;
}

const csv = (...lines: string[]): CsvSource => ({ name: 'rows.csv', bytes: Buffer.from(lines.join('\n') + '\n') });

/** A plan that inserts each row as an organisation of the kind it names: a bad kind breaks a CHECK. */
function insertingPlan(source: CsvSource, write?: FilePlan<Row, Row>['write']): FilePlan<Row, Row> {
  return {
    kind: 'trusts',
    source,
    columns: ['key', 'kind', 'name'],
    validate: (fields) => ({
      ok: true,
      record: { key: Number(fields.key), kind: fields.kind ?? '', name: fields.name ?? '' },
    }),
    key: (row) => row.key,
    keyName: 'key',
    prepare: ({ record }) => ({ write: record }),
    write:
      write ??
      (async (tx, batch) => {
        const inserted = await tx
          .insert(organisations)
          .values(batch.map(({ record }) => ({ kind: record.kind as OrganisationKind, name: record.name })))
          .returning({ id: organisations.id });
        return { created: inserted.length, updated: 0, rejections: [] };
      }),
  };
}

let database: Database;
before(async () => {
  database = await createTestDatabase();
});
after(() => database.close());

test('a batch the database refuses is retried row by row, so only the refused row is rejected', async () => {
  const { db } = database;
  await db.execute(sql`delete from organisations`);
  const source = csv('key,kind,name', '1,trust,One', '2,nonsense,Two', '3,trust,Three', '4,school,Four');
  const report = await importFile(db, insertingPlan(source), { batchSize: 3 });
  assert.deepEqual(
    { created: report.created, unchanged: report.unchanged, rejected: report.rejected },
    { created: 3, unchanged: 0, rejected: 1 },
  );
  assert.equal(report.rejections[0]?.line, 3);
  assert.match(report.rejections[0]?.reason ?? '', /^the database refused the row \(.*organisations_kind_check/);
  const names = await db.select({ name: organisations.name }).from(organisations).orderBy(organisations.name);
  assert.deepEqual(
    names.map((row) => row.name),
    ['Four', 'One', 'Three'],
    'the failed batch left nothing behind before its rows were retried',
  );
  const [two] = await db.select().from(organisations).where(eq(organisations.name, 'Two'));
  assert.equal(two, undefined);
});

test('a failure that is not about the data stops the import instead of rejecting every row', async () => {
  const source = csv('key,kind,name', '1,trust,One', '2,trust,Two', '3,trust,Three');
  const plan = insertingPlan(source, async () => {
    throw new Error('Connection terminated unexpectedly');
  });
  await assert.rejects(importFile(database.db, plan, { batchSize: 2 }), /Connection terminated unexpectedly/);
});

test('progress is reported after each batch, and every row is counted once', async () => {
  await database.db.execute(sql`delete from organisations`);
  const lines = Array.from({ length: 25 }, (_, index) => `${index + 1},group,Group ${index + 1}`);
  const seen: number[] = [];
  const report = await importFile(database.db, insertingPlan(csv('key,kind,name', ...lines)), {
    batchSize: 10,
    onProgress: (progress) => seen.push(progress.created),
  });
  assert.deepEqual(seen, [10, 20, 25]);
  assert.equal(report.rows, 25);
  assert.equal(report.created + report.updated + report.unchanged + report.rejected, report.rows);
});

test('a refused batch is halved until the refused row is found: a few writes, not one per row', async () => {
  await database.db.execute(sql`delete from organisations`);
  const lines = Array.from(
    { length: 16 },
    (_, index) => `${index + 1},${index === 10 ? 'nonsense' : 'group'},G${index}`,
  );
  let writes = 0;
  const plan = insertingPlan(csv('key,kind,name', ...lines));
  const write = plan.write;
  const report = await importFile(
    database.db,
    {
      ...plan,
      write: (db, batch) => {
        writes += 1;
        return write(db, batch);
      },
    },
    { batchSize: 16 },
  );
  assert.deepEqual(
    { created: report.created, rejected: report.rejections.map((rejection) => rejection.line) },
    { created: 15, rejected: [12] },
  );
  assert.equal(writes, 9, 'the batch, then two halves at each of four levels');
});

test('rows that need no write are counted unchanged, batch by batch, without a write', async () => {
  const lines = Array.from({ length: 25 }, (_, index) => `${index + 1},group,Group ${index + 1}`);
  const seen: number[] = [];
  const report = await importFile(
    database.db,
    {
      ...insertingPlan(csv('key,kind,name', ...lines), async () => assert.fail('nothing should be written')),
      prepare: () => ({ unchanged: true }),
    },
    { batchSize: 10, onProgress: (progress) => seen.push(progress.unchanged) },
  );
  assert.deepEqual(seen, [10, 20, 25]);
  assert.deepEqual({ rows: report.rows, unchanged: report.unchanged }, { rows: 25, unchanged: 25 });
});
