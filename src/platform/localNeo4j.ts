import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { createInterface } from 'node:readline';
import path from 'node:path';
import neo4j, { Neo4jError } from 'neo4j-driver';
import { PlatformError } from './PlatformError.js';
import { withFileLock } from './fileLock.js';
import { generatePassword, readPasswordFile, writePasswordFile } from './instancePassword.js';
import { findJava } from './javaRuntime.js';
import { DEFAULT_MEMORY, DEFAULT_SERVICE_URL, JVM_ADDITIONAL, renderNeo4jConf, type Neo4jMemory } from './neo4jConf.js';
import { ensureNeo4jJars } from './neo4jJars.js';
import { isPortFree } from './ports.js';
import { isProcessAlive, processCommandLine, sleep, tailFile, waitForExit } from './processes.js';
import { defaultNeo4jHome } from './repoPaths.js';

/** Which local instance, and how to run it. Everything has a default, so `{}` is the dev instance. */
export interface LocalNeo4jOptions {
  /** Instance folder (conf/, data/, logs/, run/, password). Default: <repo>/.data/neo4j. */
  home?: string;
  /** Default 7687. */
  boltPort?: number;
  /** Default 7474; serves Neo4j Browser at /browser/. */
  httpPort?: number;
  /** Password for user neo4j. Default: NEO4J_PASSWORD, else the stored one, else a generated one. */
  password?: string;
  memory?: Partial<Neo4jMemory>;
  /**
   * The clashgraph service Neo4j Browser loads its style and guide from on connect. Default
   * http://127.0.0.1:4000 (npm start's default PORT). Written to neo4j.conf at start; a reused
   * running instance keeps the URL it was started with.
   */
  serviceUrl?: string;
  /**
   * C1 JIT only (-XX:TieredStopAtLevel=1): start-up takes about half the CPU (measured here: 5 s
   * instead of 11 s, 9 s instead of 19 s wall on a busy 2-core machine), long queries run slower.
   * For throw-away test instances; the dev instance keeps the full JIT.
   */
  fastStartup?: boolean;
  /** How long to wait for Bolt to answer. Default 120 s (a cold start takes ~10 s here). */
  startTimeoutMs?: number;
  /** How long a clean shutdown may take before SIGKILL. Default 60 s. */
  stopTimeoutMs?: number;
  /** Progress lines for people (the CLI prints them); silent by default. */
  log?: (line: string) => void;
}

/** A running local Neo4j and how to reach it. */
export interface LocalNeo4j {
  uri: string;
  user: string;
  password: string;
  pid: number;
  home: string;
  boltPort: number;
  httpPort: number;
  browserUrl: string;
  /** The owner-only file holding the password. */
  passwordFile: string;
  /** True when an instance was already running and was reused. */
  reused: boolean;
}

export interface LocalNeo4jStatus {
  running: boolean;
  pid?: number;
  home: string;
  boltPort: number;
  httpPort: number;
  uri: string;
  browserUrl: string;
  passwordFile: string;
  /** Whether something accepts TCP connections on the Bolt port right now. */
  boltListening: boolean;
}

const USER = 'neo4j';

interface Resolved {
  home: string;
  boltPort: number;
  httpPort: number;
  memory: Neo4jMemory;
  serviceUrl: string;
  fastStartup: boolean;
  startTimeoutMs: number;
  stopTimeoutMs: number;
  log: (line: string) => void;
  paths: ReturnType<typeof instancePaths>;
}

/** Where things live inside an instance folder; mirrors the tarball's layout. */
export function instancePaths(home: string) {
  return {
    conf: path.join(home, 'conf'),
    confFile: path.join(home, 'conf', 'neo4j.conf'),
    data: path.join(home, 'data'),
    authIni: path.join(home, 'data', 'dbms', 'auth.ini'),
    logs: path.join(home, 'logs'),
    neo4jLog: path.join(home, 'logs', 'neo4j.log'),
    consoleLog: path.join(home, 'logs', 'console.log'),
    run: path.join(home, 'run'),
    pidFile: path.join(home, 'run', 'neo4j.pid'),
    stateFile: path.join(home, 'run', 'instance.json'),
    lockFile: path.join(home, 'run', 'control.lock'),
    passwordFile: path.join(home, 'password'),
  };
}

function resolve(opts: LocalNeo4jOptions): Resolved {
  const home = path.resolve(opts.home ?? defaultNeo4jHome());
  return {
    home,
    boltPort: opts.boltPort ?? 7687,
    httpPort: opts.httpPort ?? 7474,
    memory: { ...DEFAULT_MEMORY, ...opts.memory },
    serviceUrl: opts.serviceUrl ?? DEFAULT_SERVICE_URL,
    fastStartup: opts.fastStartup ?? false,
    startTimeoutMs: opts.startTimeoutMs ?? 120_000,
    stopTimeoutMs: opts.stopTimeoutMs ?? 60_000,
    log: opts.log ?? (() => {}),
    paths: instancePaths(home),
  };
}

interface InstanceState {
  pid: number;
  boltPort: number;
  httpPort: number;
}

/**
 * The instance recorded in run/, if its process is alive and really is our Neo4j for this home.
 * A PID file whose process is gone, or was reused by an unrelated program, is stale: removed.
 */
function runningInstance(r: Resolved): InstanceState | undefined {
  const { pidFile, stateFile } = r.paths;
  if (!existsSync(pidFile)) return undefined;
  const pid = Number.parseInt(readFileSync(pidFile, 'utf8'), 10);
  const cmd = Number.isInteger(pid) && isProcessAlive(pid) ? processCommandLine(pid) : undefined;
  if (cmd?.includes('CommunityEntryPoint') && cmd.includes(`--home-dir=${r.home}`)) {
    try {
      return JSON.parse(readFileSync(stateFile, 'utf8')) as InstanceState;
    } catch {
      return { pid, boltPort: r.boltPort, httpPort: r.httpPort };
    }
  }
  r.log(`Removing stale PID file ${pidFile} (PID ${pid} is not this Neo4j).`);
  rmSync(pidFile, { force: true });
  rmSync(stateFile, { force: true });
  return undefined;
}

function urls(boltPort: number, httpPort: number) {
  return { uri: `bolt://127.0.0.1:${boltPort}`, browserUrl: `http://127.0.0.1:${httpPort}/browser/` };
}

/**
 * Starts the local Neo4j Community server for `opts.home`, or reuses the one already running there,
 * and resolves once Bolt answers a query with the password. Idempotent: call it on every start.
 * On first start it fetches the jars (Maven) and sets the initial password before the server
 * ever runs, as `neo4j-admin dbms set-initial-password` would.
 */
export async function startLocalNeo4j(opts: LocalNeo4jOptions = {}): Promise<LocalNeo4j> {
  const r = resolve(opts);
  // The store, its logs and its config are the owner's only (the password file is 0600 too).
  mkdirSync(r.home, { recursive: true, mode: 0o700 });
  chmodSync(r.home, 0o700); // mode above applies only when the directory is new
  mkdirSync(r.paths.run, { recursive: true });
  return withFileLock(r.paths.lockFile, r.startTimeoutMs + r.stopTimeoutMs, async () => {
    const running = runningInstance(r);
    if (running) {
      // Ports left to their defaults follow the running instance; ports asked for must match it.
      const portsMatch =
        (opts.boltPort ?? running.boltPort) === running.boltPort && (opts.httpPort ?? running.httpPort) === running.httpPort;
      if (!portsMatch) {
        throw new PlatformError(
          'ALREADY_RUNNING',
          `The Neo4j in ${r.home} is already running (PID ${running.pid}) on Bolt ${running.boltPort} / ` +
            `HTTP ${running.httpPort}, not on the requested ${r.boltPort} / ${r.httpPort}. ` +
            'Stop it first (`npm run db:stop`) to change its ports.',
        );
      }
      const password = resolvePassword(r, opts.password, true);
      const at = { ...r, boltPort: running.boltPort, httpPort: running.httpPort };
      await waitForBolt(at, running.pid, password, r.startTimeoutMs); // it may still be starting
      r.log(`Neo4j already running (PID ${running.pid}); reusing it.`);
      return describe(at, running.pid, password, true);
    }

    const java = findJava();
    const lib = await ensureNeo4jJars(r.log);
    for (const [what, port] of [['Bolt', r.boltPort], ['HTTP', r.httpPort]] as const) {
      if (!(await isPortFree(port))) {
        throw new PlatformError(
          'PORT_BUSY',
          `Port ${port} on 127.0.0.1 (wanted for Neo4j ${what}) is already in use by another program, ` +
            `so the local Neo4j in ${r.home} cannot start. Find it with \`ss -ltnp 'sport = :${port}'\` ` +
            `(or \`lsof -i :${port}\`) and stop it; or, if it is a Neo4j you mean to use, set NEO4J_URI, ` +
            'NEO4J_USER and NEO4J_PASSWORD so nothing local is started.',
        );
      }
    }

    for (const dir of [r.paths.conf, r.paths.data, r.paths.logs]) mkdirSync(dir, { recursive: true });
    writeFileSync(r.paths.confFile, renderNeo4jConf(r));
    const firstStart = !existsSync(r.paths.authIni);
    const password = resolvePassword(r, opts.password, !firstStart);
    if (firstStart) {
      setInitialPassword(r, java.java, lib, password);
      writePasswordFile(r.paths.passwordFile, password);
    }

    const pid = launch(r, java.java, lib);
    r.log(`Started Neo4j (PID ${pid}, Java ${java.version}); waiting for Bolt on ${urls(r.boltPort, r.httpPort).uri}…`);
    await waitForBolt(r, pid, password, r.startTimeoutMs);
    // Only a password the server accepted replaces the stored one (a mistyped NEO4J_PASSWORD must not).
    if (readPasswordFile(r.paths.passwordFile) !== password) writePasswordFile(r.paths.passwordFile, password);
    return describe(r, pid, password, false);
  });
}

function describe(r: Resolved, pid: number, password: string, reused: boolean): LocalNeo4j {
  return {
    ...urls(r.boltPort, r.httpPort),
    user: USER,
    password,
    pid,
    home: r.home,
    boltPort: r.boltPort,
    httpPort: r.httpPort,
    passwordFile: r.paths.passwordFile,
    reused,
  };
}

/**
 * The password to use: explicit option, else NEO4J_PASSWORD, else the stored file; on a first
 * start with none of those, a generated one. An existing database with no known password is an
 * error, since a guess would only lock the account.
 */
function resolvePassword(r: Resolved, explicit: string | undefined, existingDb: boolean): string {
  const pw = explicit ?? (process.env.NEO4J_PASSWORD || undefined) ?? readPasswordFile(r.paths.passwordFile);
  if (pw !== undefined) {
    if (!existingDb && pw.length < 8) {
      throw new PlatformError(
        'PASSWORD_TOO_SHORT',
        'NEO4J_PASSWORD is shorter than 8 characters, which Neo4j refuses. Choose a longer one, or unset ' +
          'it to have a password generated.',
      );
    }
    return pw;
  }
  if (!existingDb) return generatePassword();
  throw new PlatformError(
    'PASSWORD_MISSING',
    `The Neo4j data in ${r.paths.data} already has a password, but it is not known here: ${r.paths.passwordFile} ` +
      'is missing and NEO4J_PASSWORD is unset. Set NEO4J_PASSWORD to that password, or, to start over ' +
      `with an empty database and a new password, stop Neo4j and delete ${r.home}.`,
  );
}

/** `neo4j-admin dbms set-initial-password`, run from the same jars, before the first start. */
function setInitialPassword(r: Resolved, java: string, lib: string, password: string): void {
  const out = spawnSync(
    java,
    // `--` ends the options: a NEO4J_PASSWORD of the user's that starts with `-` is still the password.
    ['-cp', path.join(lib, '*'), 'org.neo4j.cli.AdminTool', 'dbms', 'set-initial-password', '--', password],
    { env: { ...process.env, NEO4J_HOME: r.home, NEO4J_CONF: r.paths.conf }, encoding: 'utf8' },
  );
  if (out.status !== 0) {
    throw new PlatformError(
      'START_FAILED',
      `Setting the initial Neo4j password failed (neo4j-admin dbms set-initial-password exited with ` +
        `${out.status ?? out.signal}). Its output:\n${`${out.stdout}\n${out.stderr}`.trim()}`,
    );
  }
}

/** Starts the server detached from us (own process group, output to logs/console.log). */
function launch(r: Resolved, java: string, lib: string): number {
  const out = openSync(r.paths.consoleLog, 'w'); // a fresh file, so an error tail is this run's
  try {
    const child = spawn(
      java,
      [
        '-cp',
        path.join(lib, '*'),
        `-Xms${r.memory.heapInitial}`,
        `-Xmx${r.memory.heapMax}`,
        ...JVM_ADDITIONAL,
        ...(r.fastStartup ? ['-XX:TieredStopAtLevel=1'] : []),
        'org.neo4j.server.CommunityEntryPoint',
        `--home-dir=${r.home}`,
        `--config-dir=${r.paths.conf}`,
        '--console-mode',
      ],
      { cwd: r.home, detached: true, stdio: ['ignore', out, out], env: { ...process.env, NEO4J_HOME: r.home } },
    );
    child.unref();
    if (child.pid === undefined) throw new PlatformError('START_FAILED', `Could not run ${java}.`);
    writeFileSync(r.paths.pidFile, `${child.pid}\n`);
    const state: InstanceState = { pid: child.pid, boltPort: r.boltPort, httpPort: r.httpPort };
    writeFileSync(r.paths.stateFile, `${JSON.stringify(state)}\n`);
    return child.pid;
  } finally {
    closeSync(out);
  }
}

function logTail(r: Resolved): string {
  return tailFile(r.paths.consoleLog, 30) || tailFile(r.paths.neo4jLog, 30) || '(the log is empty)';
}

/**
 * Polls until a query runs over Bolt with the password, or the process dies, or time runs out.
 * A wrong password fails at once: retrying would lock the account (Neo4j's auth rate limit).
 */
async function waitForBolt(r: Resolved, pid: number, password: string, timeoutMs: number): Promise<void> {
  const { uri } = urls(r.boltPort, r.httpPort);
  const driver = neo4j.driver(uri, neo4j.auth.basic(USER, password), {
    maxConnectionPoolSize: 1,
    connectionTimeout: 2_000,
    connectionAcquisitionTimeout: 5_000,
  });
  const waitMs = Math.max(timeoutMs, 15_000);
  const deadline = Date.now() + waitMs;
  try {
    for (;;) {
      try {
        // A query, not just a handshake: the default database must be online too.
        await driver.executeQuery('RETURN 1');
        return;
      } catch (err) {
        if (err instanceof Neo4jError && err.code.startsWith('Neo.ClientError.Security.')) {
          throw new PlatformError(
            'AUTH_FAILED',
            `Neo4j at ${uri} refused the password for user ${USER} (${err.code}). The database in ` +
              `${r.paths.data} keeps the password it was first given: set NEO4J_PASSWORD to that one, or ` +
              `unset NEO4J_PASSWORD to use the one stored in ${r.paths.passwordFile}.`,
            { cause: err },
          );
        }
        if (!isProcessAlive(pid)) {
          rmSync(r.paths.pidFile, { force: true });
          rmSync(r.paths.stateFile, { force: true });
          throw new PlatformError(
            'START_FAILED',
            `Neo4j (PID ${pid}) exited before Bolt answered on ${uri}. The end of its log ` +
              `(${r.paths.consoleLog}):\n${logTail(r)}`,
            { cause: err },
          );
        }
        if (Date.now() > deadline) {
          throw new PlatformError(
            'START_TIMEOUT',
            `Neo4j (PID ${pid}) is running but Bolt on ${uri} did not answer within ` +
              `${Math.round(waitMs / 1000)} s. It may still be ` +
              `recovering a large database; see \`npm run db:logs\`, or stop it with \`npm run db:stop\`. ` +
              `The end of its log:\n${logTail(r)}`,
            { cause: err },
          );
        }
        await sleep(250);
      }
    }
  } finally {
    await driver.close();
  }
}

/**
 * Stops the local Neo4j of `opts.home` cleanly: SIGTERM, wait for its shutdown (which checkpoints
 * the store), SIGKILL only after `stopTimeoutMs`. Does nothing, successfully, if it is not running.
 */
export async function stopLocalNeo4j(
  opts: LocalNeo4jOptions = {},
): Promise<{ wasRunning: boolean; pid?: number; killed: boolean }> {
  const r = resolve(opts);
  mkdirSync(r.paths.run, { recursive: true });
  return withFileLock(r.paths.lockFile, r.startTimeoutMs + r.stopTimeoutMs, async () => {
    const running = runningInstance(r);
    if (!running) return { wasRunning: false, killed: false };
    const { pid } = running;
    r.log(`Stopping Neo4j (PID ${pid})…`);
    process.kill(pid, 'SIGTERM');
    let killed = false;
    if (!(await waitForExit(pid, r.stopTimeoutMs))) {
      r.log(`Neo4j did not stop within ${r.stopTimeoutMs / 1000} s; sending SIGKILL.`);
      process.kill(pid, 'SIGKILL');
      killed = true;
      if (!(await waitForExit(pid, 10_000))) {
        throw new PlatformError('STOP_FAILED', `Neo4j (PID ${pid}) survived SIGKILL; check \`ps -p ${pid}\`.`);
      }
    }
    rmSync(r.paths.pidFile, { force: true });
    rmSync(r.paths.stateFile, { force: true });
    return { wasRunning: true, pid, killed };
  });
}

export interface AdminImportOptions {
  /** neo4j-admin `--nodes=…` / `--relationships=…` arguments (src/import/csvLayout.ts). */
  args: string[];
  /** Files whose quoted fields hold line breaks. */
  multiline: string[];
  /** Replace a database that already exists (neo4j-admin --overwrite-destination). */
  replace: boolean;
  /** Off-heap memory the importer may use (default 2g: the machine is shared). */
  maxOffHeap?: string;
  /** Each line the importer prints (its progress). */
  onLine?: (line: string) => void;
}

/**
 * `neo4j-admin database import full` into the default database of the local instance at
 * `opts.home`, which must be stopped (the importer writes the store files directly). Writes the
 * instance's neo4j.conf first, so the store lands where the server will look for it.
 */
export async function adminImportLocalNeo4j(opts: LocalNeo4jOptions, imp: AdminImportOptions): Promise<{ cpuSeconds: number | undefined }> {
  const r = resolve(opts);
  mkdirSync(r.paths.run, { recursive: true });
  return withFileLock(r.paths.lockFile, r.startTimeoutMs + r.stopTimeoutMs, async () => {
    const running = runningInstance(r);
    if (running) {
      throw new PlatformError('ALREADY_RUNNING', `The Neo4j in ${r.home} is running (PID ${running.pid}); stop it before an import (\`npm run db:stop\`).`);
    }
    const existing = path.join(r.paths.data, 'databases', 'neo4j');
    if (existsSync(existing) && !imp.replace) {
      throw new PlatformError(
        'IMPORT_FAILED',
        `${r.home} already holds a database. An import replaces it entirely: pass --replace to do so, or ` +
          'import into another instance folder (--home).',
      );
    }
    const java = findJava();
    const lib = await ensureNeo4jJars(r.log);
    for (const dir of [r.paths.conf, r.paths.data, r.paths.logs]) mkdirSync(dir, { recursive: true });
    writeFileSync(r.paths.confFile, renderNeo4jConf(r));
    const args = [
      '-cp', path.join(lib, '*'), '-Xms1g', '-Xmx1g', ...JVM_ADDITIONAL,
      // The database name first: the file lists of --nodes/--relationships take every argument after them.
      'org.neo4j.cli.AdminTool', 'database', 'import', 'full', 'neo4j',
      `--array-delimiter=U+001F`, '--overwrite-destination=true', '--bad-tolerance=0', '--strict=true',
      `--max-off-heap-memory=${imp.maxOffHeap ?? '2g'}`,
      `--report-file=${path.join(r.paths.logs, 'import.report')}`,
      ...(imp.multiline.length > 0 ? ['--multiline-fields-format=v2', `--multiline-fields=${imp.multiline.join(',')}`] : []),
      ...imp.args,
    ];
    const child = spawn(java.java, args, {
      cwd: r.home,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NEO4J_HOME: r.home, NEO4J_CONF: r.paths.conf },
    });
    const tail: string[] = [];
    const onLine = (line: string) => {
      if (line.trim() === '') return;
      tail.push(line);
      if (tail.length > 40) tail.shift();
      imp.onLine?.(line);
    };
    createInterface({ input: child.stdout }).on('line', onLine);
    createInterface({ input: child.stderr }).on('line', onLine);
    // CPU time the importer used (Linux /proc), sampled while it runs: on a shared machine the
    // wall time says more about the neighbours than about the importer.
    let cpuSeconds: number | undefined;
    const sample = setInterval(() => {
      cpuSeconds = processCpuSeconds(child.pid!) ?? cpuSeconds;
    }, 500);
    const code = await new Promise<number | null>((done, fail) => {
      child.once('error', fail);
      child.once('close', (c) => done(c)); // after its output is read
    }).finally(() => clearInterval(sample));
    if (code !== 0) {
      throw new PlatformError('IMPORT_FAILED', `neo4j-admin database import exited with ${code}. Its output ended with:\n${tail.join('\n')}`);
    }
    return { cpuSeconds };
  });
}

/** User + system CPU seconds of a live process, from /proc (undefined elsewhere or once it is gone). */
function processCpuSeconds(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
  } catch {
    return undefined;
  }
}

/** What is running for `opts.home`, without starting or changing anything (stale PID files aside). */
export async function localNeo4jStatus(opts: LocalNeo4jOptions = {}): Promise<LocalNeo4jStatus> {
  const r = resolve(opts);
  const running = existsSync(r.paths.pidFile) ? runningInstance(r) : undefined;
  const boltPort = running?.boltPort ?? r.boltPort;
  const httpPort = running?.httpPort ?? r.httpPort;
  return {
    running: running !== undefined,
    ...(running ? { pid: running.pid } : {}),
    home: r.home,
    boltPort,
    httpPort,
    ...urls(boltPort, httpPort),
    passwordFile: r.paths.passwordFile,
    boltListening: await isListening(boltPort),
  };
}

function isListening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1', timeout: 1_000 });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
    socket.once('timeout', () => done(false));
  });
}
