/**
 * The local Neo4j as the platform provides it: reachable over Bolt with its password only,
 * HTTP and Bolt bound to loopback only, db:start idempotent, data kept across stop, kill -9 and
 * start, and clear errors for a busy port or a stale PID file.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ensureNeo4j,
  instancePaths,
  localNeo4jStatus,
  PlatformError,
  startLocalNeo4j,
  stopLocalNeo4j,
} from '../../src/platform/index.js';
import { repoRoot } from '../../src/platform/repoPaths.js';
import { freePort } from '../support/freePort.js';
import { listenAddresses } from '../support/listeners.js';
import { openTestDriver, testNeo4j } from '../support/testNeo4j.js';

const run = promisify(execFile);
const root = repoRoot();
const db = testNeo4j();
const local = db.local;

/** Runs `tsx scripts/db.ts …` as `npm run db:*` would, against the harness's instance. */
async function dbCli(...args: string[]): Promise<string> {
  const { home, boltPort, httpPort } = local!;
  const env = { ...process.env };
  delete env.NEO4J_PASSWORD; // the CLI must find the password in the instance's own file
  const { stdout } = await run(
    path.join(root, 'node_modules', '.bin', 'tsx'),
    ['scripts/db.ts', '--home', home, '--bolt-port', String(boltPort), '--http-port', String(httpPort), ...args],
    { cwd: root, env },
  );
  return stdout;
}

describe('the local Neo4j', () => {
  let driver: Driver;
  beforeAll(() => {
    driver = openTestDriver();
  });
  afterAll(async () => {
    await driver.close();
  });

  it('answers Bolt queries with its password', async () => {
    const { records } = await driver.executeQuery('RETURN 1 + 1 AS two');
    expect(records[0]?.get('two').toNumber()).toBe(2);
  });

  it('refuses a wrong password', async () => {
    const wrong = neo4j.driver(db.uri, neo4j.auth.basic(db.user, `${db.password}-wrong`));
    try {
      await expect(wrong.verifyConnectivity()).rejects.toMatchObject({ code: 'Neo.ClientError.Security.Unauthorized' });
    } finally {
      await wrong.close();
    }
  });

  it('is used as given when NEO4J_URI is set, a neo4j:// routing URI included, and nothing starts', async () => {
    const routing = db.uri.replace(/^bolt:/, 'neo4j:');
    const conn = await ensureNeo4j({ NEO4J_URI: routing, NEO4J_USER: db.user, NEO4J_PASSWORD: db.password });
    expect(conn).toEqual({ uri: routing, user: db.user, password: db.password, startedLocally: false });
    const routed = neo4j.driver(conn.uri, neo4j.auth.basic(conn.user, conn.password));
    try {
      const { records } = await routed.executeQuery('RETURN 42 AS answer', {}, { routing: 'READ' });
      expect(records[0]?.get('answer').toNumber()).toBe(42);
    } finally {
      await routed.close();
    }
  });

  describe.runIf(local)('started by the harness', () => {
    it('serves the discovery document and Neo4j Browser over HTTP on 127.0.0.1', async () => {
      const base = `http://127.0.0.1:${local!.httpPort}`;
      const discovery = (await (await fetch(`${base}/`)).json()) as Record<string, string>;
      expect(discovery).toMatchObject({ neo4j_edition: 'community', bolt_direct: `bolt://127.0.0.1:${local!.boltPort}` });
      const browser = await fetch(`${base}/browser/`);
      expect(browser.status).toBe(200);
      expect(await browser.text()).toContain('<title>Neo4j Browser</title>');
    });

    it.runIf(existsSync('/proc/net/tcp'))('listens on loopback only, for Bolt and HTTP', () => {
      for (const port of [local!.boltPort, local!.httpPort]) {
        const addrs = listenAddresses(port);
        expect(addrs.length, `something listens on ${port}`).toBeGreaterThan(0);
        expect(addrs.every((a) => a === '127.0.0.1'), `listeners on ${port}: ${addrs.join(', ')}`).toBe(true);
      }
    });

    it('keeps the password in an owner-only file, and the store in an owner-only directory', () => {
      const file = instancePaths(local!.home).passwordFile;
      expect(readFileSync(file, 'utf8').trim()).toBe(db.password);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      // Regression (issue 9, finding 6): the store directory was world-readable (755).
      expect(statSync(local!.home).mode & 0o777).toBe(0o700);
    });

    it('db:start on a running instance reuses it (same PID) and db:status reports it', async () => {
      const first = await dbCli('start');
      const second = await dbCli('start');
      expect(first).toContain(`already running (PID ${local!.pid})`);
      expect(second).toContain(`already running (PID ${local!.pid})`);
      const status = JSON.parse(await dbCli('status', '--json')) as { running: boolean; pid: number };
      expect(status).toMatchObject({ running: true, pid: local!.pid });
    });
  });
});

describe.runIf(local)('a second, small instance', () => {
  // Own home and ports, so stopping and killing it never disturbs the harness's instance.
  const opts = {
    home: path.join(local?.runDir ?? root, 'restart'),
    boltPort: 0,
    httpPort: 0,
    password: 'restart-test-password',
    memory: { heapInitial: '128m', heapMax: '512m', pageCache: '32m' },
    fastStartup: true,
  };
  beforeAll(async () => {
    opts.boltPort = await freePort();
    do opts.httpPort = await freePort();
    while (opts.httpPort === opts.boltPort);
  });
  afterAll(async () => {
    await stopLocalNeo4j(opts);
    rmSync(opts.home, { recursive: true, force: true });
  });

  async function countMarkers(uri: string): Promise<number> {
    const d = neo4j.driver(uri, neo4j.auth.basic('neo4j', opts.password));
    try {
      const { records } = await d.executeQuery('MATCH (n:PlatformRestartProbe) RETURN count(n) AS n');
      return records[0]?.get('n').toNumber() as number;
    } finally {
      await d.close();
    }
  }

  it('keeps its data across db:stop + start and across kill -9 + start; keeps its password', async () => {
    const first = await startLocalNeo4j(opts);
    expect(first.reused).toBe(false);
    const d = neo4j.driver(first.uri, neo4j.auth.basic('neo4j', opts.password));
    try {
      await d.executeQuery('UNWIND range(1, $n) AS i CREATE (:PlatformRestartProbe {i: i})', { n: 3 });
    } finally {
      await d.close();
    }

    expect((await stopLocalNeo4j(opts)).wasRunning).toBe(true);
    expect((await localNeo4jStatus(opts)).running).toBe(false);
    const second = await startLocalNeo4j(opts);
    expect(second.pid).not.toBe(first.pid);
    expect(await countMarkers(second.uri)).toBe(3);

    process.kill(second.pid, 'SIGKILL'); // no shutdown: the PID file stays behind, stale
    await waitUntil(() => !isAlive(second.pid));
    const third = await startLocalNeo4j(opts);
    expect(third.reused).toBe(false);
    expect(await countMarkers(third.uri)).toBe(3);

    // A mistyped password on a later start is refused and leaves the stored one alone.
    await stopLocalNeo4j(opts);
    await expect(startLocalNeo4j({ ...opts, password: 'not-the-password' })).rejects.toMatchObject({
      code: 'AUTH_FAILED',
    });
    expect(readFileSync(instancePaths(opts.home).passwordFile, 'utf8').trim()).toBe(opts.password);
    expect((await startLocalNeo4j(opts)).reused).toBe(true);
  }, 300_000); // four JVM starts: minutes on a busy 2-core machine

  it('reports a busy port clearly instead of starting', async () => {
    await stopLocalNeo4j(opts);
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(opts.boltPort, '127.0.0.1', resolve));
    try {
      const err = await startLocalNeo4j(opts).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(PlatformError);
      expect(err).toMatchObject({ code: 'PORT_BUSY' });
      expect((err as Error).message).toContain(`Port ${opts.boltPort} on 127.0.0.1`);
    } finally {
      blocker.close();
    }
  });

  it('treats a PID file of a process that is not its Neo4j as stale', async () => {
    const { pidFile } = instancePaths(opts.home);
    mkdirSync(path.dirname(pidFile), { recursive: true });
    writeFileSync(pidFile, `${process.pid}\n`); // alive, but it is this test worker, not Neo4j
    const status = await localNeo4jStatus(opts);
    expect(status.running).toBe(false);
    expect(existsSync(pidFile)).toBe(false);
  });
});

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitUntil(cond: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}
