import { describe, expect, it } from 'vitest';
import { ConfigError, defaultHeavySlots, loadConfig } from '../../../src/config.js';

describe('loadConfig', () => {
  it('defaults to the safe settings: production, loopback, loopback Host names, bounded answers', () => {
    expect(loadConfig({})).toEqual({
      nodeEnv: 'production', production: true, host: '127.0.0.1', port: 4000,
      neo4j: { uri: undefined, user: undefined, password: undefined, database: undefined },
      queryTimeoutMs: 10_000, corsOrigins: [], introspection: true, bodyLimit: '100kb', logLevel: 'info',
      responseCache: { maxBytes: 64 * 2 ** 20, versionTtlMs: 250 },
      allowedHosts: ['localhost', '127.0.0.1', '[::1]'], responseMaxBytes: 4 * 1024 * 1024,
      concurrency: { global: 32, perClient: 16, heavy: defaultHeavySlots(), heavyPerClient: 8, queueWaitMs: 20_000 }, socketTimeoutMs: 30_000,
    });
    // Half the cores, at least one: heavy work is CPU-bound, more slots only starve light requests.
    expect(defaultHeavySlots()).toBeGreaterThanOrEqual(1);
  });

  it('shows internals only in development: "test" is as guarded as production', () => {
    expect(loadConfig({ NODE_ENV: 'development' }).production).toBe(false);
    expect(loadConfig({ NODE_ENV: 'test' }).production).toBe(true);
  });

  it('keeps introspection on (the schema is public) unless INTROSPECTION turns it off', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).introspection).toBe(true);
    expect(loadConfig({ INTROSPECTION: 'off' }).introspection).toBe(false);
  });

  it('allows the Host names of loopback, HOST, PUBLIC_HOSTNAME and ALLOWED_HOSTS, lower-cased', () => {
    expect(loadConfig({ HOST: '0.0.0.0', PUBLIC_HOSTNAME: 'Graph.Example.org', ALLOWED_HOSTS: 'a.example, b.example' }).allowedHosts)
      .toEqual(['localhost', '127.0.0.1', '[::1]', 'graph.example.org', 'a.example', 'b.example']);
    expect(loadConfig({ HOST: '192.168.1.5' }).allowedHosts).toContain('192.168.1.5');
    expect(loadConfig({ HOST: 'fd00::5' }).allowedHosts).toContain('[fd00::5]');
  });

  it('reads the comma-separated CORS origins and treats empty variables as unset', () => {
    expect(loadConfig({ CORS_ORIGINS: ' https://a.example , https://b.example,' }).corsOrigins).toEqual(['https://a.example', 'https://b.example']);
    expect(loadConfig({ PORT: '', NEO4J_URI: '' })).toMatchObject({ port: 4000, neo4j: { uri: undefined } });
  });

  it('names every invalid variable, without echoing values', () => {
    let err: unknown;
    try {
      loadConfig({ PORT: 'eighty', QUERY_TIMEOUT_MS: '-1', BODY_LIMIT: 'lots', NODE_ENV: 'staging', NEO4J_PASSWORD: 'hunter2hunter2' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    const message = (err as Error).message;
    for (const v of ['PORT', 'QUERY_TIMEOUT_MS', 'BODY_LIMIT', 'NODE_ENV']) expect(message).toContain(v);
    expect(message).not.toContain('hunter2');
  });
});
