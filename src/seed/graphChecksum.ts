/**
 * A content checksum of the whole graph (labels, types, endpoints, every property), used to prove
 * that a failed or repeated load changed nothing. Element ids are left out on purpose: they are
 * storage details that differ between two loads of identical content.
 */
import { createHash } from 'node:crypto';
import neo4j, { type Driver } from 'neo4j-driver';
import { seedCypher } from './seedCypher.js';

/** Stable JSON: keys sorted, Neo4j integers and temporal values as strings. */
function canonical(value: unknown): unknown {
  if (neo4j.isInt(value)) return value.toString();
  if (neo4j.isDate(value) || neo4j.isDateTime(value) || neo4j.isLocalDateTime(value)) return value.toString();
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, canonical((value as Record<string, unknown>)[k])]));
  }
  return value;
}

export interface GraphFingerprint {
  nodes: number;
  relationships: number;
  sha256: string;
}

export async function graphChecksum(driver: Driver, database?: string): Promise<GraphFingerprint> {
  const session = driver.session({ database, defaultAccessMode: 'READ' });
  try {
    return await session.executeRead(async (tx) => {
      const hash = createHash('sha256');
      const nodes = await tx.run(seedCypher.checksumNodes);
      const nodeLines = nodes.records.map((r) => JSON.stringify(canonical([r.get('labels'), r.get('props')]))).sort();
      const rels = await tx.run(seedCypher.checksumRelationships);
      const relLines = rels.records
        .map((r) => JSON.stringify(canonical([r.get('type'), r.get('from'), r.get('to'), r.get('props')])))
        .sort();
      for (const line of [...nodeLines, '--', ...relLines]) hash.update(line).update('\n');
      return { nodes: nodeLines.length, relationships: relLines.length, sha256: hash.digest('hex') };
    }, { metadata: { app: 'clashgraph', operation: 'graph.checksum' } });
  } finally {
    await session.close();
  }
}
