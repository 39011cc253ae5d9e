// Small evidence graphs written out in the test, for testing the queries directly (not
// through HTTP): entities, documents and claims as literal records, checked and resolved
// by the loader's own step 2 (so quotes must occur in their documents, and get their
// offsets) and built by the real buildGraph, with the real vocabulary. A fixture that the
// loader would refuse throws with the loader's messages instead of building a graph that
// real data could never give.
import fs from 'node:fs';
import path from 'node:path';
import { buildGraph } from '../../../server/graph/buildGraph';
import type { EvidenceGraph } from '../../../server/model/evidenceGraph';
import { resolveDataset } from '../../../server/load/resolveDataset';
import type { Dataset } from '../../../server/model/dataset';
import {
  claimSchema,
  documentSchema,
  entitySchema,
  type Claim,
  type DocumentRecord,
  type EntityInput,
} from '../../../server/model/records';
import { vocabularySchema } from '../../../server/model/vocabulary';
import { buildSearchIndex, type SearchIndex } from '../../../server/queries/searchIndex';
import { simpleProjection, type ProjectedGraph } from '../../../server/queries/simpleProjection';
import { statusRank } from '../../../server/queries/statusRank';

const vocabularyFile = path.join(__dirname, '..', '..', '..', 'graph-data', 'vocabulary.json');
const vocabulary = vocabularySchema.parse(JSON.parse(fs.readFileSync(vocabularyFile, 'utf8')));

export interface LiteralData {
  entities: EntityInput[];
  documents?: DocumentRecord[];
  claims?: Claim[];
}

export interface LiteralGraph {
  graph: EvidenceGraph;
  dataset: Dataset;
  /** What the store derives from each graph version: the search index and the simple projection. */
  index: SearchIndex;
  projection: ProjectedGraph;
  rank: (status: string) => number;
}

export function literalGraph({ entities, documents = [], claims = [] }: LiteralData): LiteralGraph {
  const { dataset, problems } = resolveDataset({
    dataDir: '/literal',
    vocabulary,
    vocabularyFile,
    entities: entities.map((record, index) => ({ file: 'entities.json', index, record: entitySchema.parse(record) })),
    claims: claims.map((record, index) => ({ file: 'claims.json', index, record: claimSchema.parse(record) })),
    documents: documents.map((document) => ({
      file: `documents/${document.id}.txt`,
      document: documentSchema.parse(document),
    })),
    redirects: [],
    rejectedIds: { entities: new Set(), documents: new Set() },
    problems: [],
    contentHash: 'literal',
  });
  if (!dataset)
    throw new Error(
      `the literal data does not load:\n${problems.map((p) => `${p.file} [${p.index}] ${p.field ?? ''}: ${p.message}`).join('\n')}`,
    );
  const graph = buildGraph(dataset);
  return {
    graph,
    dataset,
    index: buildSearchIndex(graph),
    projection: simpleProjection(graph),
    rank: statusRank(dataset.vocabulary),
  };
}
