import { startLocalNeo4j, type LocalNeo4jOptions } from './localNeo4j.js';

/** How to reach the Neo4j the service should use. */
export interface Neo4jConnection {
  /** bolt://, bolt+s://, neo4j:// (cluster routing) or neo4j+s:// URI, as neo4j-driver takes it. */
  uri: string;
  user: string;
  password: string;
  /** True when this call started (or reused) the local instance; false for a user-supplied server. */
  startedLocally: boolean;
  /** Neo4j Browser for the local instance; undefined for a user-supplied server. */
  browserUrl?: string;
  /** Where the local instance's password is kept; undefined for a user-supplied server. */
  passwordFile?: string;
}

/** The part of the service config that decides which Neo4j to use (names match the env vars). */
export interface Neo4jSettings {
  NEO4J_URI?: string | undefined;
  NEO4J_USER?: string | undefined;
  NEO4J_PASSWORD?: string | undefined;
}

/**
 * The Neo4j for `npm start`: bring-your-own when NEO4J_URI is set (any driver URI, including
 * `neo4j://` routing URIs of a cluster; nothing is started), else the local Community server in
 * .data/neo4j on 127.0.0.1:7687, started or reused and ready for queries when this resolves.
 * Throws a PlatformError whose message tells the user what to do (Java/Maven missing, port busy…).
 *
 * @param settings usually the service config or `process.env`
 * @param local options for the local instance (ports, home; `log` defaults to stderr) — ignored with NEO4J_URI
 */
export async function ensureNeo4j(
  settings: Neo4jSettings = process.env,
  local: LocalNeo4jOptions = {},
): Promise<Neo4jConnection> {
  const uri = settings.NEO4J_URI?.trim();
  if (uri) {
    return {
      uri,
      user: settings.NEO4J_USER || 'neo4j',
      password: settings.NEO4J_PASSWORD ?? '',
      startedLocally: false,
    };
  }
  const started = await startLocalNeo4j({
    ...(settings.NEO4J_PASSWORD ? { password: settings.NEO4J_PASSWORD } : {}),
    // A first start fetches jars and boots a JVM (tens of seconds): say so rather than hang silently.
    log: (line) => process.stderr.write(`[neo4j] ${line}\n`),
    ...local,
  });
  return {
    uri: started.uri,
    user: started.user,
    password: started.password,
    startedLocally: true,
    browserUrl: started.browserUrl,
    passwordFile: started.passwordFile,
  };
}
