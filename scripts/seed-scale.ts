/**
 * `npm run seed:scale -- <register folder> [--seed text] [--people 60000] [--partnerships 3000] [--replace]`
 *
 * Fills a PostgreSQL database of its own (SCALE_DATABASE_URL, default tandem_scale on the local
 * server) with the whole register and England-scale activity on top, then prints what it made and
 * how long it took. `npm run bench` measures the app against it. It refuses a database that is
 * already seeded unless --replace is given, which drops it and starts again.
 */
import { loadConfig } from '../src/config.ts';
import { numberOption } from './bench/support.ts';
import {
  countScaleRows,
  createScaleDatabase,
  databaseNameOf,
  scaleDatabaseExists,
  scaleDatabaseUrl,
} from './scale/scale-database.ts';
import { registerFiles, seedScale } from './scale/seed.ts';
import pg from 'pg';

const usage =
  'npm run seed:scale -- <register folder> [--seed text] [--people 60000] [--partnerships 3000] [--replace]';
const args = process.argv.slice(2);
const folder = args[0];
if (folder === undefined || folder.startsWith('--')) {
  console.error(
    `Usage: ${usage}\nThe register folder holds establishments.csv and trusts.csv, e.g. ../shared/data/gias`,
  );
  process.exit(2);
}
const seedAt = args.indexOf('--seed');
const seed = seedAt === -1 ? 'tandem' : (args[seedAt + 1] ?? '');
const replace = args.includes('--replace');
let people: number;
let partnerships: number;
try {
  registerFiles(folder);
  if (seed === '' || seed.startsWith('--')) throw new Error('--seed takes some text, e.g. --seed 2026');
  people = numberOption(args, 'people', 60_000);
  partnerships = numberOption(args, 'partnerships', 3_000);
} catch (error) {
  console.error(`${(error as Error).message}\nUsage: ${usage}`);
  process.exit(2);
}

const url = scaleDatabaseUrl;
const name = databaseNameOf(url);
if ((await scaleDatabaseExists(url)) && !replace) {
  console.error(`The database ${name} already exists. Give --replace to drop it and seed it again.`);
  process.exit(1);
}
const started = performance.now();
console.log(`Seeding ${name} from ${folder} with the seed "${seed}"…`);
await createScaleDatabase(url, { replace });
await seedScale({
  url,
  folder,
  seed,
  people,
  partnerships,
  encryptionKey: loadConfig().encryptionKey,
  log: (line) => console.log(line),
});
const client = new pg.Client({ connectionString: url });
await client.connect();
try {
  for (const [label, count] of await countScaleRows(client)) {
    console.log(`${label.padEnd(14)} ${count.toLocaleString('en-GB').padStart(10)}`);
  }
} finally {
  await client.end();
}
console.log(`Seeded in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
