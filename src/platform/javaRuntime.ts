import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { PlatformError } from './PlatformError.js';

/** Neo4j 5.26 LTS runs on these Java feature releases only. */
const SUPPORTED_JAVA = [17, 21];

export interface JavaRuntime {
  /** Path (or bare name on PATH) of the `java` executable. */
  java: string;
  /** Feature release, e.g. 17. */
  version: number;
}

/** `name` resolved against this PATH (so a caller's env, not only ours, decides); '' if absent. */
function lookPath(name: string, pathVar: string): string {
  for (const dir of pathVar.split(path.delimiter)) {
    if (dir && existsSync(path.join(dir, name))) return path.join(dir, name);
  }
  return '';
}

/** The feature release `java -version` reports, or undefined when the binary cannot run. */
function javaVersion(java: string): number | undefined {
  const out = spawnSync(java, ['-version'], { encoding: 'utf8' });
  if (out.error || out.status !== 0) return undefined;
  // e.g. `openjdk version "17.0.15" 2025-04-15` or `java version "1.8.0_412"`
  const m = /version "(\d+)(?:\.(\d+))?/.exec(out.stderr + out.stdout);
  if (!m) return undefined;
  const major = Number(m[1]);
  return major === 1 ? Number(m[2]) : major;
}

/**
 * Finds a Java 17 or 21: `$JAVA_HOME/bin/java` when JAVA_HOME is set, else `java` on PATH, else
 * any JDK under /usr/lib/jvm (Debian keeps several there, and the default may be another release).
 */
export function findJava(env: NodeJS.ProcessEnv = process.env, jvmRoot = '/usr/lib/jvm'): JavaRuntime {
  const candidates: string[] = [];
  if (env.JAVA_HOME) candidates.push(path.join(env.JAVA_HOME, 'bin', 'java'));
  candidates.push(env.PATH === undefined ? 'java' : lookPath('java', env.PATH));
  try {
    for (const d of readdirSync(jvmRoot).sort()) {
      const java = path.join(jvmRoot, d, 'bin', 'java');
      if (existsSync(java)) candidates.push(java);
    }
  } catch {
    // no /usr/lib/jvm: not Debian-like; PATH and JAVA_HOME were all we had
  }

  const seen: string[] = [];
  for (const java of candidates) {
    if (!java) continue;
    const version = javaVersion(java);
    if (version === undefined) continue;
    if (SUPPORTED_JAVA.includes(version)) return { java, version };
    seen.push(`${java} is Java ${version}`);
  }
  if (seen.length === 0) {
    throw new PlatformError(
      'JAVA_MISSING',
      'Java was not found, and the local Neo4j (Community 5.26) needs Java 17 or 21 to run. ' +
        'Install a JDK, e.g. `sudo apt-get install openjdk-17-jre-headless` on Debian/Ubuntu or ' +
        '`brew install openjdk@21` on macOS, make sure `java -version` works (or set JAVA_HOME), ' +
        'and run the command again. To use a Neo4j you already have instead, set NEO4J_URI, ' +
        'NEO4J_USER and NEO4J_PASSWORD.',
    );
  }
  throw new PlatformError(
    'JAVA_VERSION',
    `Neo4j Community 5.26 runs on Java 17 or 21 only, but ${seen.join('; ')}. Install Java 17 or 21 ` +
      '(e.g. `sudo apt-get install openjdk-17-jre-headless`) and put it first on PATH or point ' +
      'JAVA_HOME at it, then run the command again.',
  );
}
