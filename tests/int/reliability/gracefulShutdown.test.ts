/**
 * Graceful shutdown: SIGTERM to the service (a child process) while it is under load. Requests in
 * flight complete with their answer — including one whose body is still arriving when the signal
 * comes — requests after the signal are refused (503 SERVICE_UNAVAILABLE on an open connection,
 * connection refused for a new one), no client sees a reset, and the process exits with code 0
 * within the drain time.
 */
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphQLRequest } from '../../support/graphqlLoad.js';
import { buildLoadMix } from '../../support/loadMix.js';
import { startProbeLoad } from '../../support/probeLoad.js';
import { startService, type ServiceProcess } from '../../support/serviceProcess.js';
import { openTestDriver, testNeo4j } from '../../support/testNeo4j.js';

/** createServer's default drain grace (main.ts passes no other). */
const DRAIN_MS = 10_000;
const log = (line: string) => process.stderr.write(`[graceful-shutdown] ${line}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let service: ServiceProcess;
let mix: GraphQLRequest[];

beforeAll(async () => {
  const db = testNeo4j();
  service = await startService({ env: { NEO4J_URI: db.uri, NEO4J_USER: db.user, NEO4J_PASSWORD: db.password } });
  const driver = openTestDriver();
  try {
    mix = await buildLoadMix(driver, service.graphqlUrl);
  } finally {
    await driver.close();
  }
});

afterAll(async () => {
  await service?.stop('SIGKILL');
});

/** A raw HTTP/1.1 request whose body is sent in two parts, so it is in flight for as long as we like. */
function slowRequest(port: number, body: string) {
  const socket = net.connect({ port, host: '127.0.0.1' });
  let response = '';
  socket.on('data', (c: Buffer) => (response += c.toString('utf8')));
  const done = new Promise<{ status: number; body: string; error?: string }>((resolve) => {
    socket.on('close', () => {
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(response)?.[1] ?? -1);
      resolve({ status, body: response.slice(response.indexOf('\r\n\r\n') + 4) });
    });
    socket.on('error', (err: NodeJS.ErrnoException) => resolve({ status: -1, body: '', error: err.code ?? String(err) }));
  });
  const half = Math.floor(body.length / 2);
  socket.write(
    `POST /graphql HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body.slice(0, half)}`,
  );
  return { finish: () => socket.write(body.slice(half)), done };
}

function tryConnect(port: number): Promise<string> {
  return new Promise((resolve) => {
    const s = net.connect({ port, host: '127.0.0.1' });
    s.once('connect', () => {
      s.destroy();
      resolve('connected');
    });
    s.once('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? String(err)));
  });
}

describe('SIGTERM under load', () => {
  it('lets in-flight requests finish, refuses new ones, and exits 0 within the drain time', async () => {
    const entity = mix.find((r) => r.name === 'entity')!;
    const load = startProbeLoad(service.graphqlUrl, mix, 12);
    await sleep(1_500);

    const slow = slowRequest(service.port, JSON.stringify({ query: entity.query, variables: entity.variables }));
    await sleep(300); // the server has the headers: the request is in flight

    const signalAt = performance.now();
    service.child.kill('SIGTERM');
    await sleep(300);
    const newConnection = await tryConnect(service.port);
    slow.finish();
    const slowResult = await slow.done;

    const exit = await Promise.race([service.exited, sleep(DRAIN_MS + 5_000).then(() => 'still running')]);
    const exitedAfter = performance.now() - signalAt;
    const probes = await load.stop();

    const before = probes.filter((p) => p.sentAt < signalAt);
    const inFlight = before.filter((p) => p.doneAt > signalAt);
    const after = probes.filter((p) => p.sentAt > signalAt + 200);
    const outcome = (p: (typeof probes)[number]) => (p.status === -1 ? `no response (${p.failure})` : `${p.status} ${p.codes.join(',') || 'data'}`);
    const tally = (list: typeof probes) => {
      const t = new Map<string, number>();
      for (const p of list) t.set(outcome(p), (t.get(outcome(p)) ?? 0) + 1);
      return [...t].map(([k, n]) => `${n}× ${k}`).join(', ');
    };
    log(`exit ${exit} ${Math.round(exitedAfter)} ms after SIGTERM; new connection after SIGTERM: ${newConnection}; slow request: ${slowResult.status}`);
    log(`${probes.length} requests; sent before SIGTERM: ${tally(before)}; of those in flight at SIGTERM: ${tally(inFlight)}; sent after: ${tally(after)}`);

    expect(exit).toBe(0);
    expect(exitedAfter).toBeLessThan(DRAIN_MS);
    expect(newConnection).toBe('ECONNREFUSED');

    // The request still arriving at SIGTERM was answered in full.
    expect(slowResult.status).toBe(200);
    const slowBody = JSON.parse(slowResult.body) as { data?: { entity?: { id?: string } }; errors?: unknown };
    expect(slowBody.errors).toBeUndefined();
    expect(slowBody.data?.entity?.id).toBeTruthy();

    // Nobody was cut off: every request sent before the signal got an HTTP answer, either its data
    // or a clean refusal; those in flight at the signal finished with their data or were refused.
    expect(before.filter((p) => p.status === -1).map(outcome)).toEqual([]);
    expect(before.filter((p) => !(p.status === 200 && p.codes.length === 0) && !(p.status === 503 && p.codes.join() === 'SERVICE_UNAVAILABLE')).map(outcome)).toEqual([]);
    expect(inFlight.some((p) => p.status === 200 && p.codes.length === 0)).toBe(true);
    // After the signal nothing new is served: a clean 503 or a refused connection.
    expect(after.length).toBeGreaterThan(0);
    expect(after.filter((p) => !(p.status === 503 && p.codes.join() === 'SERVICE_UNAVAILABLE') && p.failure !== 'ECONNREFUSED').map(outcome)).toEqual([]);
  }, 60_000);
});
