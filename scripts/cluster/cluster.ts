/**
 * Two Tandem processes on one PostgreSQL database behind nginx, as a deployment with more than one
 * instance runs them. Used by `npm run cluster` (run.ts) and by the test that proves the instances
 * share everything they must (cluster.test.ts). docs/deployment.md explains the nginx settings.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants, mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { delimiter, join } from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const serverEntry = join(root, 'src', 'server.ts');
/** tsx by its full address: the instances may run in a folder with no node_modules of its own. */
const tsx = import.meta.resolve('tsx');

export interface Instance {
  readonly name: string;
  readonly port: number;
  /** e.g. http://127.0.0.1:41234, to reach this instance without nginx. */
  readonly url: string;
  readonly process: ChildProcess;
  /** Resolves with the exit code (null when ended by a signal) once the process has ended. */
  readonly exited: Promise<number | null>;
  /** The last lines the process printed, for a failure message. */
  recentOutput(): string;
  /** SIGTERM (a graceful close), then SIGKILL if it has not ended in time. */
  stop(timeoutMs?: number): Promise<number | null>;
}

export interface Cluster {
  /** nginx's address: the one to use. */
  readonly url: string;
  readonly instances: readonly [Instance, Instance];
  readonly nginx: ChildProcess;
  /** nginx first (no new requests), then both instances; safe to call more than once. */
  stop(): Promise<void>;
}

export type OutputListener = (name: string, line: string) => void;

/** The nginx binary on PATH or in the sbin folders Debian uses, or null when it is not installed. */
export function findNginx(): string | null {
  const folders = [...(process.env.PATH ?? '').split(delimiter), '/usr/sbin', '/usr/local/sbin'];
  for (const folder of folders.filter(Boolean)) {
    const candidate = join(folder, 'nginx');
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this folder
    }
  }
  return null;
}

/** A port free at the moment of asking. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Runs `exited` as a promise and keeps the last lines of output, passing each line on if asked. */
function watch(name: string, child: ChildProcess, onOutput: OutputListener | undefined) {
  const lines: string[] = [];
  for (const stream of [child.stdout, child.stderr]) {
    if (!stream) continue;
    createInterface({ input: stream }).on('line', (line) => {
      lines.push(line);
      if (lines.length > 40) lines.shift();
      onOutput?.(name, line);
    });
  }
  const exited = new Promise<number | null>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
    // A process that could not be started at all ends here too, rather than as an unhandled error.
    child.once('error', () => resolve(null));
  });
  return { exited, recentOutput: () => lines.join('\n') };
}

async function stopProcess(child: ChildProcess, exited: Promise<number | null>, signal: NodeJS.Signals, ms: number) {
  if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  const timer = setTimeout(() => child.kill('SIGKILL'), ms);
  const code = await exited;
  clearTimeout(timer);
  return code;
}

/**
 * One app process, as `npm start` runs it but without the asset build (done once beforehand):
 * `node --import tsx src/server.ts`. `env` is its whole environment. The tsconfig is named so
 * that JSX compiles whatever the working folder.
 */
export function startInstance({
  name,
  port,
  env,
  cwd = root,
  onOutput,
}: {
  name: string;
  port: number;
  env: Record<string, string | undefined>;
  cwd?: string;
  onOutput?: OutputListener;
}): Instance {
  const child = spawn(process.execPath, ['--import', tsx, serverEntry], {
    cwd,
    env: { ...env, HOST: '127.0.0.1', PORT: String(port), TSX_TSCONFIG_PATH: join(root, 'tsconfig.json') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const { exited, recentOutput } = watch(name, child, onOutput);
  return {
    name,
    port,
    url: `http://127.0.0.1:${port}`,
    process: child,
    exited,
    recentOutput,
    stop: (timeoutMs = 20_000) => stopProcess(child, exited, 'SIGTERM', timeoutMs),
  };
}

/** The status of a GET (its body read, so the connection is free again), or null when nothing answered. */
async function statusOf(url: string): Promise<number | null> {
  try {
    const response = await fetch(url);
    await response.arrayBuffer();
    return response.status;
  } catch {
    return null;
  }
}

/** Waits until /readyz answers 200 (migrated, listening, database reachable); fails if the process ends first. */
export async function waitUntilReady(instance: Instance, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let ended = false;
  void instance.exited.then(() => (ended = true));
  while (Date.now() < deadline && !ended) {
    const ready = (await statusOf(`${instance.url}/readyz`)) === 200;
    if (ready) return;
    await sleep(200);
  }
  const why = ended ? 'ended before it was ready' : `was not ready within ${timeoutMs / 1000} s`;
  throw new Error(`Instance ${instance.name} ${why}. Its last output:\n${instance.recentOutput()}`);
}

/**
 * Round robin over the instances. A POST is passed to the other instance only when it could not
 * be sent (connection refused, connect timeout): nginx never retries a request an instance may
 * have started on, unless `non_idempotent` is added, which must not be. X-Forwarded-For is set,
 * not appended to, so a client cannot choose the address the rate limits count.
 */
export function nginxConfig({ dir, port, upstreams }: { dir: string; port: number; upstreams: number[] }): string {
  const servers = upstreams.map((upstream) => `    server 127.0.0.1:${upstream} max_fails=1 fail_timeout=2s;`);
  return `# Written by scripts/cluster/cluster.ts; see docs/deployment.md.
${process.getuid?.() === 0 ? 'user root;\n' : ''}worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 1024; }
http {
  access_log ${dir}/access.log;
  client_body_temp_path ${dir}/client-body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  # Up to five uploaded files of 10 MB each, with their form (src/platform/files/uploads.ts).
  client_max_body_size 60m;
  upstream tandem {
${servers.join('\n')}
    keepalive 16;
  }
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://tandem;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $remote_addr;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_next_upstream error timeout;
      proxy_next_upstream_tries 2;
      proxy_connect_timeout 2s;
      # Which instance answered, for the cluster test and for anyone watching the round robin.
      add_header X-Tandem-Upstream $upstream_addr always;
    }
  }
}
`;
}

/** nginx in the foreground with its own prefix, config and logs in `dir`; resolves once it answers. */
export async function startNginx({
  binary,
  dir,
  port,
  upstreams,
  onOutput,
}: {
  binary: string;
  dir: string;
  port: number;
  upstreams: number[];
  onOutput?: OutputListener;
}): Promise<{ process: ChildProcess; exited: Promise<number | null> }> {
  mkdirSync(dir, { recursive: true });
  const configFile = join(dir, 'nginx.conf');
  writeFileSync(configFile, nginxConfig({ dir, port, upstreams }));
  const args = ['-p', dir, '-c', configFile, '-e', join(dir, 'error.log'), '-g', 'daemon off;'];
  const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const { exited, recentOutput } = watch('nginx', child, onOutput);
  let ended = false;
  void exited.then(() => (ended = true));
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline && !ended) {
    // Any answer will do, even 502: nginx is listening.
    if ((await statusOf(`http://127.0.0.1:${port}/healthz`)) !== null) return { process: child, exited };
    await sleep(100);
  }
  child.kill('SIGKILL');
  throw new Error(`nginx did not start (see ${dir}/error.log):\n${recentOutput()}`);
}

/**
 * Both instances (started together: they migrate the database in turn under an advisory lock),
 * then nginx in front. `env` is what both instances share; each gets its own port, TRUST_PROXY,
 * and PUBLIC_URL as nginx's address unless given. Whatever started is stopped if a later step fails.
 */
export async function startCluster({
  nginxBinary,
  dir,
  port,
  env,
  cwd,
  onOutput,
}: {
  nginxBinary: string;
  /** nginx's prefix, config and logs. */
  dir: string;
  /** nginx's port. */
  port: number;
  env: Record<string, string | undefined>;
  cwd?: string;
  onOutput?: OutputListener;
}): Promise<Cluster> {
  const url = `http://127.0.0.1:${port}`;
  const shared = { PUBLIC_URL: url, ...env, TRUST_PROXY: 'true' };
  const started: Instance[] = [];
  try {
    for (const name of ['a', 'b']) {
      started.push(startInstance({ name, port: await freePort(), env: shared, ...(cwd ? { cwd } : {}), onOutput }));
    }
    await Promise.all(started.map((instance) => waitUntilReady(instance)));
    const [a, b] = started as [Instance, Instance];
    const nginx = await startNginx({ binary: nginxBinary, dir, port, upstreams: [a.port, b.port], onOutput });
    let stopping: Promise<void> | undefined;
    return {
      url,
      instances: [a, b],
      nginx: nginx.process,
      stop: () =>
        (stopping ??= (async () => {
          // SIGQUIT: nginx finishes the requests it is proxying, then exits.
          await stopProcess(nginx.process, nginx.exited, 'SIGQUIT', 10_000);
          await Promise.all([a.stop(), b.stop()]);
        })()),
    };
  } catch (error) {
    await Promise.all(started.map((instance) => instance.stop()));
    throw error;
  }
}
