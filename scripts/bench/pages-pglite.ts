/**
 * The same pages on the embedded database (PGlite, the default), with the demo data and a closed
 * review and plan of the demo trust, against a target of p99 < 150 ms for every page. PGlite
 * answers one query at a time inside the app's own process, so it is measured as it is used (one
 * person at a time: a trial, a demonstration, a small provider) and then with ten at once.
 *
 *   npm run bench -- [--seconds 10] [--warm-up 3]
 */
import { loadAll, printLoadTable, startBenchServer } from './load.ts';
import { numberOption } from './support.ts';

const args = process.argv.slice(2);
const seconds = numberOption(args, 'seconds', 10);
const warmUpSeconds = numberOption(args, 'warm-up', 3);

const server = await startBenchServer(['pglite']);
try {
  for (const connections of [1, 10]) {
    console.log(
      `\nPages on the embedded database with the demo data: ${connections} connection${connections === 1 ? '' : 's'}, ${seconds} s a page after ${warmUpSeconds} s to warm up.`,
    );
    printLoadTable(await loadAll(server, { connections, seconds, warmUpSeconds }), {});
  }
} finally {
  await server.stop();
}
