/**
 * A content checksum of the whole graph (labels, types, endpoints, every property), used to prove
 * that a failed or repeated load changed nothing. Element ids are left out on purpose: they are
 * storage details that differ between two loads of identical content.
 */
import { createHash } from 'node:crypto';
import neo4j, { type Driver } from 'neo4j-driver';
import { seedCypher } from './seedCypher.js';

/** Stable JSON: keys sorted, Neo4j integers and temporal values as strings. */
function canonical(value: unknown, dropEmptyLists = false): unknown {
  if (neo4j.isInt(value)) return value.toString();
  if (neo4j.isDate(value) || neo4j.isDateTime(value) || neo4j.isLocalDateTime(value)) return value.toString();
  if (Array.isArray(value)) return value.map((v) => canonical(v, dropEmptyLists));
  if (value !== null && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    const keys = Object.keys(obj).sort().filter((k) => !(dropEmptyLists && Array.isArray(obj[k]) && (obj[k] as unknown[]).length === 0));
    return Object.fromEntries(keys.map((k) => [k, canonical(obj[k], dropEmptyLists)]));
  }
  return value;
}

export interface GraphFingerprint {
  nodes: number;
  relationships: number;
  sha256: string;
}

/**
 * `dropEmptyLists`: leave out properties that hold an empty list, for comparing with a graph
 * loaded by `neo4j-admin database import` (CSV cannot say "an empty list": it imports as none).
 */
export async function graphChecksum(driver: Driver, database?: string, { dropEmptyLists = false } = {}): Promise<GraphFingerprint> {
  const session = driver.session({ database, defaultAccessMode: 'READ' });
  try {
    return await session.executeRead(async (tx) => {
      const hash = createHash('sha256');
      const nodes = await tx.run(seedCypher.checksumNodes);
      const nodeLines = nodes.records.map((r) => JSON.stringify(canonical([r.get('labels'), r.get('props')], dropEmptyLists))).sort();
      const rels = await tx.run(seedCypher.checksumRelationships);
      const relLines = rels.records
        .map((r) => JSON.stringify(canonical([r.get('type'), r.get('from'), r.get('to'), r.get('props')], dropEmptyLists)))
        .sort();
      for (const line of [...nodeLines, '--', ...relLines]) hash.update(line).update('\n');
      return { nodes: nodeLines.length, relationships: relLines.length, sha256: hash.digest('hex') };
    }, { metadata: { app: 'clashgraph', operation: 'graph.checksum' } });
  } finally {
    await session.close();
  }
}
