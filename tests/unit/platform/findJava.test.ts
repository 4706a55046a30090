import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findJava } from '../../../src/platform/javaRuntime.js';
import { PlatformError } from '../../../src/platform/PlatformError.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'findjava-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A stand-in `java` that prints a given `-version` banner, as the real one does on stderr. */
function fakeJdk(name: string, banner: string): string {
  const bin = path.join(tmp, name, 'bin');
  mkdirSync(bin, { recursive: true });
  writeFileSync(path.join(bin, 'java'), `#!/bin/sh\necho '${banner}' >&2\n`);
  chmodSync(path.join(bin, 'java'), 0o755);
  return path.join(tmp, name);
}

describe('finding a Java for Neo4j 5.26', () => {
  it('says what to install when there is no Java at all', () => {
    const err = (() => {
      try {
        findJava({ PATH: '' }, path.join(tmp, 'no-jvms'));
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(PlatformError);
    expect(err).toMatchObject({ code: 'JAVA_MISSING' });
    expect((err as Error).message).toContain('apt-get install openjdk-17-jre-headless');
  });

  it('refuses Java 11 and names it, but takes a Java 21 found under the JVM folder', () => {
    const old = fakeJdk('jvms-a/java-11', 'openjdk version "11.0.2" 2019-01-15');
    expect(() => findJava({ PATH: '', JAVA_HOME: old }, path.join(tmp, 'no-jvms'))).toThrow(/Java 11/);
    fakeJdk('jvms-b/java-21', 'openjdk version "21.0.4" 2024-07-16');
    expect(findJava({ PATH: '', JAVA_HOME: old }, path.join(tmp, 'jvms-b'))).toMatchObject({ version: 21 });
  });

  it('reads the old 1.x version scheme as what it is', () => {
    const j8 = fakeJdk('java-8', 'java version "1.8.0_412"');
    expect(() => findJava({ PATH: '', JAVA_HOME: j8 }, path.join(tmp, 'no-jvms'))).toThrow(/Java 8/);
  });
});
