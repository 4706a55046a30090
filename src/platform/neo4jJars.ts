import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PlatformError } from './PlatformError.js';
import { withFileLock } from './fileLock.js';
import { repoRoot } from './repoPaths.js';

/** The folder of Neo4j jars that `neo4j/pom.xml` assembles (like the tarball's lib/). */
export function neo4jLibDir(): string {
  return path.join(repoRoot(), 'neo4j', 'target', 'lib');
}

/**
 * Makes sure neo4j/target/lib holds the jars that neo4j/pom.xml names, running Maven once if not.
 * A stamp with the pom's hash tells a complete copy from a half-done one or an outdated one.
 */
export async function ensureNeo4jJars(log: (line: string) => void = () => {}): Promise<string> {
  const root = repoRoot();
  const pom = path.join(root, 'neo4j', 'pom.xml');
  const lib = neo4jLibDir();
  const stamp = path.join(root, 'neo4j', 'target', 'lib.stamp');
  const want = createHash('sha256').update(readFileSync(pom)).digest('hex');
  const fresh = (): boolean => existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === want;
  if (fresh()) return lib;

  // Two starters (say `npm test` and `npm start`) may arrive together: one runs Maven.
  return withFileLock(path.join(root, 'neo4j', 'target', 'lib.lock'), 15 * 60_000, async () => {
    if (fresh()) return lib;
    if (spawnSync('mvn', ['-v'], { stdio: 'ignore' }).error) {
      throw new PlatformError(
        'MAVEN_MISSING',
        'Maven (`mvn`) was not found. The local Neo4j is assembled from Maven Central on first use ' +
          '(about 135 MB of jars into ~/.m2, once). Install Maven, e.g. `sudo apt-get install maven` ' +
          'on Debian/Ubuntu or `brew install maven` on macOS, and run the command again; or set ' +
          'NEO4J_URI, NEO4J_USER and NEO4J_PASSWORD to use a Neo4j you already run.',
      );
    }
    log('Fetching the Neo4j jars with Maven (first run only; ~135 MB from Maven Central)…');
    const t0 = Date.now();
    rmSync(lib, { recursive: true, force: true }); // drop jars of an older pom
    const out = spawnSync('mvn', ['-B', '-q', '-f', pom, 'dependency:copy-dependencies'], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    if (out.status !== 0) {
      const tail = `${out.stdout}\n${out.stderr}`.trim().split('\n').slice(-20).join('\n');
      throw new PlatformError(
        'JARS_BUILD_FAILED',
        `Maven could not fetch the Neo4j jars (\`mvn -B -q -f neo4j/pom.xml dependency:copy-dependencies\` ` +
          `exited with ${out.status}). Check that Maven Central is reachable (proxy settings in ` +
          `~/.m2/settings.xml) and run the command again. Maven said:\n${tail}`,
      );
    }
    writeFileSync(stamp, `${want}\n`);
    log(`Neo4j jars ready in ${((Date.now() - t0) / 1000).toFixed(1)} s (${lib}).`);
    return lib;
  });
}
