import { describe, expect, it } from 'vitest';
import type { Executor } from '../../../src/db/executor.js';
import { graphVersionReader } from '../../../src/server/responseCache.js';

/** An executor whose graph.version answers come from a counter (no database: this is the reader's own logic). */
function versions() {
  let version = 1;
  let reads = 0;
  const executor = {
    async read(query: string) {
      expect(query).toBe('graph.version');
      reads++;
      return [{ version }];
    },
  } as unknown as Executor;
  return { executor, bump: () => version++, reads: () => reads };
}

describe('graphVersionReader', () => {
  it('re-reads the version once the TTL has passed, and shares one read between concurrent callers', async () => {
    let now = 0;
    const v = versions();
    const reader = graphVersionReader(v.executor, 250, () => now);
    expect(await Promise.all([reader.current(), reader.current(), reader.current()])).toEqual([1, 1, 1]);
    expect(v.reads()).toBe(1);
    v.bump();
    now = 100;
    expect(await reader.current()).toBe(1); // within the TTL: the version read at 0
    now = 250;
    expect(await reader.current()).toBe(2);
    expect(v.reads()).toBe(2);
  });

  it('with TTL 0 reads the version for every request', async () => {
    const v = versions();
    const reader = graphVersionReader(v.executor, 0, () => 0);
    await reader.current();
    v.bump();
    expect(await reader.current()).toBe(2);
    expect(v.reads()).toBe(2);
  });
});
