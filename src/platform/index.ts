/**
 * src/platform: provides the Neo4j the service and the tests run against — a local Community
 * server assembled from Maven Central, or the user's own server via NEO4J_URI.
 */
export { ensureNeo4j, type Neo4jConnection, type Neo4jSettings } from './ensureNeo4j.js';
export {
  adminImportLocalNeo4j,
  instancePaths,
  type AdminImportOptions,
  localNeo4jStatus,
  startLocalNeo4j,
  stopLocalNeo4j,
  type LocalNeo4j,
  type LocalNeo4jOptions,
  type LocalNeo4jStatus,
} from './localNeo4j.js';
export { PlatformError, type PlatformErrorCode } from './PlatformError.js';
export { defaultNeo4jHome } from './repoPaths.js';
