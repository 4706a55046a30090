import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';

/**
 * A fresh password: 24 URL-safe characters (Neo4j wants at least 8), starting with a letter or a
 * digit: one starting with `-` is read as an option by command-line tools (neo4j-admin refused it
 * as "Missing required parameter: '<password>'", one CI run in 64).
 */
export function generatePassword(): string {
  for (;;) {
    const password = randomBytes(18).toString('base64url');
    if (/^[A-Za-z0-9]/.test(password)) return password;
  }
}

/** The password kept in `file`, or undefined when there is none. */
export function readPasswordFile(file: string): string | undefined {
  if (!existsSync(file)) return undefined;
  const pw = readFileSync(file, 'utf8').trim();
  return pw === '' ? undefined : pw;
}

/** Keeps the password owner-only (0600): it guards a database on this machine. */
export function writePasswordFile(file: string, password: string): void {
  writeFileSync(file, `${password}\n`, { mode: 0o600 });
  chmodSync(file, 0o600); // mode above applies only when the file is new
}
