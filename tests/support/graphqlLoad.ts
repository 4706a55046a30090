/**
 * Load against the GraphQL endpoint with autocannon: many keep-alive connections, each cycling
 * through a list of real GraphQL requests. Every response is checked: a non-2xx status or a body
 * with `errors` counts as a failure, tallied by HTTP status and `extensions.code`.
 */
import autocannon from 'autocannon';

export interface GraphQLRequest {
  /** For the failure tally, e.g. `paths`. */
  name: string;
  query: string;
  variables?: Record<string, unknown>;
}

export interface LoadResult {
  requests: number;
  /** Connection errors and timeouts (no HTTP response at all). */
  connectionErrors: number;
  timeouts: number;
  non2xx: number;
  status5xx: number;
  /** 2xx responses whose body carried `errors`. */
  graphqlErrors: number;
  /** Failed responses by `<name> <status> <code>`. */
  failures: Record<string, number>;
  /** Up to 5 failing bodies, for the test's message. */
  samples: string[];
  latency: { p50: number; p90: number; p99: number; max: number; mean: number };
  rps: number;
  durationSec: number;
}

export interface LoadOptions {
  url: string;
  requests: GraphQLRequest[];
  connections: number;
  durationSec: number;
  /** Stop after this many requests instead of after `durationSec`. */
  amount?: number;
  /** Per-request timeout in seconds (autocannon's `timeout`); a request unanswered by then is a failure. Default 30. */
  timeoutSec?: number;
  /** Called by autocannon's 1 s tick. */
  onTick?: () => void;
}

function codesOf(body: string): string {
  try {
    const parsed = JSON.parse(body) as { errors?: { extensions?: { code?: string } }[] };
    return [...new Set((parsed.errors ?? []).map((e) => e.extensions?.code ?? 'NO_CODE'))].join(',') || 'NO_ERRORS';
  } catch {
    return 'NOT_JSON';
  }
}

export async function runGraphQLLoad(opts: LoadOptions): Promise<LoadResult> {
  const failures: Record<string, number> = {};
  const samples: string[] = [];
  let graphqlErrors = 0;
  const record = (name: string, status: number, body: string) => {
    const key = `${name} ${status} ${codesOf(body)}`;
    failures[key] = (failures[key] ?? 0) + 1;
    if (samples.length < 5) samples.push(`${key}: ${body.slice(0, 500)}`);
  };
  const path = new URL(opts.url).pathname;
  const requests = opts.requests.map((r) => ({
    method: 'POST' as const,
    path,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: r.query, variables: r.variables ?? {} }),
    onResponse: (status: number, body: string) => {
      if (status < 200 || status > 299) {
        record(r.name, status, body);
      } else if (/"errors"\s*:/.test(body)) {
        graphqlErrors++;
        record(r.name, status, body);
      }
    },
  }));
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: opts.url,
        connections: opts.connections,
        ...(opts.amount === undefined ? { duration: opts.durationSec } : { amount: opts.amount }),
        timeout: opts.timeoutSec ?? 30,
        requests,
      },
      (err, res) => (err ? reject(err) : resolve(res)),
    );
    if (opts.onTick) instance.on('tick', opts.onTick);
  });
  return {
    requests: result.requests.total,
    connectionErrors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    status5xx: result['5xx'],
    graphqlErrors,
    failures,
    samples,
    latency: {
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      max: result.latency.max,
      mean: result.latency.mean,
    },
    rps: result.requests.average,
    durationSec: result.duration,
  };
}

export function describeLoad(label: string, r: LoadResult): string {
  return (
    `${label}: ${r.requests} requests in ${r.durationSec.toFixed(1)} s (${Math.round(r.rps)}/s), ` +
    `errors ${r.connectionErrors} (timeouts ${r.timeouts}), non-2xx ${r.non2xx} (5xx ${r.status5xx}), ` +
    `GraphQL errors ${r.graphqlErrors}; latency p50 ${r.latency.p50} ms, p90 ${r.latency.p90} ms, ` +
    `p99 ${r.latency.p99} ms, max ${r.latency.max} ms`
  );
}
