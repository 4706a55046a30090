/**
 * `npm run bench` — the API against raw Cypher and against @neo4j/graphql, side by side, in one
 * run, against one Neo4j holding one dataset (the curated seed plus a synthetic graph).
 *
 *   npm run bench                              # 20 000 synthetic entities, a few minutes
 *   npm run bench -- --entities 1000000        # the large run (the first load takes a while)
 *   npm run bench -- --help
 *
 * Steps: start (or reuse) the bench Neo4j and its dataset (bench/benchNeo4j.ts) → pick the
 * workloads' parameters from the graph → run every API request once in-process, recording the
 * exact queries and parameters it sends (the raw contender replays them) → start the three
 * contenders as child processes → for each workload and contender: a sanity pass, a warm-up, then
 * a measured autocannon run at fixed concurrency → one table, also written to bench/RESULTS.md.
 * Benchmarks are not tests: nothing here asserts a timing.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';
import { Command } from 'commander';
import { loadQueries } from '../src/cypher/queries.js';
import { createDriver } from '../src/db/driver.js';
import { createExecutor, type Executor } from '../src/db/executor.js';
import { toNeo4jParams } from '../src/db/toPlain.js';
import { warmUpPlans } from '../src/db/warmUp.js';
import { createLogger } from '../src/log.js';
import { createServer } from '../src/server/createServer.js';
import { openBenchNeo4j, type BenchDataset, type BenchNeo4j } from './benchNeo4j.js';
import { toWaves, type RecordedQuery, type Transcripts } from './transcripts.js';
import { buildWorkloads, pickParams, type GraphqlRequest, type Workload, type WorkloadParams } from './workloads.js';

const HERE = import.meta.dirname;

interface Options {
  entities: number;
  seed: number;
  connections: number;
  duration: number;
  warmup: number;
  only?: string;
  reload: boolean;
  loader: 'import' | 'cypher';
  boltPort: number;
  httpPort: number;
  results: string;
  keepNeo4j: boolean;
  serial: boolean;
  cached: boolean;
  profile: boolean;
}

const cli = new Command('bench')
  .description('The API vs raw Cypher vs @neo4j/graphql on a synthetic graph (see bench/README in the main README)')
  .option('--entities <n>', 'synthetic entities (plus the curated seed)', (v) => Number.parseInt(v, 10), 20_000)
  .option('--seed <n>', 'PRNG seed of the synthetic graph', (v) => Number.parseInt(v, 10), 1)
  .option('--connections <n>', 'concurrent connections (autocannon)', (v) => Number.parseInt(v, 10), 8)
  .option('--duration <s>', 'measured seconds per workload and contender', (v) => Number.parseInt(v, 10), 10)
  .option('--warmup <s>', 'warm-up seconds before each measurement', (v) => Number.parseInt(v, 10), 3)
  .option('--only <names>', 'comma-separated workload names')
  .option('--reload', 'drop the stored dataset and load it again', false)
  .option('--loader <how>', 'import (CSV + neo4j-admin, default) or cypher (batched transactional MERGE)', 'import')
  .option('--bolt-port <n>', 'Bolt port of the bench Neo4j', (v) => Number.parseInt(v, 10), 37687)
  .option('--http-port <n>', 'HTTP port of the bench Neo4j', (v) => Number.parseInt(v, 10), 37474)
  .option('--results <file>', 'where to write the table', path.join(HERE, 'RESULTS.md'))
  .option('--keep-neo4j', 'leave the bench Neo4j running afterwards', false)
  .option('--profile', 'PROFILE every recorded query (variants 0–3) and print where the db hits go', false)
  .option('--no-serial', 'skip the extra one-connection run of the API (service time without queueing)')
  .option('--no-cached', 'skip the API with its response cache on (the "API, cached" rows)')
  .parse();
const opts = cli.opts<Options>();
// The generator's smallest graph is 1,000 entities (it needs every governorate, district and kind);
// a smaller --entities would be run as 1,000 and reported under the wrong size.
if (!(opts.entities >= 1_000)) cli.error(`--entities must be at least 1000 (got ${opts.entities})`);
const loadAtStart = os.loadavg().map((l) => l.toFixed(2)).join(' / ');
const say = (line: string) => process.stderr.write(`[bench] ${line}\n`);

// ---------------------------------------------------------------------------------------------
// Contenders as child processes

interface Child {
  name: string;
  proc: ChildProcess;
  url: string;
}

async function startChild(name: string, file: string, env: Record<string, string>): Promise<Child> {
  // BENCH_CPU_PROF=<dir> writes a V8 CPU profile of each contender (node --cpu-prof) on exit.
  const prof = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${path.join(process.env.BENCH_CPU_PROF, file.replace('.ts', ''))}`] : [];
  const proc = spawn(process.execPath, [...prof, '--import', 'tsx', path.join(HERE, 'servers', file)], {
    env: { ...process.env, ...env, NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: proc.stdout! });
    lines.once('line', (line) => {
      try {
        resolve((JSON.parse(line) as { url: string }).url);
      } catch {
        reject(new Error(`${name}: unexpected first line ${line}`));
      }
    });
    proc.once('exit', (code) => reject(new Error(`${name} exited with ${code} before listening`)));
  });
  proc.stdout!.resume();
  return { name, proc, url };
}

/** Peak resident set size of a process (VmHWM), in MiB. */
function peakRssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

async function stopChild(c: Child): Promise<void> {
  if (c.proc.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => c.proc.once('exit', () => resolve()));
  c.proc.kill('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
  if (c.proc.exitCode === null) c.proc.kill('SIGKILL');
}

// ---------------------------------------------------------------------------------------------
// HTTP helpers

async function postJson(url: string, body: unknown): Promise<{ status: number; json: unknown; text: string }> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, json, text };
}

function graphqlErrors(json: unknown): string | undefined {
  const errors = (json as { errors?: { message: string; extensions?: { code?: string } }[] } | undefined)?.errors;
  return errors && errors.length > 0 ? errors.map((e) => `${e.extensions?.code ?? ''} ${e.message}`).join('; ') : undefined;
}

// ---------------------------------------------------------------------------------------------
// Measuring

interface Target {
  origin: string;
  requests: { path: string; body?: string }[];
}

interface Measurement {
  /** 1-minute load average when the measured run started (the machine is shared). */
  load?: number;
  p50: number;
  p95: number;
  p99: number;
  rps: number;
  requests: number;
  errors: number;
  /** What the errors were: GraphQL `extensions.code` (or `HTTP <status>`, `timeout`) → count. */
  errorKinds: Record<string, number>;
}

/** The error codes of one response body, or `HTTP <status>` when it is not a GraphQL answer. */
function errorCodesOf(status: number, body: string): string[] {
  try {
    const errors = (JSON.parse(body) as { errors?: { extensions?: { code?: string } }[] }).errors ?? [];
    if (errors.length > 0) return [...new Set(errors.map((e) => e.extensions?.code ?? 'no code'))];
  } catch {
    // not JSON: fall through to the status
  }
  return status === 200 ? [] : [`HTTP ${status}`];
}

function formatErrors(m: Measurement): string {
  const kinds = Object.entries(m.errorKinds).sort((a, b) => b[1] - a[1]);
  return kinds.length === 0 ? String(m.errors) : `${m.errors} (${kinds.map(([k, n]) => `${k} ${n}`).join(', ')})`;
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Runs for `seconds`, or, when `amount` is given, until that many requests have completed. */
function runAutocannon(target: Target, seconds: number, record: boolean, connections = opts.connections, amount?: number): Promise<Measurement> {
  const started = performance.now();
  const latencies: number[] = [];
  let next = 0;
  let bodyErrors = 0;
  const errorKinds: Record<string, number> = {};
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: target.origin,
        connections,
        pipelining: 1,
        ...(amount !== undefined ? { amount } : { duration: seconds }),
        timeout: 120,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        requests: [
          {
            setupRequest: (req) => {
              const r = target.requests[next++ % target.requests.length]!;
              return { ...req, path: r.path, ...(r.body !== undefined ? { body: r.body } : {}) };
            },
            onResponse: (status, body) => {
              if (status === 200 && !body.includes('"errors":[')) return;
              if (status === 200) bodyErrors++;
              for (const code of errorCodesOf(status, body)) errorKinds[code] = (errorKinds[code] ?? 0) + 1;
            },
          },
        ],
      },
      (err, result) => {
        if (err) {
          reject(err);
          return;
        }
        const sorted = Float64Array.from(latencies).sort();
        resolve({
          p50: percentile(sorted, 50),
          p95: percentile(sorted, 95),
          p99: percentile(sorted, 99),
          rps: result.requests.total / (amount !== undefined ? (performance.now() - started) / 1000 : result.duration || seconds),
          requests: result.requests.total,
          errors: result.non2xx + result.errors + result.timeouts + bodyErrors,
          errorKinds: { ...errorKinds, ...(result.timeouts > 0 ? { timeout: result.timeouts } : {}), ...(result.errors > 0 ? { 'connection error': result.errors } : {}) },
        });
      },
    );
    if (record) instance.on('response', (_client, _status, _bytes, ms) => latencies.push(ms));
  });
}

/**
 * Warm-up, then the measured run. Requests still in flight when a timed run ends are not counted,
 * so a workload slower than the window (seconds per request at 1M entities) would report nothing:
 * then it is measured again by count instead, until `2 × connections` requests have completed.
 */
async function measure(target: Target, connections = opts.connections): Promise<Measurement & { byCount: boolean }> {
  if (opts.warmup > 0) {
    await runAutocannon(target, opts.warmup, false, connections);
    await drain(target, connections);
  }
  const load = os.loadavg()[0];
  const timed = { ...(await runAutocannon(target, opts.duration, true, connections)), load };
  await drain(target, connections);
  const minimum = Math.max(4, 2 * connections);
  if (timed.requests >= minimum) return { ...timed, byCount: false };
  say(`  only ${timed.requests} requests completed in ${opts.duration} s; measuring ${minimum} requests instead`);
  const counted = { ...(await runAutocannon(target, 0, true, connections, minimum)), load, byCount: true };
  await drain(target, connections);
  return counted;
}

/**
 * Waits until the server takes `connections` requests at once again. autocannon ends a timed run
 * by closing its sockets, but a server finishes what it had started — and the API's admission
 * rightly counts that work against the client (MAX_HEAVY_PER_CLIENT) — so without this the next
 * run meets TOO_MANY_REQUESTS and a Neo4j still busy with the last run's requests.
 */
async function drain(target: Target, connections: number): Promise<void> {
  const started = performance.now();
  for (let round = 0; ; round++) {
    const statuses = await Promise.all(
      Array.from({ length: connections }, (_, i) => {
        const r = target.requests[i % target.requests.length]!;
        return fetch(`${target.origin}${r.path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, ...(r.body !== undefined ? { body: r.body } : {}) })
          .then(async (res) => (await res.text(), res.status))
          .catch(() => 0);
      }),
    );
    if (statuses.every((s) => s !== 429 && s !== 503 && s !== 0)) return;
    if (performance.now() - started > 300_000) {
      say(`  the server still refuses requests 300 s after the run (${statuses.join(', ')}); measuring anyway`);
      return;
    }
    if (round === 0) say('  waiting for the server to finish the requests of the last run');
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

// ---------------------------------------------------------------------------------------------
// Recording what the API sends

interface Recorder {
  executor: Executor;
  take(requestId: string): RecordedQuery[];
}

function recordingExecutor(base: Executor): Recorder {
  const byRequest = new Map<string, RecordedQuery[]>();
  return {
    executor: {
      ...base,
      async read(query, params, scope) {
        const startMs = performance.now();
        const snapshot = JSON.parse(JSON.stringify(params)) as Record<string, unknown>;
        try {
          return await base.read(query, params, scope);
        } finally {
          const list = byRequest.get(scope.requestId ?? '') ?? [];
          list.push({ query, params: snapshot, startMs, endMs: performance.now() });
          byRequest.set(scope.requestId ?? '', list);
        }
      },
    },
    take(requestId) {
      const list = byRequest.get(requestId) ?? [];
      byRequest.delete(requestId);
      return list;
    },
  };
}

/** Pages through events with `first: 100` until 500 events are behind; the cursor there. */
async function deepCursor(url: string, request: GraphqlRequest, kind: 'api' | 'ngql'): Promise<string | null> {
  let after: string | null = null;
  for (let page = 0; page < 5; page++) {
    const query = kind === 'api'
      ? `query($place: String!, $from: String!, $to: String!, $after: String) { events(filter: {place: $place, from: $from, to: $to}, first: 100, after: $after) { pageInfo { endCursor hasNextPage } } }`
      : `query($placeId: ID!, $from: Date!, $to: Date!, $after: String) { eventsConnection(first: 100, after: $after, sort: [{ startDate: ASC }, { id: ASC }], where: { endDate: { gte: $from }, startDate: { lte: $to }, occurredIn: { some: { OR: [{ id: { eq: $placeId } }, { locatedIn: { some: { id: { eq: $placeId } } } }, { locatedIn: { some: { locatedIn: { some: { id: { eq: $placeId } } } } } }] } } }) { pageInfo { endCursor hasNextPage } } }`;
    const res = await postJson(url, { query, variables: { ...request.variables, after } });
    const err = graphqlErrors(res.json);
    if (err) throw new Error(`${kind} paging: ${err}`);
    const data = (res.json as { data: Record<string, { pageInfo: { endCursor: string | null; hasNextPage: boolean } }> }).data;
    const info = (data.events ?? data.eventsConnection)!.pageInfo;
    if (!info.hasNextPage) return info.endCursor;
    after = info.endCursor;
  }
  return after;
}

// ---------------------------------------------------------------------------------------------
// Profiling: Neo4j PROFILE of the recorded queries

interface PlanNode {
  operatorType: string;
  dbHits: number;
  rows: number;
  arguments: Record<string, unknown>;
  children: PlanNode[];
}

async function profileTranscripts(db: BenchNeo4j, transcripts: Transcripts): Promise<string> {
  const out: string[] = [];
  const flat = (p: PlanNode, acc: PlanNode[] = []): PlanNode[] => {
    acc.push(p);
    for (const c of p.children) flat(c, acc);
    return acc;
  };
  for (const [workload, variants] of Object.entries(transcripts.workloads)) {
    out.push(`### ${workload}`);
    for (const [i, t] of variants.slice(0, 4).entries()) {
      for (const q of t.waves.flat()) {
        const session = db.driver.session({ defaultAccessMode: 'READ' });
        try {
          const t0 = performance.now();
          await session.run(transcripts.cypher[q.query]!, toNeo4jParams(q.params)).summary();
          const ms = performance.now() - t0;
          const summary = await session.run(`PROFILE ${transcripts.cypher[q.query]!}`, toNeo4jParams(q.params)).summary();
          const ops = flat(summary.profile as unknown as PlanNode);
          const total = ops.reduce((a, o) => a + Number(o.dbHits), 0);
          const top = [...ops].sort((a, b) => Number(b.dbHits) - Number(a.dbHits)).slice(0, 3)
            .map((o) => `${o.operatorType.replace('@neo4j', '')} ${Number(o.dbHits)} hits/${Number(o.rows)} rows (${String(o.arguments.Details ?? '').replace(/\s+/g, ' ').slice(0, 90)})`);
          out.push(`- v${i} ${q.query}: ${ms.toFixed(1)} ms, ${total} db hits; ${top.join('; ')}`);
        } finally {
          await session.close();
        }
      }
    }
  }
  return out.join('\n');
}

// ---------------------------------------------------------------------------------------------
// Reporting

interface Row {
  workload: Workload;
  api: Measurement;
  raw: Measurement;
  ngql?: Measurement;
  /** The API again at one connection: service time without queueing. */
  apiSerial?: Measurement;
  /** The API with its response cache on (every request after the warm-up a hit). */
  apiCached?: Measurement;
  queriesPerRequest: number;
}

function machine(neo4jVersion: string): string[] {
  const cpus = os.cpus();
  return [
    `- CPU: ${cpus[0]?.model ?? 'unknown'}, ${cpus.length} cores; RAM ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB; ${os.type()} ${os.release()}`,
    `- Node.js ${process.version}; Neo4j ${neo4jVersion}; @neo4j/graphql ${pkgVersion('@neo4j/graphql')}; autocannon ${pkgVersion('autocannon')}`,
    `- load average (1/5/15 min) at start: ${loadAtStart}; at the end: ${os.loadavg().map((l) => l.toFixed(2)).join(' / ')} — the benchmark itself (8 connections, a server and Neo4j on 2 cores) keeps it at 2–5; above that something else shared the machine, and absolute times drift while ratios hold better`,
  ];
}

function pkgVersion(name: string): string {
  try {
    return (JSON.parse(readFileSync(path.join(HERE, '..', 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '?';
  }
}

const mark = (m: Measurement) => ((m as { byCount?: boolean }).byCount ? ' †' : '');
const f1 = (n: number | undefined) => (n === undefined || Number.isNaN(n) ? '–' : n >= 100 ? n.toFixed(0) : n.toFixed(1));
const f2 = (n: number | undefined) => (n === undefined || Number.isNaN(n) || !Number.isFinite(n) ? '–' : n.toFixed(2));

const n0 = (n: number) => Math.round(n).toLocaleString('en-US');

function loadLine(load: BenchDataset['load']): string {
  if (load.loader === 'import') {
    const cpu = load.importCpuSeconds ? `, ${load.importCpuSeconds.toFixed(0)} CPU s = ${n0(load.relationships / load.importCpuSeconds)} rels per CPU-second; load average ${load.loadAverage?.toFixed(1) ?? '?'}` : '';
    return `bulk import (\`--loader import\`): ${n0(load.relationships)} relationships at **${n0(load.relationshipsPerSecond)} rels/s** in neo4j-admin (${load.importSeconds.toFixed(0)} s wall${cpu}); ` +
      `with CSV generation (${load.csv.seconds.toFixed(0)} s, ${n0(load.csv.bytes / 2 ** 20)} MiB) and the schema built on top (${load.schemaSeconds.toFixed(0)} s) ${n0(load.overallRelationshipsPerSecond)} rels/s end to end`;
  }
  return `transactional load (\`--loader cypher\`): ${n0(load.relationships)} synthetic relationships at ${n0(load.relationshipsPerSecond)} rels/s ` +
    `(relationship phase; ${n0(load.overallRelationshipsPerSecond)} rels/s counting the node phase, ${Math.round(load.nodeSeconds)} s + ${Math.round(load.relationshipSeconds)} s)`;
}

function renderSection(db: BenchNeo4j, params: WorkloadParams, rows: Row[], rss: Record<string, number>, startedAt: Date, wallSeconds: number): string {
  const ds = db.dataset;
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
  const lines: string[] = [];
  lines.push(`## ${ds.entities.toLocaleString('en-US')} synthetic entities + the curated seed`);
  lines.push('');
  lines.push(`Run ${startedAt.toISOString()} (${Math.round(wallSeconds)} s), \`npm run bench -- --entities ${ds.entities}${ds.seed !== 1 ? ` --seed ${ds.seed}` : ''}\`; ${opts.connections} connections, ${opts.warmup} s warm-up + ${opts.duration} s measured per workload and contender.`);
  lines.push('');
  lines.push(...machine(db.neo4jVersion));
  lines.push(`- graph: ${ds.counts.nodes.toLocaleString('en-US')} nodes, ${ds.counts.relationships.toLocaleString('en-US')} relationships (seed from ${ds.seedCommit.slice(0, 12)}); ${loadLine(ds.load)}`);
  lines.push(
    `- parameters: ${params.centers.length} centres (degree median ${median(params.centers.map((c) => c.degree))}, range ${Math.min(...params.centers.map((c) => c.degree))}–${Math.max(...params.centers.map((c) => c.degree))}), ` +
      `${params.pairs.length} path pairs, ${params.eventFilters.length} governorate × date-range filters, ${params.searches.length} search texts; ` +
      `${params.hubs.length} hubs excluded (degree ${params.hubs.at(-1)?.degree ?? 0}–${params.hubs[0]?.degree ?? 0})`,
  );
  lines.push('');
  lines.push('| workload | contender | p50 ms | p95 ms | p99 ms | req/s | ratio p50 | API req/s ÷ | errors | peak RSS MiB | load |');
  lines.push('|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|');
  const ld = (m: Measurement) => (m.load === undefined ? '' : m.load.toFixed(1));
  for (const r of rows) {
    const w = r.workload;
    lines.push(`| ${w.name} | **API** (${r.queriesPerRequest} queries) | ${f1(r.api.p50)} | ${f1(r.api.p95)} | ${f1(r.api.p99)} | ${f1(r.api.rps)}${mark(r.api)} | | | ${formatErrors(r.api)} | ${f1(rss.api)} | ${ld(r.api)} |`);
    lines.push(`| | raw Cypher | ${f1(r.raw.p50)} | ${f1(r.raw.p95)} | ${f1(r.raw.p99)} | ${f1(r.raw.rps)}${mark(r.raw)} | API÷raw **${f2(r.api.p50 / r.raw.p50)}** | ${f2(r.api.rps / r.raw.rps)} | ${formatErrors(r.raw)} | ${f1(rss.raw)} | ${ld(r.raw)} |`);
    if (r.ngql) {
      lines.push(`| | @neo4j/graphql | ${f1(r.ngql.p50)} | ${f1(r.ngql.p95)} | ${f1(r.ngql.p99)} | ${f1(r.ngql.rps)}${mark(r.ngql)} | ngql÷API **${f2(r.ngql.p50 / r.api.p50)}** | **${f2(r.api.rps / r.ngql.rps)}** | ${formatErrors(r.ngql)} | ${f1(rss.ngql)} | ${ld(r.ngql)} |`);
    } else {
      lines.push(`| | @neo4j/graphql | n/a | | | | | | | | |`);
    }
    if (r.apiCached) {
      lines.push(`| | API, cached | ${f1(r.apiCached.p50)} | ${f1(r.apiCached.p95)} | ${f1(r.apiCached.p99)} | ${f1(r.apiCached.rps)}${mark(r.apiCached)} | cached÷API **${f2(r.apiCached.p50 / r.api.p50)}** | ${f2(r.api.rps / r.apiCached.rps)} | ${formatErrors(r.apiCached)} | ${f1(rss.cached)} | ${ld(r.apiCached)} |`);
    }
    if (r.apiSerial) {
      lines.push(`| | API, 1 connection | ${f1(r.apiSerial.p50)} | ${f1(r.apiSerial.p95)} | ${f1(r.apiSerial.p99)} | ${f1(r.apiSerial.rps)}${mark(r.apiSerial)} | | | ${formatErrors(r.apiSerial)} | | ${ld(r.apiSerial)} |`);
    }
  }
  lines.push('');
  lines.push('Workloads:');
  for (const r of rows) lines.push(`- \`${r.workload.name}\`: ${r.workload.title}. @neo4j/graphql: ${r.workload.neo4jGraphqlNote}.`);
  lines.push('');
  lines.push(
    'How: every contender is a child process (peak RSS = its VmHWM over the whole run). **API**: src/server/createServer.ts in production mode over HTTP. ' +
      '**raw Cypher**: the exact queries and parameters the API sent for the same request (recorded once per variant), replayed through neo4j-driver with the API\'s driver settings, ' +
      'one read transaction per query, queries the API overlapped run concurrently, behind a minimal node:http endpoint, so autocannon measures both the same way (the HTTP hop is in both). ' +
      '**@neo4j/graphql**: v7 with type definitions for the same model (bench/servers/neo4jGraphqlTypeDefs.ts) behind the same Express 5 + Apollo Server 5 stack. ' +
      '"ratio p50": API÷raw on the raw row, @neo4j/graphql÷API on its row; "API req/s ÷": the API\'s throughput over that row\'s. Errors: non-2xx, timeouts and GraphQL `errors` bodies. ' +
      '"load": the 1-minute load average as that measurement started. "API, cached": the same API with its response cache on (src/server/responseCache.ts; every request after the warm-up is a hit), "cached÷API" its p50 over the uncached API\'s — the other API rows run with the cache off. ' +
      '"API, 1 connection": the API alone with one client, i.e. its service time without queueing behind the other connections (on 2 cores shared with Neo4j, ' +
      `${opts.connections} connections queue). † measured by count (${2 * opts.connections} requests, 4 at one connection) because fewer completed within the timed window.`,
  );
  return lines.join('\n');
}

function writeResults(file: string, entities: number, section: string): void {
  const begin = `<!-- bench:${entities} -->`;
  const end = `<!-- /bench:${entities} -->`;
  let text = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmark results\n\nWritten by `npm run bench` (bench/run.ts); one section per dataset size, each from one run.\n';
  const block = `${begin}\n${section}\n${end}`;
  const a = text.indexOf(begin);
  const b = text.indexOf(end);
  if (a >= 0 && b > a) text = text.slice(0, a) + block + text.slice(b + end.length);
  else {
    // Keep sections ordered by size.
    const sizes = [...text.matchAll(/<!-- bench:(\d+) -->/g)].map((m) => ({ size: Number(m[1]), at: m.index }));
    const after = sizes.find((s) => s.size > entities);
    text = after ? `${text.slice(0, after.at)}${block}\n\n${text.slice(after.at)}` : `${text.trimEnd()}\n\n${block}\n`;
  }
  writeFileSync(file, text);
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const startedAt = new Date();
  const t0 = performance.now();
  const db = await openBenchNeo4j({
    entities: opts.entities, seed: opts.seed, reload: opts.reload, loader: opts.loader, boltPort: opts.boltPort, httpPort: opts.httpPort,
    log: (l) => say(l),
  });
  const children: Child[] = [];
  try {
    say(`dataset: ${db.dataset.counts.nodes} nodes, ${db.dataset.counts.relationships} relationships (${db.loadedNow ? 'loaded now' : 'reused'})`);
    const params = await pickParams(db.driver, opts.entities, opts.seed);
    say(`parameters: ${params.centers.length} centres, ${params.pairs.length} pairs, ${params.hubs.length} hubs (top degree ${params.hubs[0]?.degree})`);

    // 1. The API in-process, recording what it sends; deep-page cursors and transcripts.
    const driver = createDriver({ uri: db.instance.uri, user: db.instance.user, password: db.instance.password });
    const queries = await loadQueries();
    const recorder = recordingExecutor(createExecutor(driver, queries, { queryTimeoutMs: 60_000 }));
    const recordingServer = await createServer({
      config: { host: '127.0.0.1', port: 0, production: true, introspection: false, corsOrigins: [], bodyLimit: '100kb' },
      executor: recorder.executor,
      log: createLogger('warn'),
    });
    // As `npm start` does in the background: plan the slow-to-plan queries before the first request.
    // A failure only means the first requests plan them instead (as in src/main.ts).
    await warmUpPlans(recorder.executor).then(
      (ms) => say(`query plans warmed: ${JSON.stringify(ms)} ms`),
      (err: unknown) => say(`query plan warm-up failed (${err instanceof Error ? err.message.slice(0, 120) : String(err)}); the first requests plan them`),
    );
    const provisional = buildWorkloads(params, { api: [], ngql: [] }, []);
    const eventRequests = provisional.find((w) => w.name === 'events-first-page')!.api;
    const apiCursors: (string | null)[] = [];
    for (const r of eventRequests) apiCursors.push(await deepCursor(recordingServer.graphqlUrl, r, 'api'));

    // The search workload's Lucene strings, as the API builds them, for @neo4j/graphql.
    const lucene: string[] = [];
    for (const r of provisional.find((w) => w.name === 'search')!.api) {
      const id = `lucene-${lucene.length}`;
      await fetch(recordingServer.graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json', 'x-request-id': id }, body: JSON.stringify(r) }).then((x) => x.text());
      const q = recorder.take(id).find((x) => x.query === 'search.fulltext');
      lucene.push(String(q?.params.query ?? ''));
    }

    // 2. @neo4j/graphql's deep cursors need it running.
    const env = { BENCH_NEO4J_URI: db.instance.uri, BENCH_NEO4J_USER: db.instance.user, BENCH_NEO4J_PASSWORD: db.instance.password };
    const ngql = await startChild('@neo4j/graphql', 'neo4jGraphqlServer.ts', env);
    children.push(ngql);
    const ngqlCursors: (string | null)[] = [];
    for (const r of provisional.find((w) => w.name === 'events-first-page')!.neo4jGraphql!) ngqlCursors.push(await deepCursor(ngql.url, r, 'ngql'));

    let workloads = buildWorkloads(params, { api: apiCursors, ngql: ngqlCursors }, lucene);
    if (opts.only) {
      const only = new Set(opts.only.split(','));
      workloads = workloads.filter((w) => only.has(w.name));
    }

    // 3. Transcripts: one request per variant, recorded.
    const transcripts: Transcripts = { cypher: { ...queries }, workloads: {} };
    const queriesPerRequest: Record<string, number> = {};
    for (const w of workloads) {
      transcripts.workloads[w.name] = [];
      let total = 0;
      for (const [i, r] of w.api.entries()) {
        const id = `record-${w.name}-${i}`;
        const res = await fetch(recordingServer.graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json', 'x-request-id': id }, body: JSON.stringify(r) });
        const json = (await res.json()) as unknown;
        const err = graphqlErrors(json);
        if (err) throw new Error(`API ${w.name} variant ${i} (${JSON.stringify(r.variables).slice(0, 200)}): ${err}`);
        const t = toWaves(recorder.take(id));
        transcripts.workloads[w.name]!.push(t);
        total += t.queries;
      }
      queriesPerRequest[w.name] = total / w.api.length;
    }
    await recordingServer.close();
    await driver.close();
    if (opts.profile) process.stdout.write(`\n${await profileTranscripts(db, transcripts)}\n\n`);
    const transcriptFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'clashgraph-bench-')), 'transcripts.json');
    writeFileSync(transcriptFile, JSON.stringify(transcripts));

    // 4. The other two contenders.
    const api = await startChild('API', 'apiServer.ts', env);
    children.push(api);
    const raw = await startChild('raw', 'rawServer.ts', { ...env, BENCH_TRANSCRIPTS: transcriptFile });
    children.push(raw);
    // The same API with its response cache on: the "cached" rows. The other API rows are uncached.
    const cached = opts.cached ? await startChild('API, cached', 'apiServer.ts', { ...env, BENCH_RESPONSE_CACHE: '1' }) : undefined;
    if (cached) children.push(cached);

    const origin = (u: string) => new URL(u).origin;
    const gqlTarget = (url: string, reqs: GraphqlRequest[]): Target => ({ origin: origin(url), requests: reqs.map((r) => ({ path: new URL(url).pathname, body: JSON.stringify(r) })) });

    // Sanity pass for @neo4j/graphql (the API was checked while recording; raw replays it).
    for (const w of workloads) {
      for (const r of w.neo4jGraphql ?? []) {
        const res = await postJson(ngql.url, r);
        const err = graphqlErrors(res.json);
        if (err || res.status !== 200) throw new Error(`@neo4j/graphql ${w.name}: ${res.status} ${err ?? res.text.slice(0, 300)}`);
      }
    }

    // 5. Measure.
    const rows: Row[] = [];
    for (const w of workloads) {
      say(`${w.name}: API`);
      const apiM = await measure(gqlTarget(api.url, w.api));
      say(`${w.name}: raw Cypher`);
      const rawM = await measure({ origin: origin(raw.url), requests: w.api.map((_, i) => ({ path: `/${w.name}/${i}`, body: '{}' })) });
      let ngqlM: Measurement | undefined;
      if (w.neo4jGraphql) {
        say(`${w.name}: @neo4j/graphql`);
        ngqlM = await measure(gqlTarget(ngql.url, w.neo4jGraphql));
      }
      let cachedM: Measurement | undefined;
      if (cached) {
        say(`${w.name}: API, cached`);
        cachedM = await measure(gqlTarget(cached.url, w.api));
      }
      let serialM: Measurement | undefined;
      if (opts.serial) {
        say(`${w.name}: API, one connection`);
        serialM = await measure(gqlTarget(api.url, w.api), 1);
      }
      const row: Row = {
        workload: w, api: apiM, raw: rawM, queriesPerRequest: queriesPerRequest[w.name] ?? 0,
        ...(ngqlM ? { ngql: ngqlM } : {}), ...(serialM ? { apiSerial: serialM } : {}), ...(cachedM ? { apiCached: cachedM } : {}),
      };
      rows.push(row);
      say(`  p50 API ${f1(apiM.p50)} / raw ${f1(rawM.p50)} / ngql ${f1(ngqlM?.p50)} ms; req/s ${f1(apiM.rps)} / ${f1(rawM.rps)} / ${f1(ngqlM?.rps)}`);
    }

    const rss = { api: peakRssMiB(api.proc.pid!), raw: peakRssMiB(raw.proc.pid!), ngql: peakRssMiB(ngql.proc.pid!), cached: cached ? peakRssMiB(cached.proc.pid!) : Number.NaN };
    const section = renderSection(db, params, rows, rss, startedAt, (performance.now() - t0) / 1000);
    process.stdout.write(`\n${section}\n`);
    // A partial run (--only) must not replace the committed table, unless told where to write.
    if (!opts.only || cli.getOptionValueSource('results') === 'cli') {
      writeResults(opts.results, opts.entities, section);
      say(`written to ${path.relative(process.cwd(), opts.results)}`);
    }
  } finally {
    for (const c of children) await stopChild(c);
    if (opts.keepNeo4j) await db.driver.close();
    else await db.stop();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
