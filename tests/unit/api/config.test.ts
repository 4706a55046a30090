import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../src/config.js';

describe('loadConfig', () => {
  it('defaults to the safe settings', () => {
    expect(loadConfig({})).toEqual({
      nodeEnv: 'development', production: false, host: '127.0.0.1', port: 4000,
      neo4j: { uri: undefined, user: undefined, password: undefined, database: undefined },
      queryTimeoutMs: 10_000, corsOrigins: [], introspection: true, bodyLimit: '100kb', logLevel: 'info',
      responseCache: { maxBytes: 64 * 2 ** 20, versionTtlMs: 250 },
    });
  });

  it('turns introspection off in production unless INTROSPECTION enables it', () => {
    expect(loadConfig({ NODE_ENV: 'production' })).toMatchObject({ production: true, introspection: false });
    expect(loadConfig({ NODE_ENV: 'production', INTROSPECTION: 'true' }).introspection).toBe(true);
    expect(loadConfig({ INTROSPECTION: 'off' }).introspection).toBe(false);
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
