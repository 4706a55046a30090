/**
 * A minimal client of the V8 inspector protocol for a child process started with
 * `--inspect=127.0.0.1:0`: force a full garbage collection and read `process.memoryUsage()`.
 * Why: RSS sampled mid-load measures how big V8 chose to let its heap grow (it sizes the heap to
 * the allocation rate), not what the process retains; after a forced full GC, the figures
 * compare like with like, so a memory check can catch a leak without tripping on heap sizing.
 */
import WebSocket from 'ws';

export interface MemoryUsage {
  rss: number;
  heapTotal: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
}

export interface InspectorSession {
  /** A full, compacting garbage collection in the inspected process (HeapProfiler.collectGarbage). */
  collectGarbage(): Promise<void>;
  /** `process.memoryUsage()` evaluated in the inspected process. */
  memoryUsage(): Promise<MemoryUsage>;
  close(): Promise<void>;
}

/** The inspector's WebSocket URL from a process's stderr ("Debugger listening on ws://…"). */
export function inspectorUrlFrom(output: string): string | undefined {
  return /Debugger listening on (ws:\/\/\S+)/.exec(output)?.[1];
}

export async function connectInspector(url: string, timeoutMs = 10_000): Promise<InspectorSession> {
  const ws = new WebSocket(url);
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`inspector at ${url} did not answer in ${timeoutMs} ms`)), timeoutMs);
    ws.once('open', () => (clearTimeout(timer), resolve()));
    ws.once('error', (e) => (clearTimeout(timer), reject(e)));
  });
  let nextId = 1;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  ws.on('message', (data) => {
    const msg = JSON.parse(String(data)) as { id?: number; result?: unknown; error?: { message: string } };
    if (msg.id === undefined) return; // an event, not a reply
    const p = pending.get(msg.id);
    pending.delete(msg.id);
    if (msg.error) p?.reject(new Error(`inspector: ${msg.error.message}`));
    else p?.resolve(msg.result);
  });
  ws.on('close', () => {
    for (const p of pending.values()) p.reject(new Error('inspector connection closed'));
    pending.clear();
  });
  const call = (method: string, params: Record<string, unknown> = {}) =>
    new Promise<unknown>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      ws.send(JSON.stringify({ id, method, params }));
    });

  return {
    collectGarbage: async () => {
      await call('HeapProfiler.collectGarbage');
    },
    memoryUsage: async () => {
      const reply = (await call('Runtime.evaluate', {
        expression: 'JSON.stringify(process.memoryUsage())',
        returnByValue: true,
      })) as { result: { value: string } };
      return JSON.parse(reply.result.value) as MemoryUsage;
    },
    close: () =>
      new Promise<void>((resolve) => {
        if (ws.readyState === WebSocket.CLOSED) return resolve();
        ws.once('close', () => resolve());
        ws.close();
      }),
  };
}
