/**
 * The hardening figures (docs/security.md): against a running service, on the seeded graph,
 *   npx tsx bench/abuse.ts --url http://127.0.0.1:4010/graphql [--seconds 30] [--clients 20]
 * 1. Worst-case answer size: sends the largest legal requests we could craft (issue 9's
 *    amplifications, at the limits of the cost rule) and prints each answer's bytes and codes.
 * 2. A plain lookup under the heaviest legal load: `--clients` heavy clients, each on its own
 *    loopback address (127.0.0.2…, so admission control sees distinct clients), send the
 *    heaviest legal requests back to back for `--seconds`, while one client sends plain lookups
 *    one after another; prints the lookups' latency (p50/p95/max) and every outcome tally.
 */
import http from 'node:http';
import { Command } from 'commander';

const o = new Command()
  .requiredOption('--url <url>', 'the GraphQL endpoint')
  .option('--seconds <n>', 'how long the load runs', (v) => Number.parseInt(v, 10), 30)
  .option('--clients <n>', 'heavy clients', (v) => Number.parseInt(v, 10), 20)
  .parse()
  .opts<{ url: string; seconds: number; clients: number }>();

interface Answer {
  status: number;
  bytes: number;
  ms: number;
  codes: string[];
}

function post(query: string, localAddress = '127.0.0.1'): Promise<Answer> {
  const t0 = performance.now();
  return new Promise((resolve) => {
    const req = http.request(o.url, { method: 'POST', localAddress, agent: false, headers: { 'content-type': 'application/json' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let codes: string[] = [];
        try {
          codes = ((JSON.parse(text) as { errors?: { extensions?: { code?: string } }[] }).errors ?? []).map((e) => e.extensions?.code ?? '?');
        } catch {
          codes = ['non-json'];
        }
        resolve({ status: res.statusCode ?? 0, bytes: Buffer.byteLength(text), ms: performance.now() - t0, codes: [...new Set(codes)] });
      });
      res.on('error', () => resolve({ status: 0, bytes: 0, ms: performance.now() - t0, codes: ['reset'] }));
    });
    req.on('error', () => resolve({ status: 0, bytes: 0, ms: performance.now() - t0, codes: ['connect-error'] }));
    req.end(JSON.stringify({ query }));
  });
}

const aliases = (n: number, field: string) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(' ')} }`;
const CENTRE = 'Western Syria clashes';

/** The largest legal requests (each under the cost limit); the first is issue 9's 277 MB one. */
const BIG: [string, string][] = [
  ['issue 9: 15 × neighbourhood edges { citations { source { text } } }', aliases(15, `neighbourhood(name: "${CENTRE}", depth: 3, first: 312, maxDegree: 10000) { edges { citations { source { text } } } }`)],
  ['15 × sources { text }', aliases(15, 'sources { id title text }')],
  ['neighbourhood depth 2 edges with quotes', `{ neighbourhood(name: "${CENTRE}", depth: 2) { nodes { id name kind } edges { id type from to citations { quote } } } }`],
  ['3 × neighbourhood depth 3, first 500, nodes and edges', aliases(3, `neighbourhood(name: "${CENTRE}", depth: 3, first: 500) { nodes { id name kind distance } edges { id type from to certainty date role } }`)],
  ['events(first: 100) with relations and citations', '{ events(first: 100) { edges { node { id name description citations { quote } relations(first: 100) { type other { id name } } } } } }'],
  ['claims with citations and conflicts', aliases(4, 'claims { id figure description citations { quote source { id title } } conflictsWith { id figure } }')],
];

/** The heaviest legal load per request: deep traversals with the largest degree cap. */
const HEAVY = [
  aliases(1, `neighbourhood(name: "${CENTRE}", depth: 3, first: 500, maxDegree: 10000) { truncated nodes { id } }`),
  aliases(9, `neighbourhood(name: "${CENTRE}", depth: 3) { truncated }`),
];
const PLAIN = '{ entity(name: "Tartous") { id name kind } }';

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? NaN;

console.log('1. worst-case answer size');
let largest = 0;
for (const [name, q] of BIG) {
  const a = await post(q);
  largest = Math.max(largest, a.bytes);
  console.log(`   ${String(a.bytes).padStart(9)} B  ${a.status} ${a.codes.join(',') || 'ok'}  ${Math.round(a.ms)} ms  ${name}`);
}
console.log(`   largest answer: ${largest} bytes`);

console.log(`2. plain lookups while ${o.clients} clients send the heaviest legal requests for ${o.seconds} s`);
const until = Date.now() + o.seconds * 1000;
const tally = new Map<string, number>();
const count = (a: Answer) => {
  const k = `${a.status} ${a.codes.join(',') || 'ok'}`;
  tally.set(k, (tally.get(k) ?? 0) + 1);
};
const heavyClients = Array.from({ length: o.clients }, async (_, i) => {
  for (let n = 0; Date.now() < until; n++) count(await post(HEAVY[(i + n) % HEAVY.length]!, `127.0.0.${i + 2}`));
});
await new Promise((r) => setTimeout(r, 500));
const plain: Answer[] = [];
while (Date.now() < until) plain.push(await post(PLAIN));
await Promise.all(heavyClients);
const lat = plain.map((a) => a.ms);
const plainCodes = new Map<string, number>();
for (const a of plain) plainCodes.set(a.codes.join(',') || 'ok', (plainCodes.get(a.codes.join(',') || 'ok') ?? 0) + 1);
console.log(`   plain lookups: ${plain.length}, p50 ${Math.round(pct(lat, 50))} ms, p95 ${Math.round(pct(lat, 95))} ms, max ${Math.round(Math.max(...lat))} ms; outcomes ${JSON.stringify(Object.fromEntries(plainCodes))}`);
console.log(`   heavy requests: ${JSON.stringify(Object.fromEntries(tally))}`);
