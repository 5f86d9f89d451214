/**
 * The same pages on the embedded database (PGlite, the default), with the demo data and a closed
 * review and plan of the demo trust: the target is p99 < 150 ms for every page, under the same
 * load as on PostgreSQL. PGlite answers one query at a time, inside the app's own process.
 *
 *   npm run bench -- [--seconds 10] [--warm-up 3] [--connections 50]
 */
import { loadAll, printLoadTable, startBenchServer } from './load.ts';
import { numberOption } from './support.ts';

const args = process.argv.slice(2);
const options = {
  connections: numberOption(args, 'connections', 50),
  seconds: numberOption(args, 'seconds', 10),
  warmUpSeconds: numberOption(args, 'warm-up', 3),
};

console.log(
  `Pages on the embedded database with the demo data: ${options.connections} connections, ${options.seconds} s a page after ${options.warmUpSeconds} s to warm up.`,
);
const server = await startBenchServer(['pglite']);
try {
  printLoadTable(await loadAll(server, options), {});
} finally {
  await server.stop();
}
