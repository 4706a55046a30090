/**
 * The loader's Cypher, read once from cypher/seed/ at import time; a missing file fails start-up
 * loudly rather than at the first load.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

export const CYPHER_DIR = path.resolve(import.meta.dirname, '../../cypher');

function read(name: string): string {
  return readFileSync(path.join(CYPHER_DIR, 'seed', `${name}.cypher`), 'utf8');
}

export const seedCypher = {
  pruneNodes: read('prune-nodes'),
  pruneRelationships: read('prune-relationships'),
  mergeSources: read('merge-sources'),
  mergeEntities: read('merge-entities'),
  mergeClaims: read('merge-claims'),
  mergeEntityRelations: read('merge-entity-relations'),
  mergeClaimEntityRelations: read('merge-claim-entity-relations'),
  mergeClaimSourceRelations: read('merge-claim-source-relations'),
  mergeSourceRelations: read('merge-source-relations'),
  counts: read('counts'),
  entityCount: read('entity-count'),
  bumpGraphVersion: read('bump-graph-version'),
  checksumNodes: read('checksum-nodes'),
  checksumRelationships: read('checksum-relationships'),
} as const;
