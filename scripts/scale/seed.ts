/**
 * England-scale data: the whole register imported as the operator imports it, then activity on
 * top, made by set-based SQL (each table filled by one `insert … select`), so that hundreds of
 * thousands of rows take seconds each rather than a request each.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { installBuiltinFrameworks } from '../../src/modules/frameworks/frameworks.service.ts';
import type { FrameworkDocument } from '../../src/modules/frameworks/index.ts';
import { importGiasRegister, type GiasFiles } from '../../src/modules/organisations/gias/gias-import.service.ts';
import { createNoteCipher } from '../../src/platform/crypto/note-cipher.ts';
import { openDatabase } from '../../src/platform/db/database.ts';
import { seedAudit } from './audit.ts';
import { seedPartnerships } from './partnerships.ts';
import { seedPeople } from './people.ts';
import { seedPlans } from './plans.ts';
import { seedReviews, type FrameworkShape } from './reviews.ts';

export interface ScaleOptions {
  url: string;
  /** A folder holding the register's establishments.csv and trusts.csv (and the Ofsted file, if any). */
  folder: string;
  /** Any text: the same seed over the same register makes the same rows. */
  seed: string;
  people: number;
  partnerships: number;
  encryptionKey: Buffer;
  log: (line: string) => void;
}

const OFSTED_FILE = 'ofsted_from_gias_20250115.csv';

export function registerFiles(folder: string): GiasFiles {
  const path = (name: string) => join(folder, name);
  const missing = ['establishments.csv', 'trusts.csv'].filter((name) => !existsSync(path(name)));
  if (missing.length > 0) throw new Error(`${folder} has no ${missing.join(' or ')}: give the register's folder`);
  return {
    trusts: { path: path('trusts.csv') },
    establishments: { path: path('establishments.csv') },
    ...(existsSync(path(OFSTED_FILE)) ? { ofsted: { path: path(OFSTED_FILE) } } : {}),
  };
}

export async function seedScale(options: ScaleOptions): Promise<void> {
  const { url, log } = options;
  const files = registerFiles(options.folder);
  const database = await openDatabase({ kind: 'postgres', url });
  let framework: FrameworkShape;
  try {
    await timed(log, 'migrated', () => database.migrate());
    await installBuiltinFrameworks({ db: database.db });
    await timed(log, 'imported the register', () => importGiasRegister({ db: database.db, files }));
  } finally {
    await database.close();
  }

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    framework = await frameworkShape(client);
    const { seed } = options;
    await client.query('begin');
    await timed(log, `made ${options.people.toLocaleString('en-GB')} people`, () =>
      seedPeople(client, seed, { people: options.people }),
    );
    await timed(log, 'made a closed review for every trust', () => seedReviews(client, seed, framework));
    await timed(log, 'made a plan for every trust', () => seedPlans(client, seed, framework));
    const cipher = createNoteCipher([options.encryptionKey]);
    await timed(log, `made ${options.partnerships.toLocaleString('en-GB')} partnerships`, () =>
      seedPartnerships(client, seed, { partnerships: options.partnerships, cipher }),
    );
    await timed(log, 'wrote the audit log', () => seedAudit(client, seed));
    await client.query('commit');
    // Fresh statistics and visibility maps (for index-only scans), as autovacuum would make soon after.
    await timed(log, 'vacuumed and analysed', () => client.query('vacuum analyze'));
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

async function timed<T>(log: (line: string) => void, done: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await work();
  log(`  ${done} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return result;
}

/** The published trust development framework's keys, names and levels, as the seed needs them. */
async function frameworkShape(client: pg.Client): Promise<FrameworkShape> {
  const found = await client.query<{ id: string; document: FrameworkDocument }>(
    `select v.id, v.document from framework_versions v join frameworks f on f.id = v.framework_id
     where f.key = 'trust-development' and v.status = 'published' order by v.number limit 1`,
  );
  const row = found.rows[0];
  if (!row) throw new Error('The trust development framework is not installed');
  const elements = row.document.headings.flatMap((heading) =>
    heading.elements.map((element) => ({ ...element, heading: heading.key })),
  );
  return {
    versionId: row.id,
    headingKeys: row.document.headings.map((heading) => heading.key),
    elementKeys: elements.map((element) => element.key),
    elementNames: elements.map((element) => element.name),
    elementHeadings: elements.map((element) => element.heading),
    levelKeys: row.document.scale.levels.map((level) => level.key),
  };
}
