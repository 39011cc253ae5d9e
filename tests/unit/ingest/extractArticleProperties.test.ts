// Properties every extraction must keep, whatever the article says: quotes are verbatim
// passages of the body, claims use listed entities and the vocabulary's types and
// stances, and the same input gives the same output.
import fc from 'fast-check';
import fs from 'node:fs';
import path from 'node:path';
import { extractArticle } from '../../../server/ingest/extractArticle';
import { extractionResultSchema } from '../../../server/ingest/extractionResult';
import { article } from './articleFixture';

const vocabulary = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../graph-data/vocabulary.json'), 'utf8')) as {
  edgeTypes: Array<{ id: string }>;
  stances: Array<{ id: string }>;
};
const edgeTypes = new Set(vocabulary.edgeTypes.map((t) => t.id));
const stances = new Set(vocabulary.stances.map((s) => s.id));

const words = [
  'Russia',
  'Ukraine',
  'Elon Musk',
  'Musk',
  'the company',
  'it',
  'Chinese President Xi Jinping',
  'Acme Corp',
  "Acme's",
  'Globex',
  'the Kremlin',
  'Kremlin spokesperson Dmitry Peskov',
  'invaded',
  'was invaded by',
  'met',
  'asked',
  'to',
  'denied',
  'reportedly',
  'said',
  'that',
  'according to',
  'halted shipments to',
  'owner of',
  'in October 2022',
  'on Monday',
  'and',
  ',',
  'the',
  'of',
  'Starlink',
  'service',
  'run by',
  'SpaceX',
  "China's",
  'commerce ministry',
  '(ACME)',
  'US',
  'sanctioned',
  'supplied',
  'not',
  'since late 2022',
  'Washington',
  'accused',
  'by',
  'The',
];
const sentence = fc
  .array(fc.constantFrom(...words), { minLength: 1, maxLength: 14 })
  .map((parts) => `${parts.join(' ')}.`);
const body = fc.array(sentence, { minLength: 1, maxLength: 6 }).map((sentences) => sentences.join(' '));

describe('extractArticle properties', () => {
  it('quotes verbatim, uses listed entities and the vocabulary, and is deterministic', () => {
    fc.assert(
      fc.property(body, (text) => {
        const raw = article(text);
        const result = extractArticle(raw, 'property.txt');
        extractionResultSchema.parse(result);
        const ids = new Set(result.entities.map((e) => e.id));
        expect(ids.size).toBe(result.entities.length);
        for (const claim of result.claims) {
          expect(raw.slice(raw.indexOf('\n') + 1)).toContain(claim.quote);
          expect(ids.has(claim.subject) && ids.has(claim.object)).toBe(true);
          expect(claim.subject).not.toBe(claim.object);
          expect(edgeTypes.has(claim.type)).toBe(true);
          expect(stances.has(claim.stance)).toBe(true);
        }
        expect(extractArticle(raw, 'property.txt')).toEqual(result);
      }),
      { numRuns: 150, seed: 20241025 },
    );
  });
});
