/**
 * `npx tsx scripts/measureApi.ts [--runs N]`: quick figures for the API on the seeded graph —
 * median and p95 latency of `entity`, `neighbourhood` (depth 2) and `paths` (maxHops 4) over real
 * HTTP, one request at a time after a warm-up, and the Cypher round trips of a wide, nested
 * request. Uses NEO4J_URI/USER/PASSWORD when set, else the local Neo4j (started if need be).
 * (bench/ has the full benchmark; this is the quick check the API issue asks for.)
 */
import { randomUUID } from 'node:crypto';
import { loadQueries } from '../src/cypher/queries.js';
import { createDriver } from '../src/db/driver.js';
import { createExecutor, type QueryEvent } from '../src/db/executor.js';
import { createLogger } from '../src/log.js';
import { ensureNeo4j } from '../src/platform/index.js';
import { createServer } from '../src/server/createServer.js';

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 50;

const QUERIES: Record<string, string> = {
  'entity': `{ entity(name: "Mohammed Kanjo al-Hassan") { id name aliases description
    citations { quote source { id title } }
    relations { type direction date certainty other { id name kind } citations { quote source { id } } } } }`,
  'neighbourhood (depth 2)': `{ neighbourhood(name: "Mohammad Kanjo Hassan", depth: 2) {
    truncated nodes { id kind name distance } edges { id type from to citations { quote source { id } } } } }`,
  'paths (maxHops 4)': `{ paths(from: "Mohammad Kanjo Hassan", to: "Suhayl al-Hasan", maxHops: 4, first: 5) {
    length steps { from { id name } relation direction to { id name } citations { quote source { id } } } } }`,
};

const WIDE = `{ events(first: 100) { totalCount edges { node {
  id name citations { source { title } quote } claimedBy { name }
  place { name parents { name } children { name } } partOf { name subEvents { name } }
  participants { role citations { source { id } } entity { name
    ... on Group { leaders { other { name } } members { other { name } } }
    ... on Person { groups { other { name } } relatives { other { name } } } } }
  claims { figure claimedBy { name } source { title } about { name } }
  relations(first: 20) { type claimedBy { name } event { name } citations { source { title } }
    other { name relations(types: ["LOCATED_IN", "PART_OF"]) { other { name } } } } } } } }`;

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

async function main() {
  const conn = await ensureNeo4j(process.env);
  const driver = createDriver({ uri: conn.uri, user: conn.user, password: conn.password });
  const executor = createExecutor(driver, await loadQueries(), { queryTimeoutMs: 30_000, database: process.env.NEO4J_DATABASE });
  const perRequest = new Map<string, QueryEvent[]>();
  executor.onQuery((e) => e.requestId && perRequest.set(e.requestId, [...(perRequest.get(e.requestId) ?? []), e]));
  const server = await createServer({
    config: { host: '127.0.0.1', port: 0, production: true, introspection: false, corsOrigins: [], bodyLimit: '100kb' },
    executor,
    log: createLogger('silent'),
    limits: { maxCost: 10_000_000 }, // the wide request below is deliberately over the default
  });
  const send = async (query: string) => {
    const id = randomUUID();
    const t0 = performance.now();
    const res = await fetch(server.graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json', 'x-request-id': id }, body: JSON.stringify({ query }) });
    const body = (await res.json()) as { errors?: unknown[]; data?: unknown };
    const ms = performance.now() - t0;
    if (body.errors) throw new Error(`errors: ${JSON.stringify(body.errors)}`);
    return { ms, queries: perRequest.get(id)?.length ?? 0, bytes: JSON.stringify(body.data).length };
  };
  try {
    console.log(`Neo4j ${conn.uri}; ${runs} sequential runs per query after 5 warm-up runs; production mode, loopback HTTP.\n`);
    console.log('| query | median ms | p95 ms | Cypher round trips | response bytes |');
    console.log('|---|---:|---:|---:|---:|');
    for (const [name, q] of Object.entries(QUERIES)) {
      for (let i = 0; i < 5; i++) await send(q);
      const samples = [];
      for (let i = 0; i < runs; i++) samples.push(await send(q));
      const ms = samples.map((s) => s.ms).sort((a, b) => a - b);
      console.log(`| ${name} | ${pct(ms, 50).toFixed(1)} | ${pct(ms, 95).toFixed(1)} | ${samples[0]!.queries} | ${samples[0]!.bytes} |`);
    }
    const wide = await send(WIDE);
    console.log(`\nWide nested request (events(first: 100) with place, parents, children, partOf, subEvents, participants → leaders/members/groups/relatives, claims, relations → other → relations, citations at every level): ${wide.queries} Cypher round trips, ${wide.bytes} bytes, ${wide.ms.toFixed(0)} ms.`);
  } finally {
    await server.close();
    await driver.close();
  }
}

await main();
