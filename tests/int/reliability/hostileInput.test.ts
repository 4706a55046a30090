/**
 * Hostile input is refused without harm: a property-based fuzz test (fast-check) sends thousands
 * of generated HTTP requests to the service running as a child process — injection strings for
 * Cypher and Lucene, huge and unicode strings, out-of-range numbers, deep nesting, alias and
 * fragment bombs, batches, malformed JSON, wrong content types and methods, oversized bodies.
 *
 * Every response must be: below 500 (or a deliberate 503 SERVICE_UNAVAILABLE), JSON, with a public
 * `extensions.code` on every error and never INTERNAL_SERVER_ERROR, within 20 s. Afterwards the
 * process is alive and healthy and the graph's counts and content checksum are unchanged.
 *
 * FUZZ_RUNS (default 2000) and FUZZ_SEED replay or extend a run.
 */
import fc from 'fast-check';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isErrorCode } from '../../../src/errors/index.js';
import { graphChecksum, type GraphFingerprint } from '../../../src/seed/index.js';
import { hostileRequest, type HostileRequest } from '../../support/hostileRequests.js';
import { startService, type ServiceProcess } from '../../support/serviceProcess.js';
import { openTestDriver, testNeo4j } from '../../support/testNeo4j.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 2_000);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;
const log = (line: string) => process.stderr.write(`[hostile-input] ${line}\n`);

let service: ServiceProcess;
let driver: Driver;
let before: GraphFingerprint;

beforeAll(async () => {
  const db = testNeo4j();
  driver = openTestDriver();
  before = await graphChecksum(driver);
  service = await startService({ env: { NEO4J_URI: db.uri, NEO4J_USER: db.user, NEO4J_PASSWORD: db.password, LOG_LEVEL: 'warn' } });
});

afterAll(async () => {
  await service?.stop();
  await driver?.close();
});

interface Outcome {
  status: number;
  text: string;
  contentType: string;
  ms: number;
}

async function send(req: HostileRequest): Promise<Outcome> {
  const t0 = performance.now();
  const res = await fetch(`${service.baseUrl}${req.path}`, {
    method: req.method,
    headers: req.headers,
    body: req.body,
    redirect: 'manual',
    signal: AbortSignal.timeout(30_000),
  });
  const text = await res.text();
  return { status: res.status, text, contentType: res.headers.get('content-type') ?? '', ms: performance.now() - t0 };
}

/** What is wrong with a response, or undefined when it is a clean answer or a clean refusal. */
function violation(req: HostileRequest, out: Outcome): string | undefined {
  if (out.ms > 20_000) return `took ${Math.round(out.ms)} ms`;
  if (out.status === 204 || (out.status >= 300 && out.status < 400)) return undefined;
  // Node's HTTP parser refuses oversized headers (a huge GET query string) before any app code.
  if (out.status === 431 && out.text === '') return undefined;
  let body: { data?: unknown; errors?: { message?: unknown; extensions?: { code?: unknown } }[] };
  try {
    body = JSON.parse(out.text) as typeof body;
  } catch {
    return `status ${out.status} with a body that is not JSON (${out.contentType}): ${out.text.slice(0, 200)}`;
  }
  const errors = Array.isArray(body?.errors) ? body.errors : [];
  const codes = errors.map((e) => e?.extensions?.code);
  if (out.status >= 500 && !(out.status === 503 && codes.length > 0 && codes.every((c) => c === 'SERVICE_UNAVAILABLE'))) {
    return `status ${out.status}, codes ${JSON.stringify(codes)}`;
  }
  if (req.path.startsWith('/health') && out.status === 200) return undefined; // {status: 'ok'}
  if (out.status >= 400 && errors.length === 0) return `status ${out.status} without errors`;
  const uncoded = codes.filter((c) => !isErrorCode(c));
  if (uncoded.length > 0) return `error without a public code: ${JSON.stringify(uncoded)}`;
  if (codes.includes('INTERNAL_SERVER_ERROR')) return `INTERNAL_SERVER_ERROR: ${JSON.stringify(errors[codes.indexOf('INTERNAL_SERVER_ERROR')])}`;
  if (errors.length === 0 && !('data' in body)) return `status ${out.status}, neither data nor errors`;
  return undefined;
}

function describeRequest(req: HostileRequest): string {
  const body = req.body === undefined ? '' : String(req.body);
  return `${req.kind}: ${req.method} ${req.path.slice(0, 200)} ${JSON.stringify(req.headers)} ${body.length > 600 ? `${body.slice(0, 600)}… (${body.length} chars)` : body}`;
}

describe('hostile input', () => {
  // Regression: the exclude-list check threw while the name lookup was already running, leaving
  // its NOT_FOUND rejection unhandled, which ended the whole process.
  it.each(['neighbourhood(name: $name, exclude: $exclude) { truncated }', 'paths(from: $name, to: "Tartus", exclude: $exclude) { length }'])(
    'an unknown name with too many exclude values is refused without ending the process: %s',
    async (field) => {
      const res = await fetch(service.graphqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: `query($name: String!, $exclude: [String!]) { ${field} }`, variables: { name: 'No Such Entity', exclude: Array(51).fill('Syria') } }),
      });
      const body = (await res.json()) as { errors?: { extensions?: { code?: string } }[] };
      expect(body.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
      await new Promise((r) => setTimeout(r, 500)); // the lookup's rejection would land now
      expect(service.alive()).toBe(true);
      expect((await fetch(`${service.baseUrl}/health`)).status).toBe(200);
    },
  );

  it(`is refused cleanly: ${RUNS} generated requests, no 5xx, every error coded, the graph unchanged`, async () => {
    const tally = new Map<string, number>();
    let sent = 0;
    const t0 = Date.now();
    await fc.assert(
      fc.asyncProperty(hostileRequest, async (req) => {
        const out = await send(req);
        sent++;
        let code = '';
        try {
          const errors = (JSON.parse(out.text) as { errors?: { extensions?: { code?: string } }[] }).errors ?? [];
          code = [...new Set(errors.map((e) => e.extensions?.code))].sort().join(',');
        } catch {
          code = 'non-json';
        }
        const key = `${req.kind.split(':')[0]} → ${out.status}${code ? ` ${code}` : ''}`;
        tally.set(key, (tally.get(key) ?? 0) + 1);
        const problem = violation(req, out);
        if (problem) throw new Error(`${problem}\n  request: ${describeRequest(req)}\n  response: ${out.text.slice(0, 500)}`);
        expect(service.alive(), 'the service process is still running').toBe(true);
      }),
      { numRuns: RUNS, ...(SEED === undefined ? {} : { seed: SEED }) },
    );
    log(`${sent} requests in ${((Date.now() - t0) / 1000).toFixed(1)} s; outcomes:`);
    for (const [key, n] of [...tally].sort((a, b) => b[1] - a[1])) log(`  ${String(n).padStart(5)}  ${key}`);

    expect(service.alive()).toBe(true);
    const health = await fetch(`${service.baseUrl}/health`);
    expect(health.status).toBe(200);
    const after = await graphChecksum(driver);
    expect(after).toEqual(before);
  }, 300_000);
});
