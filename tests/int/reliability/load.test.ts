/**
 * The service holds under load: many concurrent keep-alive clients cycling through a mix of real
 * queries (lookups, neighbourhoods, paths, event pages, search, claims) against the service as a
 * child process: no failed request, no 5xx, no GraphQL error, p99 reported, and memory stable
 * (RSS at the end within 1.2× of RSS after the warm-up).
 *
 * `npm test` runs a short version (20 clients, 400 warm-up requests, then 8 s). `npm run test:load`
 * runs the full one: LOAD_CLIENTS=100 LOAD_SECONDS=60 LOAD_WARMUP_REQUESTS=3000.
 */
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeLoad, runGraphQLLoad, type GraphQLRequest } from '../../support/graphqlLoad.js';
import { buildLoadMix } from '../../support/loadMix.js';
import { startService, type ServiceProcess } from '../../support/serviceProcess.js';
import { openTestDriver, testNeo4j } from '../../support/testNeo4j.js';

const CLIENTS = Number(process.env.LOAD_CLIENTS ?? 20);
const SECONDS = Number(process.env.LOAD_SECONDS ?? 8);
/** The warm-up is counted in requests, so a slow machine warms up as much as a fast one. */
const WARMUP_REQUESTS = Number(process.env.LOAD_WARMUP_REQUESTS ?? 400);
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

    const warmup = await runGraphQLLoad({ url: service.graphqlUrl, requests: mix, connections: CLIENTS, durationSec: 0, amount: WARMUP_REQUESTS });
    log(describeLoad('warm-up', warmup));
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
  }, SECONDS * 1000 + 300_000);
});
