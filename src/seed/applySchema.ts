/**
 * Applies cypher/schema/*.cypher (constraints, indexes, the full-text index) in file order.
 * Every statement is idempotent (IF NOT EXISTS). Schema changes cannot share a transaction with
 * data writes, so each statement runs in its own; then we wait for the indexes to come online.
 */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import { CYPHER_DIR } from './seedCypher.js';

/** Splits a schema file into statements: `;` at a line end ends one; `//` lines are comments. */
export function schemaStatements(text: string): string[] {
  return text
    .split('\n')
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n')
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** `awaitSeconds`: how long to wait for indexes to come online (populating them over an imported million-node store takes minutes). */
export async function applySchema(driver: Driver, database?: string, awaitSeconds = 120): Promise<number> {
  const dir = path.join(CYPHER_DIR, 'schema');
  const files = (await readdir(dir)).filter((f) => f.endsWith('.cypher')).sort();
  const session = driver.session({ database, defaultAccessMode: 'WRITE' });
  let applied = 0;
  try {
    for (const file of files) {
      for (const statement of schemaStatements(await readFile(path.join(dir, file), 'utf8'))) {
        await session.executeWrite((tx) => tx.run(statement), { metadata: { app: 'clashgraph', operation: `schema.${file}` } });
        applied++;
      }
    }
    await session.run('CALL db.awaitIndexes($seconds)', { seconds: neo4j.int(awaitSeconds) });
  } finally {
    await session.close();
  }
  return applied;
}
