/**
 * The pages at England scale on PostgreSQL (issue 7): the database `npm run seed:scale` made
 * (SCALE_DATABASE_URL, default tandem_scale), 50 connections of signed-in load on each page,
 * against targets of p99 < 50 ms and ≥ 800 req/s (the provider dashboard and the benchmark
 * aggregate: p99 < 100 ms), and a server RSS under 300 MB.
 *
 *   npm run bench -- [--seconds 10] [--warm-up 3] [--connections 50]
 */
import { scaleDatabaseExists, scaleDatabaseUrl } from '../scale/scale-database.ts';
import { loadAll, printLoadTable, startBenchServer } from './load.ts';
import { numberOption } from './support.ts';

const args = process.argv.slice(2);
const options = {
  connections: numberOption(args, 'connections', 50),
  seconds: numberOption(args, 'seconds', 10),
  warmUpSeconds: numberOption(args, 'warm-up', 3),
};

if (!(await scaleDatabaseExists(scaleDatabaseUrl))) {
  console.error(
    `No scale database at ${scaleDatabaseUrl}: run "npm run seed:scale -- ../shared/data/gias" first (about a minute).`,
  );
  process.exit(1);
}
console.log(
  `Pages at England scale on PostgreSQL: ${options.connections} connection${options.connections === 1 ? '' : 's'}, ${options.seconds} s a page after ${options.warmUpSeconds} s to warm up.`,
);
const server = await startBenchServer(['postgres', scaleDatabaseUrl]);
try {
  printLoadTable(await loadAll(server, options), { minimumRps: 800, rssTargetMiB: 300 });
} finally {
  await server.stop();
}
