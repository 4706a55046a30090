/** Coverage of the documents by the dataset: which sentences are cited, ledgered, or neither. */
export { measureCoverage, allCitations, type DocumentCoverage, type SentenceCoverage, type CoverageOptions } from './measureCoverage.js';
export { readLedger, checkLedger, UNCITED_REASONS, type Ledger, type LedgerEntry } from './ledger.js';
export { coverageReport, percent, type CoverageReport, type DocumentSummary } from './coverageReport.js';
