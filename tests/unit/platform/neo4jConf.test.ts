import { describe, expect, it } from 'vitest';
import { DEFAULT_MEMORY, renderNeo4jConf } from '../../../src/platform/neo4jConf.js';

const conf = renderNeo4jConf({ boltPort: 17687, httpPort: 17474, memory: DEFAULT_MEMORY });
const settings = new Map(
  conf
    .split('\n')
    .filter((l) => l && !l.startsWith('#') && !l.startsWith('server.jvm.additional='))
    .map((l) => l.split('=', 2) as [string, string]),
);

describe('the neo4j.conf of a local instance', () => {
  it('binds Bolt and HTTP to 127.0.0.1 on the requested ports and turns HTTPS off', () => {
    expect(settings.get('server.default_listen_address')).toBe('127.0.0.1');
    expect(settings.get('server.bolt.listen_address')).toBe('127.0.0.1:17687');
    expect(settings.get('server.http.listen_address')).toBe('127.0.0.1:17474');
    expect(settings.get('server.https.enabled')).toBe('false');
  });

  // Regression (issue 9, finding 6): Neo4j's HTTP endpoint answered CORS `*`.
  it('allows cross-origin HTTP only from its own origin (where Neo4j Browser is served)', () => {
    expect(settings.get('dbms.security.http_access_control_allow_origin')).toBe('http://127.0.0.1:17474');
  });

  it('keeps auth on and strict validation on', () => {
    expect(settings.get('dbms.security.auth_enabled')).toBe('true');
    expect(settings.get('server.config.strict_validation.enabled')).toBe('true');
  });

  it('sets the small heap and page cache', () => {
    expect(settings.get('server.memory.heap.max_size')).toBe('1g');
    expect(settings.get('server.memory.pagecache.size')).toBe('256m');
  });

  it('passes the add-opens flags Neo4j needs on Java 17+', () => {
    expect(conf).toContain('server.jvm.additional=--add-opens=java.base/java.nio=ALL-UNNAMED');
    expect(conf).toContain('server.jvm.additional=-Dio.netty.tryReflectionSetAccessible=true');
  });
});

describe('Neo4j Browser on connect', () => {
  it('loads the service style and opens its guide, from the default service URL', () => {
    expect(settings.get('browser.post_connect_cmd')).toBe(
      'style http://127.0.0.1:4000/neo4j-browser/style.grass; guide http://127.0.0.1:4000/neo4j-browser/guide.md',
    );
    expect(settings.get('browser.remote_content_hostname_whitelist')?.split(',')).toContain('127.0.0.1');
  });

  it('follows the service URL it is given', () => {
    const other = renderNeo4jConf({ boltPort: 1, httpPort: 2, memory: DEFAULT_MEMORY, serviceUrl: 'http://127.0.0.1:4050/' });
    expect(other).toContain('browser.post_connect_cmd=style http://127.0.0.1:4050/neo4j-browser/style.grass; guide http://127.0.0.1:4050/neo4j-browser/guide.md\n');
  });
});
