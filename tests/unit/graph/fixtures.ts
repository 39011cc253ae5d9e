// Tiny in-memory datasets for graph tests: the real vocabulary, literal entities and
// claims, no files.
import fs from 'node:fs';
import path from 'node:path';
import type { Dataset, ResolvedClaim } from '../../../server/model/dataset';
import type { DocumentRecord, Entity } from '../../../server/model/records';
import { indexVocabulary, vocabularySchema } from '../../../server/model/vocabulary';

export const vocabulary = indexVocabulary(
  vocabularySchema.parse(
    JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'graph-data', 'vocabulary.json'), 'utf8')),
  ),
);

export function person(id: string, name = id): Entity {
  return { id, type: 'person', name, aliases: [] };
}

let counter = 0;
export function claim(
  subject: string,
  type: string,
  object: string,
  stance: string,
  extra: Partial<ResolvedClaim> = {},
): ResolvedClaim {
  counter += 1;
  return { id: `t${counter}`, subject, type, object, stance, document: 'd1', quote: 'q', ...extra };
}

export function dataset(
  entities: Entity[],
  claims: ResolvedClaim[],
  documents: DocumentRecord[] = [{ id: 'd1', date: '2024-01-02', title: 'Doc one', text: 'q' }],
): Dataset {
  return {
    dataDir: '/nowhere',
    vocabulary,
    entities: new Map(entities.map((e) => [e.id, e])),
    documents: new Map(documents.map((d) => [d.id, d])),
    claims,
    redirects: new Map(),
    contentHash: 'test',
  };
}
