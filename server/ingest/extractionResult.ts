// The output of the extractor, as `claimgraph extract` prints it and the review queue
// stores it. Its one schema is model/extraction.ts, shared with the write path; the
// extractor's modules take it from here.
export {
  extractedClaimSchema,
  extractedEntitySchema,
  extractionResultSchema,
  type ExtractedClaim,
  type ExtractedEntity,
  type ExtractionResult,
} from '../model/extraction';
