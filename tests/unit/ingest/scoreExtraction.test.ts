import type { ExtractionResult } from '../../../server/ingest/extractionResult';
import type { GoldAnnotation } from '../../../server/ingest/evaluation/goldAnnotation';
import { loadDefaultVocabulary } from '../../../server/ingest/extractArticle';
import { f1, scoreExtraction } from '../../../server/ingest/evaluation/scoreExtraction';

const undirected = new Set(['in_contact_with']);
const gold: GoldAnnotation = {
  document: 'a.txt',
  entities: [
    { name: 'Elon Musk', type: 'person', aliases: ['Musk'] },
    { name: 'Vladimir Putin', type: 'person', aliases: ['Putin'] },
    { name: 'Russia', type: 'country', aliases: ['Russian'] },
  ],
  claims: [
    { subject: 'Elon Musk', type: 'in_contact_with', object: 'Vladimir Putin', stance: 'alleges' },
    { subject: 'Vladimir Putin', type: 'holds_position', object: 'Russia', stance: 'asserts' },
  ],
};
const entity = (id: string, name: string, aliases: string[] = []) => ({
  id,
  name,
  type: 'person',
  aliases,
  existing: false,
});
const claim = (subject: string, type: string, object: string, stance: string) => ({
  subject,
  type,
  object,
  stance,
  quote: 'q',
  confidence: 0.5,
});
const document = { id: 'a', date: '2024-01-01', title: 'A' };

describe('scoreExtraction', () => {
  it('matches entities by any name or alias, ignoring case, one to one', () => {
    const predicted: ExtractionResult = {
      document,
      entities: [entity('m', 'MUSK'), entity('m2', 'Elon Musk'), entity('p', 'putin')],
      claims: [],
    };
    const score = scoreExtraction('a', predicted, gold, undirected);
    expect(score.entities).toEqual({ truePositives: 2, predicted: 3, gold: 3 });
    expect(score.missedEntities).toEqual(['Russia']);
  });

  it('matches an undirected claim in either order and counts stance over matched claims', () => {
    const predicted: ExtractionResult = {
      document,
      entities: [entity('m', 'Elon Musk'), entity('p', 'Vladimir Putin'), entity('r', 'Russia')],
      claims: [claim('p', 'in_contact_with', 'm', 'asserts'), claim('r', 'holds_position', 'p', 'asserts')],
    };
    const score = scoreExtraction('a', predicted, gold, undirected);
    expect(score.claims).toEqual({ truePositives: 1, predicted: 2, gold: 2 });
    expect(score.stanceCorrect).toBe(0);
    expect(score.missedClaims).toEqual(['Vladimir Putin holds_position Russia (asserts)']);
  });

  it('compares the derived status of each edge both sides have: alleges + denies is disputed, alleges alone alleged', () => {
    const statuses = [...loadDefaultVocabulary().statuses.values()];
    const withDenial: GoldAnnotation = {
      ...gold,
      claims: [
        ...gold.claims,
        { subject: 'Vladimir Putin', type: 'in_contact_with', object: 'Elon Musk', stance: 'denies' },
      ],
    };
    const predicted: ExtractionResult = {
      document,
      entities: [entity('m', 'Elon Musk'), entity('p', 'Vladimir Putin'), entity('r', 'Russia')],
      claims: [
        claim('m', 'in_contact_with', 'p', 'alleges'),
        claim('p', 'holds_position', 'r', 'asserts'),
        claim('r', 'holds_position', 'm', 'asserts'),
      ],
    };
    const score = scoreExtraction('a', predicted, withDenial, undirected, statuses);
    // Musk–Putin: gold disputed (alleges + denies), predicted alleged; Putin → Russia: reported on both sides.
    expect(score.edgesMatched).toBe(2);
    expect(score.statusCorrect).toBe(1);
    const both = scoreExtraction(
      'a',
      { ...predicted, claims: [...predicted.claims, claim('p', 'in_contact_with', 'm', 'denies')] },
      withDenial,
      undirected,
      statuses,
    );
    expect(both.edgesMatched).toBe(2);
    expect(both.statusCorrect).toBe(2);
  });

  it('computes precision, recall and F1', () => {
    expect(f1({ truePositives: 2, predicted: 4, gold: 2 })).toEqual({ precision: 0.5, recall: 1, f1: 2 / 3 });
    expect(f1({ truePositives: 0, predicted: 0, gold: 3 })).toEqual({ precision: 0, recall: 0, f1: 0 });
  });
});
