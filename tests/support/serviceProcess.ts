/**
 * The GraphQL service as a real child process (`node --import tsx src/main.ts`), the way it runs
 * in production: its own heap (so its RSS can be measured), its own signals (SIGTERM drains), its
 * own logs (captured, so tests can grep them for credentials). Always `stop()` it in afterAll.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { repoRoot } from '../../src/platform/repoPaths.js';
import { freePort } from './freePort.js';
import { inspectorUrlFrom } from './inspector.js';

export interface ServiceProcess {
  pid: number;
  port: number;
  /** http://127.0.0.1:<port> */
  baseUrl: string;
  /** http://127.0.0.1:<port>/graphql */
  graphqlUrl: string;
  child: ChildProcess;
  /** Everything the process wrote to stdout and stderr so far (capped at 32 MB, oldest dropped). */
  logs(): string;
  /** Resident set size in bytes, from /proc (Linux only). */
  rssBytes(): number;
  /** The inspector's WebSocket URL, when started with `inspect: true` (else undefined). */
  inspectorUrl(): string | undefined;
  alive(): boolean;
  /** Resolves with the exit code (or signal name) once the process has exited. */
  exited: Promise<number | string>;
  /** Sends `signal` (default SIGTERM) and waits; SIGKILL after `timeoutMs`. Idempotent. */
  stop(signal?: NodeJS.Signals, timeoutMs?: number): Promise<number | string>;
}

export interface StartServiceOptions {
  /** Extra environment; NEO4J_* default to the harness's test database (globalSetup sets them). */
  env?: Record<string, string | undefined>;
  /** Wait for GET /health to answer at all (any status) before resolving. Default true. */
  waitForHttp?: boolean;
  /** Give up waiting after this long. Default 60 s (tsx compiles on a cold start). */
  startTimeoutMs?: number;
  /** Port to listen on; default: a free one. */
  port?: number;
  /**
   * Start with the V8 inspector on a free loopback port (`--inspect=127.0.0.1:0`) so a test can
   * force a GC and read memory figures (tests/support/inspector.ts). Default false.
   */
  inspect?: boolean;
}

const LOG_CAP = 32 * 1024 * 1024;

// Re-exported so tests that start a service get everything from one module.
export { freePort } from './freePort.js';

export async function startService(opts: StartServiceOptions = {}): Promise<ServiceProcess> {
  const port = opts.port ?? (await freePort());
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries({
    ...process.env,
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: String(port),
    LOG_LEVEL: 'info',
    ...opts.env,
  })) {
    if (v !== undefined) env[k] = v;
  }
  const nodeArgs = [...(opts.inspect ? ['--inspect=127.0.0.1:0'] : []), '--import', 'tsx', 'src/main.ts'];
  const child = spawn(process.execPath, nodeArgs, {
    cwd: repoRoot(),
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (child.pid === undefined) throw new Error('could not spawn the service');
  const pid = child.pid;
  let buffer = '';
  const append = (chunk: Buffer) => {
    buffer += chunk.toString('utf8');
    if (buffer.length > LOG_CAP) buffer = buffer.slice(buffer.length - LOG_CAP);
  };
  child.stdout!.on('data', append);
  child.stderr!.on('data', append);
  let exitStatus: number | string | undefined;
  const exited = new Promise<number | string>((resolve) => {
    child.once('exit', (code, signal) => {
      exitStatus = code ?? signal ?? 'unknown';
      resolve(exitStatus);
    });
  });

  const baseUrl = `http://127.0.0.1:${port}`;
  let inspectorUrl: string | undefined; // the first line the process prints; kept before the log cap drops it
  const svc: ServiceProcess = {
    pid,
    port,
    baseUrl,
    graphqlUrl: `${baseUrl}/graphql`,
    child,
    logs: () => buffer,
    rssBytes: () => {
      const m = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      return Number(m?.[1] ?? 0) * 1024;
    },
    inspectorUrl: () => (inspectorUrl ??= inspectorUrlFrom(buffer)),
    alive: () => exitStatus === undefined,
    exited,
    stop: async (signal: NodeJS.Signals = 'SIGTERM', timeoutMs = 20_000) => {
      if (exitStatus !== undefined) return exitStatus;
      child.kill(signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      try {
        return await exited;
      } finally {
        clearTimeout(timer);
      }
    },
  };

  if (opts.waitForHttp !== false) {
    const deadline = Date.now() + (opts.startTimeoutMs ?? 60_000);
    for (;;) {
      if (exitStatus !== undefined) {
        throw new Error(`the service exited (${exitStatus}) before answering; its output:\n${buffer.slice(-4000)}`);
      }
      try {
        await fetch(`${baseUrl}/health`, { signal: AbortSignal.timeout(2_000) });
        break;
      } catch {
        if (Date.now() > deadline) {
          await svc.stop('SIGKILL');
          throw new Error(`the service did not answer on ${baseUrl} in time; its output:\n${buffer.slice(-4000)}`);
        }
        await new Promise((r) => setTimeout(r, 200));
      }
    }
  }
  return svc;
}

/** POSTs a GraphQL request; returns status, parsed body (or undefined) and elapsed ms. */
export async function gql(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
  timeoutMs = 30_000,
): Promise<{ status: number; body: GraphQLBody | undefined; ms: number }> {
  const t0 = performance.now();
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await res.text();
  let body: GraphQLBody | undefined;
  try {
    body = JSON.parse(text) as GraphQLBody;
  } catch {
    body = undefined;
  }
  return { status: res.status, body, ms: performance.now() - t0 };
}

export interface GraphQLBody {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: { code?: string; [k: string]: unknown }; [k: string]: unknown }[];
}
