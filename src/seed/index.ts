/** The seed pipeline's public surface: read → validate → rows → load. */
import { readDatasetFiles, DEFAULT_SEED_DIR, type Dataset } from './readDataset.js';
import { SeedValidationError } from './SeedValidationError.js';
import { validateDataset } from './validateDataset.js';
import { applyDrafts } from './readDrafts.js';
import { validateCommonNames } from './commonNames.js';

export { applySchema } from './applySchema.js';
export { loadDataset, loadRowsBatched, bumpGraphVersion, countEntities, countGraph, type Counts, type LoadOptions } from './loadDataset.js';
export { toGraphRows, type GraphRows } from './toGraphRows.js';
export { SeedValidationError, formatSeedIssue, type SeedIssue } from './SeedValidationError.js';
export { graphChecksum, type GraphFingerprint } from './graphChecksum.js';
export { DEFAULT_SEED_DIR, type Dataset } from './readDataset.js';
export {
  checkAttribution, attributionVerdict, DEFAULT_ATTRIBUTION_MODE, ATTRIBUTION_REPORT_ONLY_FILES, type AttributionMode,
} from './attribution.js';
export { applyDrafts, REVIEW_STATES, type ReviewState, type DraftSummary } from './readDrafts.js';

/** Reads and fully validates the dataset; throws SeedValidationError listing every problem. */
export async function readDataset(seedDir: string = DEFAULT_SEED_DIR): Promise<Dataset> {
  const { dataset, issues, invalidIds } = await readDatasetFiles(seedDir);
  issues.push(...(await applyDrafts(dataset, seedDir))); // ingestion drafts: only accepted entries join
  // Cross-checks run even when some entries failed their schema, so one run shows everything.
  const all = [...issues, ...validateDataset(dataset, invalidIds), ...validateCommonNames(dataset)];
  if (all.length > 0) throw new SeedValidationError(all);
  return dataset;
}
