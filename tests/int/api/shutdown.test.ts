/**
 * Graceful close of the HTTP server: requests in flight when close() is called complete with
 * their real answers, new connections are refused, and close() resolves once they are done.
 */
import http from 'node:http';
import { describe, expect, it } from 'vitest';
import { startApi } from './apiHarness.js';

/** A POST over its own connection (no keep-alive pooling), resolving to status and body. */
function post(url: string, body: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', agent: false, headers: { 'content-type': 'application/json', connection: 'close' } }, (res) => {
      let data = '';
      res.on('data', (c) => (data += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: data }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('server.close()', () => {
  it('lets in-flight requests finish and refuses new connections', async () => {
    const api = await startApi({ drainMs: 20_000 });
    const slow = JSON.stringify({ query: '{ neighbourhood(name: "Syria", depth: 2, first: 300) { nodes { id } edges { id } } }' });
    const inFlight = Array.from({ length: 6 }, () => post(api.server.graphqlUrl, slow));
    // Let the requests reach the server before closing.
    await new Promise((r) => setTimeout(r, 500));
    const closing = api.server.close();
    await new Promise((r) => setTimeout(r, 20));
    const late = await post(api.server.graphqlUrl, slow).then(
      (r) => `answered ${r.status}`,
      (e: NodeJS.ErrnoException) => e.code,
    );
    const results = await Promise.all(inFlight);
    await closing;
    await api.driver.close();
    for (const r of results) {
      expect(r.status).toBe(200);
      expect(JSON.parse(r.body).data.neighbourhood.nodes.length).toBeGreaterThan(10);
    }
    expect(late).toBe('ECONNREFUSED');
  });
});
