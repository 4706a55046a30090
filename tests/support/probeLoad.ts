/**
 * A steady request load that records every response with its timing, for tests that change
 * something underneath (stop Neo4j, send SIGTERM) and then ask what each request saw and when.
 * `workers` loops each keep one request in flight, cycling through `requests`.
 */
import type { GraphQLRequest } from './graphqlLoad.js';

export interface Probe {
  /** Which request of the mix. */
  name: string;
  /** performance.now() at send and at the end of the response (or failure). */
  sentAt: number;
  doneAt: number;
  /** HTTP status, or -1 when no response came (connection refused, reset, timeout). */
  status: number;
  /** `extensions.code` of each error, in order. */
  codes: string[];
  /** Parsed body, when it was JSON. */
  body?: { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] };
  /** The fetch failure, when status is -1. */
  failure?: string;
}

export interface ProbeLoad {
  probes: Probe[];
  /** Stops sending and resolves once every in-flight request has finished. */
  stop(): Promise<Probe[]>;
}

export async function sendProbe(url: string, r: GraphQLRequest, timeoutMs = 30_000): Promise<Probe> {
  const sentAt = performance.now();
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: r.query, variables: r.variables ?? {} }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await res.text();
    let body: Probe['body'];
    try {
      body = JSON.parse(text) as Probe['body'];
    } catch {
      body = undefined;
    }
    const codes = (body?.errors ?? []).map((e) => e.extensions?.code ?? 'NO_CODE');
    return { name: r.name, sentAt, doneAt: performance.now(), status: res.status, codes, body };
  } catch (err) {
    const cause = (err as { cause?: { code?: string } }).cause?.code;
    return { name: r.name, sentAt, doneAt: performance.now(), status: -1, codes: [], failure: cause ?? String(err) };
  }
}

export function startProbeLoad(url: string, requests: GraphQLRequest[], workers: number): ProbeLoad {
  const probes: Probe[] = [];
  let running = true;
  let next = 0;
  const loops = Array.from({ length: workers }, async () => {
    while (running) {
      const r = requests[next++ % requests.length]!;
      probes.push(await sendProbe(url, r));
    }
  });
  return {
    probes,
    stop: async () => {
      running = false;
      await Promise.all(loops);
      return probes;
    },
  };
}

/** Percentile (0–100) of a list of numbers; NaN for an empty list. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
