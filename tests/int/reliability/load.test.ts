/**
 * The service holds under load: many concurrent keep-alive clients cycling through a mix of real
 * queries (lookups, neighbourhoods, paths, event pages, search, claims) against the service as a
 * child process: no failed request, no 5xx, no GraphQL error, p99 reported, and memory stable
 * (RSS at the end within 1.2× of RSS after the warm-up).
 *
 * `npm test` runs a short version (20 clients; warm-up until ≥ 400 requests and a level RSS; then
 * 8 s). `npm run test:load` runs the full one: LOAD_CLIENTS=100 LOAD_SECONDS=60, a warm-up of
 * ≥ 3000 requests in 5 s rounds (LOAD_WARMUP_REQUESTS, LOAD_WARMUP_ROUND_SECONDS, LOAD_WARMUP_MAX_SECONDS).
 */
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeLoad, runGraphQLLoad, type GraphQLRequest } from '../../support/graphqlLoad.js';
import { buildLoadMix } from '../../support/loadMix.js';
import { startService, type ServiceProcess } from '../../support/serviceProcess.js';
import { openTestDriver, testNeo4j } from '../../support/testNeo4j.js';

const CLIENTS = Number(process.env.LOAD_CLIENTS ?? 20);
const SECONDS = Number(process.env.LOAD_SECONDS ?? 8);
/** The warm-up serves at least this many requests (so a slow machine warms up as much as a fast one)… */
const WARMUP_REQUESTS = Number(process.env.LOAD_WARMUP_REQUESTS ?? 400);
/** …in rounds of this length, until the RSS levels off, for at most WARMUP_MAX_SECONDS. */
const WARMUP_ROUND_SECONDS = Number(process.env.LOAD_WARMUP_ROUND_SECONDS ?? 2);
const WARMUP_MAX_SECONDS = Number(process.env.LOAD_WARMUP_MAX_SECONDS ?? 30);
/** RSS at the end may be at most this multiple of RSS after the warm-up. */
const RSS_GROWTH_MAX = 1.2;
const log = (line: string) => process.stderr.write(`[load] ${line}\n`);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

let service: ServiceProcess;
let driver: Driver;
let mix: GraphQLRequest[];

beforeAll(async () => {
  const db = testNeo4j();
  driver = openTestDriver();
  service = await startService({ env: { NEO4J_URI: db.uri, NEO4J_USER: db.user, NEO4J_PASSWORD: db.password } });
  mix = await buildLoadMix(driver, service.graphqlUrl);
});

afterAll(async () => {
  await service?.stop();
  await driver?.close();
});

describe('under load', () => {
  it(`answers ${CLIENTS} concurrent clients for ${SECONDS} s with no failure and stable memory`, async () => {
    const kinds = new Set(mix.map((r) => r.name));
    log(`${mix.length} distinct requests: ${[...kinds].join(', ')}`);
    for (const kind of ['entity', 'entityById', 'search', 'neighbourhood', 'paths', 'events']) expect(kinds).toContain(kind);

    // Warm-up: the same load in rounds until at least WARMUP_REQUESTS were served and the RSS has
    // levelled off (a round grew it by under 5 %), at most WARMUP_MAX_SECONDS. V8 sizes its heap
    // to the allocation rate, so the first seconds under load grow the RSS in any healthy process.
    const warmupStarted = performance.now();
    let served = 0;
    let rss = service.rssBytes();
    for (let round = 1; ; round++) {
      const warmup = await runGraphQLLoad({ url: service.graphqlUrl, requests: mix, connections: CLIENTS, durationSec: WARMUP_ROUND_SECONDS });
      served += warmup.requests;
      const grown = service.rssBytes() / rss;
      rss = service.rssBytes();
      log(`${describeLoad(`warm-up round ${round}`, warmup)}; RSS ${mb(rss)} (×${grown.toFixed(2)})`);
      expect(warmup.failures, warmup.samples.join('\n')).toEqual({});
      const levelled = served >= WARMUP_REQUESTS && grown < 1.05;
      if (levelled || performance.now() - warmupStarted > WARMUP_MAX_SECONDS * 1000) break;
    }
    const rssAfterWarmup = service.rssBytes();
    let rssPeak = rssAfterWarmup;
    const result = await runGraphQLLoad({
      url: service.graphqlUrl,
      requests: mix,
      connections: CLIENTS,
      durationSec: SECONDS,
      onTick: () => {
        rssPeak = Math.max(rssPeak, service.rssBytes());
      },
    });
    const rssEnd = service.rssBytes();
    log(describeLoad(`${CLIENTS} clients`, result));
    log(`RSS after warm-up ${mb(rssAfterWarmup)}, peak ${mb(rssPeak)}, end ${mb(rssEnd)} (ratio ${(rssEnd / rssAfterWarmup).toFixed(2)})`);

    expect(result.requests).toBeGreaterThan(0);
    expect(result.failures, result.samples.join('\n')).toEqual({});
    expect(result.connectionErrors).toBe(0);
    expect(result.timeouts).toBe(0);
    expect(result.non2xx).toBe(0);
    expect(result.status5xx).toBe(0);
    expect(result.graphqlErrors).toBe(0);
    expect(service.alive()).toBe(true);
    expect(rssEnd).toBeLessThanOrEqual(rssAfterWarmup * RSS_GROWTH_MAX);
  }, (SECONDS + WARMUP_MAX_SECONDS) * 1000 + 300_000);
});
