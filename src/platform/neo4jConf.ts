/** Memory for one local Neo4j; small, because a 2-core machine also runs the tests beside it. */
export interface Neo4jMemory {
  heapInitial: string;
  heapMax: string;
  pageCache: string;
}

export const DEFAULT_MEMORY: Neo4jMemory = { heapInitial: '256m', heapMax: '1g', pageCache: '256m' };

/**
 * JVM flags the standalone tarball's neo4j.conf passes (`server.jvm.additional`). The add-opens
 * and Netty flag are required on Java 17+; the rest match the tarball's defaults, minus
 * -XX:+AlwaysPreTouch, which would slow start-up for no gain on a small heap.
 */
export const JVM_ADDITIONAL = [
  '-XX:+UseG1GC',
  '-XX:-OmitStackTraceInFastThrow',
  '-XX:+UnlockExperimentalVMOptions',
  '-XX:+TrustFinalNonStaticFields',
  '-XX:+DisableExplicitGC',
  '-XX:+ExitOnOutOfMemoryError',
  '-Djdk.nio.maxCachedBufferSize=1024',
  '-Dio.netty.tryReflectionSetAccessible=true',
  '-Djdk.tls.ephemeralDHKeySize=2048',
  '-Djdk.tls.rejectClientInitiatedRenegotiation=true',
  '-XX:FlightRecorderOptions=stackdepth=256',
  '-XX:+UnlockDiagnosticVMOptions',
  '-XX:+DebugNonSafepoints',
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '-Dlog4j2.disable.jmx=true',
  '-Dlog4j.layout.jsonTemplate.maxStringLength=32768',
];

/** Where `npm start` serves by default; the Browser loads its style and guide from there. */
export const DEFAULT_SERVICE_URL = 'http://127.0.0.1:4000';

/**
 * Neo4j Browser, on connect, applies the service's style and opens its guide in the sidebar
 * (Browser 5: `browser.post_connect_cmd` is `;`-separated commands without the colon; a guide URL
 * ending in .md is read as Markdown, `---` between slides). The Browser fetches remote content
 * only from hosts in the remote-content allowlist (Neo4j 5.26 still spells the setting
 * `browser.remote_content_hostname_whitelist`; Browser 5 reads that key), and the service's CORS lets
 * only the Browser's origin read them (src/server/explorer.ts).
 */
export function browserSettings(serviceUrl: string): string[] {
  const base = serviceUrl.replace(/\/+$/, '');
  const { hostname } = new URL(base);
  return [
    `browser.post_connect_cmd=style ${base}/neo4j-browser/style.grass; guide ${base}/neo4j-browser/guide.md`,
    `browser.remote_content_hostname_whitelist=${[...new Set([hostname, 'localhost'])].join(',')}`,
  ];
}

/**
 * The neo4j.conf of a local instance. Everything binds to 127.0.0.1 (never a public interface),
 * auth stays on, and strict validation stays on so a mistyped setting stops start-up.
 * Directories default to <home>/data, <home>/logs, … because the server gets --home-dir.
 */
export function renderNeo4jConf(opts: { boltPort: number; httpPort: number; memory: Neo4jMemory; serviceUrl?: string }): string {
  const { boltPort, httpPort, memory } = opts;
  const lines = [
    '# Written by src/platform/localNeo4j.ts at every start: edits here are overwritten.',
    'server.config.strict_validation.enabled=true',
    'server.default_listen_address=127.0.0.1',
    'server.default_advertised_address=127.0.0.1',
    `server.bolt.listen_address=127.0.0.1:${boltPort}`,
    `server.bolt.advertised_address=127.0.0.1:${boltPort}`,
    'server.bolt.enabled=true',
    `server.http.listen_address=127.0.0.1:${httpPort}`,
    `server.http.advertised_address=127.0.0.1:${httpPort}`,
    'server.http.enabled=true',
    // Neo4j's HTTP API answers CORS `*` by default, so any web page could call it with the user's
    // credentials typed in; Neo4j Browser is served from this very origin and needs nothing more.
    `dbms.security.http_access_control_allow_origin=http://127.0.0.1:${httpPort}`,
    'server.https.enabled=false',
    'dbms.security.auth_enabled=true',
    `server.memory.heap.initial_size=${memory.heapInitial}`,
    `server.memory.heap.max_size=${memory.heapMax}`,
    `server.memory.pagecache.size=${memory.pageCache}`,
    // Transaction logs are preallocated per rotation (256 MiB by default, per database): 32 MiB
    // keeps each instance, and each throw-away test instance, at ~70 MB instead of ~520 MB.
    'db.tx_log.rotation.size=32M',
    // Keep the server and Browser from phoning home (CI machines have no internet anyway).
    'client.allow_telemetry=false',
    'dbms.usage_report.enabled=false',
    ...browserSettings(opts.serviceUrl ?? DEFAULT_SERVICE_URL),
    // Bolt's Netty waits a 5 s quiet period twice on shutdown; nothing needs it on a local
    // instance, and it made every db:stop (and each test run) 10 s slower. Internal setting of
    // 5.26: strict validation will flag it if a Neo4j upgrade drops it.
    'internal.dbms.bolt.netty_server_shutdown_quiet_period=0',
    ...JVM_ADDITIONAL.map((flag) => `server.jvm.additional=${flag}`),
  ];
  return `${lines.join('\n')}\n`;
}
