/** Ingestion's public surface: a report → a reviewable draft of cited facts. */
export { buildDraft, buildDraftFrom, type DraftModel, type DocumentMeta, type NewEntity } from './buildDraft.js';
export { ingestDocument, documentText, type IngestResult } from './ingestDocument.js';
export { registerSource, IngestRefusal, type SourceInput } from './registerSource.js';
export { listDraft, setReview, draftPath } from './review.js';
export { draftToObject, draftToYaml } from './writeDraft.js';
export { knownEntities, type KnownEntity } from './knownEntities.js';
