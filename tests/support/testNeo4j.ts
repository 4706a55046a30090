/**
 * How integration tests reach the throw-away Neo4j that tests/support/globalSetup.ts started:
 * `const db = testNeo4j()` in a test file, or NEO4J_URI/NEO4J_USER/NEO4J_PASSWORD in a child process.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import { inject } from 'vitest';

/** What globalSetup provides; also typed for `inject('neo4j')`. */
export interface TestNeo4j {
  uri: string;
  user: string;
  password: string;
  /** Set when the harness runs its own instance (undefined with NEO4J_TEST_URI). */
  local?: {
    /** This run's folder: put extra instances in subfolders of it; teardown deletes it. */
    runDir: string;
    home: string;
    boltPort: number;
    httpPort: number;
    browserUrl: string;
    pid: number;
    /** The port Neo4j Browser expects the service on (its post_connect_cmd loads style and guide from it). */
    servicePort: number;
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    neo4j: TestNeo4j;
  }
}

/** The test database's connection details. */
export function testNeo4j(): TestNeo4j {
  return inject('neo4j');
}

/** A driver for the test database; close it in afterAll. */
export function openTestDriver(): Driver {
  const { uri, user, password } = testNeo4j();
  return neo4j.driver(uri, neo4j.auth.basic(user, password));
}
