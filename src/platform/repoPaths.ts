import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The repository root: the nearest folder above this module holding `neo4j/pom.xml`.
 * Walking up (rather than a fixed `../..`) keeps it right when run from `dist/` too.
 */
export function repoRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(path.join(dir, 'neo4j', 'pom.xml'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('Cannot find the repository root (no neo4j/pom.xml above src/platform).');
    dir = parent;
  }
}

/** Where the developer's own Neo4j lives unless told otherwise (git-ignored). */
export function defaultNeo4jHome(): string {
  return path.join(repoRoot(), '.data', 'neo4j');
}
