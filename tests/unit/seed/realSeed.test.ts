import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { coverageReport, readLedger } from '../../../src/coverage/index.js';
import { DEFAULT_SEED_DIR, readDataset } from '../../../src/seed/index.js';

describe('the curated dataset', () => {
  it('passes seed:check: schema, unique ids, resolved references, every quote verbatim', async () => {
    const ds = await readDataset();
    expect(ds.sources.map((s) => s.entry.id)).toEqual(['doc-000', 'doc-001', 'doc-002', 'doc-003', 'doc-004']);
    expect(ds.people.length + ds.groups.length + ds.places.length + ds.events.length).toBeGreaterThan(40);
  });

  it('has a valid ledger of uncited sentences: each one in its document, none cited after all', async () => {
    const report = coverageReport(await readDataset(), await readLedger(path.join(DEFAULT_SEED_DIR, 'uncited.yaml')));
    expect(report.ledgerIssues).toEqual([]);
  });
});
