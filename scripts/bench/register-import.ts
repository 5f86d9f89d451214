/**
 * The register import benchmark (issue 7): how long the whole GIAS import takes on PostgreSQL,
 * against a plain COPY of the same CSV files into bare tables of text columns, with a target of
 * at most 3× the COPY. Each run times, on a new database:
 *
 *   - COPY: each file streamed from Node into a table of one text column per CSV column;
 *   - first import: the register into an empty, migrated database (every row created);
 *   - second import: the same files again (every row unchanged, nothing written).
 *
 *   npx tsx scripts/bench/register-import.ts [--runs 3] [--data ../shared/data/gias] [--keep]
 *
 * The best of the runs is printed. BENCH_DATABASE_URL names the PostgreSQL server (see support.ts);
 * the databases are dropped at the end unless --keep is given.
 */
import { createReadStream, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { CsvParser, type CsvRecord } from '../../src/modules/organisations/gias/csv-parser.ts';
import {
  importGiasRegister,
  type FileReport,
  type GiasFileKind,
} from '../../src/modules/organisations/gias/gias-import.service.ts';
import { createBenchDatabase, numberOption } from './support.ts';

const TARGET_RATIO = 3;
const args = process.argv.slice(2);
const runs = numberOption(args, 'runs', 3);
const keep = args.includes('--keep');
const dataFolder = textOption(args, 'data') ?? fileURLToPath(new URL('../../../shared/data/gias/', import.meta.url));

/** In the order the import reads them: trusts first, so that schools can be linked to them. */
const files: Record<GiasFileKind, string> = {
  trusts: resolve(dataFolder, 'trusts.csv'),
  establishments: resolve(dataFolder, 'establishments.csv'),
  ofsted: resolve(dataFolder, 'ofsted_from_gias_20250115.csv'),
};
const kinds = Object.keys(files) as GiasFileKind[];

/** Seconds per file and in all, for one kind of measurement in one run. */
type Seconds = Record<GiasFileKind | 'total', number>;

function textOption(list: string[], name: string): string | undefined {
  const at = list.findIndex((arg) => arg === `--${name}` || arg.startsWith(`--${name}=`));
  if (at === -1) return undefined;
  return list[at]?.includes('=') ? list[at]?.slice(name.length + 3) : list[at + 1];
}

/** The number of columns in a CSV file's header, read with the importer's own parser. */
async function headerWidth(path: string): Promise<number> {
  let width: number | undefined;
  const parser = new CsvParser((header) => {
    width = header.length;
    return [];
  });
  const records: CsvRecord[] = [];
  for await (const chunk of createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 16 })) {
    parser.push(String(chunk), records);
    if (width !== undefined) return width;
  }
  throw new Error(`${path} has no header row`);
}

/** A COPY of the file from a Node stream into a new table of text columns; only the COPY is timed. */
async function timeCopy(url: string, kind: GiasFileKind): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const path = files[kind];
    const width = await headerWidth(path);
    const table = `bare_${kind}`;
    const columns = Array.from({ length: width }, (_, index) => `c${index + 1} text`);
    await client.query(`create table ${table} (${columns.join(', ')})`);
    const started = performance.now();
    await pipeline(
      createReadStream(path, { highWaterMark: 1 << 20 }),
      client.query(copyFrom(`copy ${table} from stdin with (format csv, header true)`)),
    );
    return (performance.now() - started) / 1000;
  } finally {
    await client.end();
  }
}

/** The import of all three files; each file's seconds as its report gives them, the total as seen from here. */
async function timeImport(db: Parameters<typeof importGiasRegister>[0]['db']) {
  const started = performance.now();
  const reports = await importGiasRegister({
    db,
    files: {
      trusts: { path: files.trusts },
      establishments: { path: files.establishments },
      ofsted: { path: files.ofsted },
    },
  });
  const seconds = { total: (performance.now() - started) / 1000 } as Seconds;
  for (const report of reports) seconds[report.kind] = report.milliseconds / 1000;
  return { seconds, reports };
}

const number = new Intl.NumberFormat('en-GB');
const counts = (report: FileReport) =>
  `${number.format(report.rows)} rows: ${number.format(report.created)} created, ${number.format(report.updated)} ` +
  `updated, ${number.format(report.unchanged)} unchanged, ${number.format(report.rejected)} rejected`;

/** A second import that wrote anything measures something else: say so rather than print its time. */
function assertUnchanged(reports: FileReport[]): void {
  const changed = reports.filter((report) => report.created + report.updated + report.rejected > 0);
  if (changed.length > 0) {
    throw new Error(`the second import was not a no-op: ${changed.map((r) => `${r.kind} ${counts(r)}`).join('; ')}`);
  }
}

const missing = Object.values(files).filter((path) => !existsSync(path));
if (missing.length > 0) {
  console.error(`No register file at ${missing.join(', ')}: give the folder with --data.`);
  process.exit(1);
}

const measured: Record<'copy' | 'first' | 'second', Seconds[]> = { copy: [], first: [], second: [] };
for (let run = 1; run <= runs; run += 1) {
  const bench = await createBenchDatabase('register');
  try {
    const copy = { total: 0 } as Seconds;
    for (const kind of kinds) {
      copy[kind] = await timeCopy(bench.url, kind);
      copy.total += copy[kind];
    }
    measured.copy.push(copy);
    const first = await timeImport(bench.database.db);
    measured.first.push(first.seconds);
    if (run === 1) for (const report of first.reports) console.log(`First import, ${report.kind}: ${counts(report)}`);
    const second = await timeImport(bench.database.db);
    assertUnchanged(second.reports);
    measured.second.push(second.seconds);
    console.log(
      `Run ${run} of ${runs} (${bench.name}): COPY ${copy.total.toFixed(2)} s, ` +
        `first import ${first.seconds.total.toFixed(2)} s, second import ${second.seconds.total.toFixed(2)} s`,
    );
  } finally {
    await bench.finish({ keep });
  }
}

const best = (which: keyof typeof measured, key: keyof Seconds) =>
  Math.min(...measured[which].map((seconds) => seconds[key]));
const cell = (value: number, width = 8) => value.toFixed(2).padStart(width);
const ratio = (value: number) => `${value.toFixed(1)}×`.padStart(7);

console.log(`\nBest of ${runs} run${runs > 1 ? 's' : ''}, seconds (ratio = import ÷ COPY):`);
console.log(
  `${'file'.padEnd(15)} ${'COPY'.padStart(8)} ${'1st import'.padStart(10)} ${'ratio'.padStart(7)} ` +
    `${'2nd import'.padStart(10)} ${'ratio'.padStart(7)}`,
);
for (const key of [...kinds, 'total'] as const) {
  const copy = best('copy', key);
  const first = best('first', key);
  const second = best('second', key);
  console.log(
    `${key.padEnd(15)} ${cell(copy)} ${cell(first, 10)} ${ratio(first / copy)} ${cell(second, 10)} ${ratio(second / copy)}`,
  );
}
const copyTotal = best('copy', 'total');
for (const which of ['first', 'second'] as const) {
  const total = best(which, 'total') / copyTotal;
  const verdict = total <= TARGET_RATIO ? 'meets' : 'MISSES';
  console.log(`The ${which} import takes ${total.toFixed(2)}× the COPY: it ${verdict} the ≤ ${TARGET_RATIO}× target.`);
}
