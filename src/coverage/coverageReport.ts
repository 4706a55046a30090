/** The per-document coverage summary that `npm run seed:coverage` prints and tests assert. */
import type { SeedIssue } from '../seed/SeedValidationError.js';
import type { Dataset } from '../seed/readDataset.js';
import { checkLedger, type Ledger } from './ledger.js';
import { measureCoverage, type CoverageOptions, type SentenceCoverage } from './measureCoverage.js';

export interface DocumentSummary {
  source: string;
  file: string;
  sentences: number;
  cited: number;
  ledgered: number;
  /** Neither cited nor in the ledger: facts not yet curated, or sentences the ledger should explain. */
  unaccounted: SentenceCoverage[];
}

export interface CoverageReport {
  documents: DocumentSummary[];
  /** Problems with the ledger itself (unknown sentences, duplicates, cited-and-ledgered). */
  ledgerIssues: SeedIssue[];
}

export function coverageReport(ds: Dataset, ledger: Ledger, opts: CoverageOptions = {}): CoverageReport {
  const coverage = measureCoverage(ds, opts);
  const entryIds = new Set([ds.people, ds.groups, ds.places, ds.events, ds.claims, ds.relations].flatMap((l) => l.map((x) => x.entry.id)));
  const { ledgered, issues } = checkLedger(ledger, coverage, entryIds);
  const files = new Map(ds.sources.map((s) => [s.entry.id, s.entry.file]));
  return {
    ledgerIssues: issues,
    documents: coverage.map((d) => {
      const inLedger = ledgered.get(d.source) ?? new Set<number>();
      return {
        source: d.source,
        file: files.get(d.source) ?? '',
        sentences: d.sentences.length,
        cited: d.sentences.filter((s) => s.cited).length,
        ledgered: d.sentences.filter((s) => !s.cited && inLedger.has(s.sentence.index)).length,
        unaccounted: d.sentences.filter((s) => !s.cited && !inLedger.has(s.sentence.index)),
      };
    }),
  };
}

/** "61.3%" */
export function percent(n: number, of: number): string {
  return of === 0 ? '—' : `${((100 * n) / of).toFixed(1)}%`;
}
