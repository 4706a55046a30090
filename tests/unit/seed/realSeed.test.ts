import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { coverageReport, readLedger } from '../../../src/coverage/index.js';
import { ATTRIBUTION_REPORT_ONLY_FILES, DEFAULT_SEED_DIR, checkAttribution, readDataset, type Dataset } from '../../../src/seed/index.js';

describe('the curated dataset', () => {
  let ds: Dataset;
  // Read once: the full validation (every quote against its document) is the slow part.
  beforeAll(async () => {
    ds = await readDataset();
  });

  it('passes seed:check: schema, unique ids, resolved references, every quote verbatim', () => {
    expect(ds.sources.map((s) => s.entry.id)).toEqual(['doc-000', 'doc-001', 'doc-002', 'doc-003', 'doc-004']);
    expect(ds.people.length + ds.groups.length + ds.places.length + ds.events.length).toBeGreaterThan(40);
  });

  it('follows the attribution rule everywhere (seed:check enforces it; no file is exempt)', () => {
    expect(checkAttribution(ds)).toEqual([]);
    expect(ATTRIBUTION_REPORT_ONLY_FILES).toEqual([]);
  });

  it('has a valid ledger of uncited sentences: each one in its document, none cited after all', async () => {
    const report = coverageReport(ds, await readLedger(path.join(DEFAULT_SEED_DIR, 'uncited.yaml')));
    expect(report.ledgerIssues).toEqual([]);
  });
});
