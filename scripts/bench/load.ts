/**
 * Load benchmarks: start the server process (serve.ts), put each page under autocannon's load
 * with signed-in sessions, sample the server's resident memory meanwhile, and print per page
 * req/s, p50, p99 and req/s as a ratio of the bare reference route measured in the same run.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { buildServer } from '../build-server.ts';
import type { BenchPage } from './bench-pages.ts';
import type { Served } from './serve.ts';

export interface LoadOptions {
  connections: number;
  /** Seconds of measured load per page, after `warmUpSeconds` unmeasured. */
  seconds: number;
  warmUpSeconds: number;
}

export interface LoadResult {
  label: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  /** Responses other than 200, and connection errors: any at all makes the row worthless. */
  failures: number;
  p99TargetMs?: number;
}

export interface BenchServer {
  served: Served;
  /** The server's resident set size now, in MiB. */
  rssMiB(): number;
  stop(): Promise<void>;
}

const benchBuild = fileURLToPath(new URL('../../dist/bench/', import.meta.url));

/**
 * Compiles serve.ts, with the app, as `npm run build` compiles the server, then starts it with
 * `args` and waits for the line that says where it listens: the app is measured as deployed,
 * without tsx's compiler in the process.
 */
export async function startBenchServer(args: string[]): Promise<BenchServer> {
  await buildServer({ entries: { serve: 'scripts/bench/serve.ts' }, outdir: benchBuild });
  const child = spawn(process.execPath, ['--enable-source-maps', `${benchBuild}serve.js`, ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const output = child.stdout;
  if (!output) throw new Error('the bench server has no output to read');
  const served = await new Promise<Served>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the bench server stopped before listening (exit code ${code})`)));
    createInterface({ input: output }).once('line', (line) => resolve(JSON.parse(line) as Served));
  });
  return { served, rssMiB: () => residentMiB(child), stop: () => stopChild(child) };
}

function residentMiB(child: ChildProcess): number {
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  const kib = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
  return kib / 1024;
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

async function runAutocannon(url: string, cookie: string | undefined, connections: number, seconds: number) {
  return autocannon({ url, connections, duration: seconds, headers: cookie ? { cookie } : {} });
}

/** Loads one URL: a warm-up (JIT, plan and connection caches), then the measured run. */
export async function loadPage(
  label: string,
  url: string,
  cookie: string | undefined,
  { connections, seconds, warmUpSeconds }: LoadOptions,
): Promise<LoadResult> {
  await runAutocannon(url, cookie, connections, warmUpSeconds);
  const result = await runAutocannon(url, cookie, connections, seconds);
  return {
    label,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    failures: result.non2xx + result.errors,
  };
}

/** The reference first, then every page; the peak RSS is sampled every 100 ms throughout. */
export async function loadAll(
  server: BenchServer,
  options: LoadOptions,
): Promise<{ reference: LoadResult; pages: LoadResult[]; peakRssMiB: number }> {
  let peakRssMiB = server.rssMiB();
  const sampler = setInterval(() => (peakRssMiB = Math.max(peakRssMiB, server.rssMiB())), 100);
  try {
    const reference = await loadPage('bare Fastify route (reference)', server.served.reference, undefined, options);
    const pages: LoadResult[] = [];
    for (const page of server.served.pages) pages.push(await loadPageOf(server.served.app, page, options));
    return { reference, pages, peakRssMiB };
  } finally {
    clearInterval(sampler);
  }
}

async function loadPageOf(base: string, page: BenchPage, options: LoadOptions): Promise<LoadResult> {
  const response = await fetch(`${base}${page.path}`, { headers: { cookie: page.cookie }, redirect: 'manual' });
  await response.text();
  if (response.status !== 200) throw new Error(`${page.label} (${page.path}) answered HTTP ${response.status}`);
  return {
    ...(await loadPage(page.label, `${base}${page.path}`, page.cookie, options)),
    p99TargetMs: page.p99TargetMs,
  };
}

/** The table: a page meets its targets when its p99 is under target and it serves `minimumRps`. */
export function printLoadTable(
  { reference, pages, peakRssMiB }: { reference: LoadResult; pages: LoadResult[]; peakRssMiB: number },
  { minimumRps, rssTargetMiB }: { minimumRps?: number; rssTargetMiB?: number },
): void {
  const width = Math.max(...[reference, ...pages].map((row) => row.label.length));
  const number = (value: number, digits = 1) => value.toFixed(digits).padStart(8);
  console.log(
    `\n${'page'.padEnd(width)}  ${'req/s'.padStart(8)}  ${'p50 ms'.padStart(8)}  ${'p99 ms'.padStart(8)}  ${'ratio'.padStart(8)}  target`,
  );
  for (const row of [reference, ...pages]) {
    const ratio = row.requestsPerSecond / reference.requestsPerSecond;
    const verdict =
      row.p99TargetMs === undefined
        ? ''
        : [
            row.p99 < row.p99TargetMs ? `p99 < ${row.p99TargetMs} ms met` : `p99 < ${row.p99TargetMs} ms MISSED`,
            ...(minimumRps === undefined
              ? []
              : [row.requestsPerSecond >= minimumRps ? `≥ ${minimumRps} req/s met` : `≥ ${minimumRps} req/s MISSED`]),
            ...(row.failures > 0 ? [`${row.failures} FAILED requests`] : []),
          ].join('; ');
    console.log(
      `${row.label.padEnd(width)}  ${number(row.requestsPerSecond, 0)}  ${number(row.p50)}  ${number(row.p99)}  ${number(ratio, 3)}  ${verdict}`,
    );
  }
  const rss = `\nServer RSS, peak under load: ${peakRssMiB.toFixed(0)} MiB`;
  console.log(
    rssTargetMiB === undefined ? rss : `${rss} (${peakRssMiB < rssTargetMiB ? 'met' : 'MISSED'}: < ${rssTargetMiB})`,
  );
}
