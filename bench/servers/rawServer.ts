/**
 * Child process: the raw-Cypher floor. For each workload variant it replays the exact queries the
 * API sent for that request (recorded by bench/run.ts: same Cypher text, same parameters, same
 * order, and the same overlap — queries the API ran concurrently run concurrently here), straight
 * through neo4j-driver with the API's driver settings, one read transaction per query as the
 * API's executor does. No GraphQL, no resolvers: the records go out as JSON as they come.
 * Served over plain node:http so the same load generator (autocannon) measures it the same way:
 * POST /<workload>/<variant>. Prints `{"url": …}` when it listens.
 * Env: BENCH_NEO4J_URI, BENCH_NEO4J_USER, BENCH_NEO4J_PASSWORD, BENCH_TRANSCRIPTS (a JSON file).
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createDriver } from '../../src/db/driver.js';
import { toNeo4jParams } from '../../src/db/toPlain.js';
import type { Transcripts } from '../transcripts.js';

const driver = createDriver({ uri: process.env.BENCH_NEO4J_URI!, user: process.env.BENCH_NEO4J_USER ?? 'neo4j', password: process.env.BENCH_NEO4J_PASSWORD! });
const transcripts = JSON.parse(readFileSync(process.env.BENCH_TRANSCRIPTS!, 'utf8')) as Transcripts;

async function runQuery(cypher: string, params: Record<string, unknown>): Promise<unknown[]> {
  const session = driver.session({ defaultAccessMode: 'READ' });
  try {
    const result = await session.executeRead((tx) => tx.run(cypher, toNeo4jParams(params)), { timeout: 30_000 });
    return result.records.map((r) => r.toObject());
  } finally {
    await session.close();
  }
}

const server = http.createServer((req, res) => {
  const [, workload, variant] = (req.url ?? '').split('/');
  const waves = transcripts.workloads[workload ?? '']?.[Number(variant)]?.waves;
  req.resume();
  if (!waves) {
    res.writeHead(404).end();
    return;
  }
  void (async () => {
    const out: unknown[][] = [];
    for (const wave of waves) out.push(...(await Promise.all(wave.map((q) => runQuery(transcripts.cypher[q.query]!, q.params)))));
    const body = JSON.stringify(out);
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }).end(body);
  })().catch((err: unknown) => {
    res.writeHead(500, { 'content-type': 'text/plain' }).end(String(err));
  });
});
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })}\n`);
});
process.on('SIGTERM', () => {
  server.close();
  void driver.close().finally(() => process.exit(0));
});
