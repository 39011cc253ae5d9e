// The start-up cache: the resolved dataset of a data folder (every record checked, every
// quote located) and its claims grouped into relations in the graph's order, kept in
// `.claimgraph/startup/` (or CLAIMGRAPH_CACHE_DIR/startup/), so a restart on unchanged
// files skips reading, checking and resolving 480 MB of JSON and 50,000 documents,
// grouping a million claims and sorting 690,000 relations, and goes straight to adding
// them to the graph (measured in README, Performance). It is keyed by the folder's files
// (startupKey.ts) and read only when the key is the folder's as it is now: any change to
// the data (a write's journal line, an edited file, a new document) makes the next start
// load the folder as before. A damaged cache is said in one line and ignored; a missing
// one or one of other data, silently. Written after the server answers (the server waits
// until its layout is ready, so the write does not add to the start's peak memory),
// section by section between requests, and given up if the folder's key moves meanwhile
// (a write appends to the journal). Best effort: a folder it cannot write to (read-only)
// keeps no cache.
import crypto from 'node:crypto';
import path from 'node:path';
import { cacheDir } from '../../config';
import type { Dataset, ResolvedClaim } from '../../model/dataset';
import type { EdgeClaim } from '../../model/graph';
import type { EvidenceGraph } from '../../model/evidenceGraph';
import type { EntityRedirect } from '../../model/entityRedirects';
import type { GivenPositions } from '../../model/layoutFile';
import type { DocumentRecord, Entity } from '../../model/records';
import { indexVocabulary, type Vocabulary, type VocabularyIndex } from '../../model/vocabulary';
import { ensureStateFolder, stateFolder } from '../../paths';
import { groupOf, type ClaimGroup } from '../groupClaims';
import { CorruptCacheError, readHeader, readSections, writeCacheFile } from './cacheFile';
import { ClaimRowReader, ClaimRowWriter } from './claimRows';
import { STARTUP_CACHE_FORMAT, startupKey, startupKeyBetweenRequests } from './startupKey';

export const STARTUP_CACHE_SUBFOLDER = 'startup';

/** Records per section: a few MB of JSON each, so writing one holds the event loop briefly. */
const CHUNK = 20_000;
const DOCUMENT_CHUNK = 2_000;
const RELATION_CHUNK = 100_000;

/** Where the start-up cache of `dataDir` is: one file per data folder. */
export function startupCacheFile(dataDir: string): string {
  const shared = cacheDir();
  if (shared === undefined) return path.join(stateFolder(dataDir), STARTUP_CACHE_SUBFOLDER, 'dataset.cache');
  const folder = crypto.createHash('sha256').update(path.resolve(dataDir)).digest('hex').slice(0, 32);
  return path.join(shared, STARTUP_CACHE_SUBFOLDER, `${folder}.cache`);
}

interface Meta {
  contentHash: string;
  vocabulary: Vocabulary;
  redirects: EntityRedirect[];
  positions?: GivenPositions;
}

function* chunks<T>(name: string, items: readonly T[], size: number) {
  for (let start = 0; start < items.length || start === 0; start += size)
    yield { name, value: () => items.slice(start, start + size) };
}

/**
 * The graph's relations in its order, each as its claims' positions in dataset.claims:
 * sections of [count, position, position…, count, …].
 */
function* relationSections(dataset: Dataset, graph: EvidenceGraph) {
  let positions: Map<string, number> | undefined;
  let edges: string[] = [];
  for (let start = 0; start === 0 || start < edges.length; start += RELATION_CHUNK)
    yield {
      name: 'relations',
      value: () => {
        if (!positions) {
          positions = new Map(dataset.claims.map((claim, position) => [claim.id, position]));
          edges = graph.edges();
        }
        const flat: number[] = [];
        for (const edge of edges.slice(start, start + RELATION_CHUNK)) {
          const claims = graph.getEdgeAttribute(edge, 'claims');
          flat.push(claims.length);
          for (const claim of claims) flat.push(positions.get(claim.id)!);
        }
        return flat;
      },
    };
}

/** The dataset and the graph's relations as sections of plain JSON, the claims as rows (claimRows.ts). */
function* sectionsOf(dataset: Dataset, graph: EvidenceGraph) {
  const meta: Meta = {
    contentHash: dataset.contentHash,
    vocabulary: dataset.vocabulary.vocabulary,
    redirects: [...dataset.redirects.values()],
  };
  if (dataset.positions) meta.positions = dataset.positions;
  yield { name: 'meta', value: () => meta };
  yield* chunks('entities', [...dataset.entities.values()], CHUNK);
  yield* chunks('documents', [...dataset.documents.values()], DOCUMENT_CHUNK);
  const rows = new ClaimRowWriter({
    entities: dataset.entities.keys(),
    edgeTypes: dataset.vocabulary.edgeTypes.keys(),
    stances: dataset.vocabulary.stances.keys(),
    documents: dataset.documents.values(),
  });
  yield {
    name: 'shapes',
    value: () => {
      for (const claim of dataset.claims) rows.shapeOf(claim);
      return rows.shapes;
    },
  };
  for (let start = 0; start < dataset.claims.length; start += CHUNK)
    yield { name: 'claims', value: () => dataset.claims.slice(start, start + CHUNK).map((claim) => rows.row(claim)) };
  yield* relationSections(dataset, graph);
}

/** A relation from the cache: its claims, and the copies of them its edge carries, made with them. */
export type CachedGroup = ClaimGroup & { edgeClaims: EdgeClaim[] };

/**
 * Reads the dataset and its relations section by section; ids are the entities', the
 * vocabulary's and the documents' own strings, as the loader's are.
 */
class DatasetReader {
  private meta?: Meta;
  private vocabulary?: VocabularyIndex;
  private readonly entities = new Map<string, Entity>();
  private readonly documents = new Map<string, DocumentRecord>();
  private rows?: ClaimRowReader;
  private readonly groups: CachedGroup[] = [];

  constructor(private readonly dataDir: string) {}

  section(name: string, value: unknown): void {
    if (!this.meta || !this.vocabulary) {
      if (name !== 'meta') throw new CorruptCacheError('it has no "meta" section');
      this.meta = value as Meta;
      this.vocabulary = indexVocabulary(this.meta.vocabulary);
    } else if (name === 'entities') for (const entity of value as Entity[]) this.entities.set(entity.id, entity);
    else if (name === 'documents')
      for (const document of value as DocumentRecord[]) this.documents.set(document.id, document);
    else if (name === 'shapes')
      this.rows = new ClaimRowReader(value, {
        entities: [...this.entities.keys()],
        edgeTypes: [...this.vocabulary.edgeTypes.values()].map((type) => type.id),
        stances: [...this.vocabulary.stances.values()].map((stance) => stance.id),
        documents: [...this.documents.values()],
      });
    else if (name === 'claims') {
      if (!this.rows) throw new CorruptCacheError('it has no "shapes" section');
      this.rows.read(value);
    } else if (name === 'relations') this.relations(value as number[]);
    else throw new CorruptCacheError(`it has an unknown section "${name}"`);
  }

  private relations(flat: number[]): void {
    const { claims, edgeClaims } = this.rows ?? { claims: [], edgeClaims: [] };
    for (let at = 0; at < flat.length; at += flat[at] + 1) {
      const count = flat[at];
      if (!(count > 0)) throw new CorruptCacheError('its relations name claims it does not hold');
      const members: ResolvedClaim[] = new Array(count);
      const copies: EdgeClaim[] = new Array(count);
      for (let i = 0; i < count; i++) {
        const position = flat[at + 1 + i];
        members[i] = claims[position];
        copies[i] = edgeClaims[position];
        if (members[i] === undefined) throw new CorruptCacheError('its relations name claims it does not hold');
      }
      const group = groupOf(members, this.vocabulary!) as CachedGroup;
      group.edgeClaims = copies;
      this.groups.push(group);
    }
  }

  result(): { dataset: Dataset; groups: CachedGroup[] } {
    const meta = this.meta;
    if (!meta || !this.vocabulary) throw new CorruptCacheError('it has no "meta" section');
    const dataset: Dataset = {
      dataDir: this.dataDir,
      vocabulary: this.vocabulary,
      entities: this.entities,
      documents: this.documents,
      claims: this.rows?.claims ?? [],
      redirects: new Map(meta.redirects.map((redirect) => [redirect.id, redirect])),
      contentHash: meta.contentHash,
    };
    if (meta.positions) {
      const positions: GivenPositions = Object.create(null);
      for (const [id, point] of Object.entries(meta.positions)) positions[id] = point;
      dataset.positions = positions;
    }
    return { dataset, groups: this.groups };
  }
}

export interface StartupCache {
  file: string;
  /** The folder's key, taken before anything was read. */
  key: string;
  /** The dataset from the cache, when it holds this key's, and its claims grouped into relations in the graph's order. */
  dataset?: Dataset;
  groups?: CachedGroup[];
}

/**
 * Takes the folder's key and reads the cache when it holds that key's dataset. A cache
 * that cannot be used is never an error: `onCorrupt` hears why a damaged one was ignored.
 */
export function readStartupCache(dataDir: string, onCorrupt: (message: string) => void): StartupCache {
  const file = startupCacheFile(dataDir);
  const key = startupKey(dataDir);
  try {
    const header = readHeader(file);
    if (!header || header.format !== STARTUP_CACHE_FORMAT || header.key !== key) return { file, key };
    const reader = new DatasetReader(dataDir);
    return readSections(file, header, (name, value) => reader.section(name, value))
      ? { file, key, ...reader.result() }
      : { file, key };
  } catch (error) {
    const reason =
      error instanceof CorruptCacheError
        ? error.message
        : error instanceof TypeError
          ? 'its contents are not a dataset'
          : `it cannot be read (${(error as Error).message})`;
    onCorrupt(`claimgraph: warning: ignoring the start-up cache ${file}: ${reason}; loading the data folder`);
    return { file, key };
  }
}

/**
 * Writes `dataset` and the order of `graph`'s relations (built from it) under `key`; false when `keepGoing` stopped it, the folder cannot take
 * it, or the folder's key moved meanwhile. The key is taken again before the rename: a
 * write through the server appends to the journal before it changes the dataset, so
 * sections written from a dataset that a write changed are never kept.
 */
export async function writeStartupCache(
  cache: Pick<StartupCache, 'file' | 'key'>,
  dataset: Dataset,
  graph: EvidenceGraph,
  keepGoing: () => boolean = () => true,
): Promise<boolean> {
  try {
    if ((await startupKeyBetweenRequests(dataset.dataDir)) !== cache.key) return false;
    // In the data folder, `.claimgraph/` gets its .gitignore first.
    if (cacheDir() === undefined) ensureStateFolder(dataset.dataDir, STARTUP_CACHE_SUBFOLDER);
    return await writeCacheFile(
      cache.file,
      cache.key,
      STARTUP_CACHE_FORMAT,
      sectionsOf(dataset, graph),
      keepGoing,
      async () => (await startupKeyBetweenRequests(dataset.dataDir)) === cache.key,
    );
  } catch {
    return false;
  }
}
