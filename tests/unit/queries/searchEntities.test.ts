// Entity search straight on a literal graph: how each kind of match scores (exact 3,
// prefix 2, typo 1 per word; +10 for the whole name, +4 for a name starting with the
// query; -0.6 per extra word), accents and case, aliases, ids, and the order of ties.
import { searchEntities } from '../../../server/queries/searchEntities';
import { buildSearchIndex } from '../../../server/queries/searchIndex';
import { literalGraph } from './literalGraph';

const { graph, index } = literalGraph({
  entities: [
    { id: 'alice-martin', type: 'person', name: 'Alice Martin', aliases: ['A. Martin', 'Ali'] },
    { id: 'alina-martin', type: 'person', name: 'Alina Martin' },
    { id: 'renee-dubois', type: 'person', name: 'Renée Dubois' },
    {
      id: 'acme-holdings',
      type: 'organization',
      kind: 'company',
      name: 'Acme Holdings',
      aliases: ['Acme'],
      description: 'A holding company.',
    },
    { id: 'acme-media', type: 'organization', kind: 'media', name: 'Acme Media' },
    { id: 'martin-group', type: 'organization', name: 'Martin Group' },
    { id: 'martin-group-uk', type: 'organization', name: 'Martin Group' },
  ],
  documents: [{ id: 'd1', date: '2022-01-10', title: 'A call', text: 'Alina Martin spoke to Renée Dubois.' }],
  claims: [
    {
      id: 'c1',
      subject: 'alina-martin',
      type: 'in_contact_with',
      object: 'renee-dubois',
      stance: 'asserts',
      document: 'd1',
      quote: 'Alina Martin spoke to Renée Dubois',
    },
  ],
});

const search = (q: string, extra: { types?: string[]; limit?: number; offset?: number } = {}) =>
  searchEntities(graph, index, { q, types: extra.types, limit: extra.limit ?? 20, offset: extra.offset ?? 0 });
/** Each hit as [id, score, matched text, field, how]: the parts ranking is about. */
const ranking = (q: string, extra: { types?: string[]; limit?: number; offset?: number } = {}) =>
  search(q, extra).hits.map((hit) => [hit.id, hit.score, hit.matched.text, hit.matched.field, hit.matched.how]);

describe('searchEntities', () => {
  it('finds nothing in an empty graph', () => {
    const empty = literalGraph({ entities: [] });
    expect(searchEntities(empty.graph, empty.index, { q: 'alice', limit: 20, offset: 0 })).toEqual({
      total: 0,
      hits: [],
    });
  });

  it('gives the whole hit for an exact name: 3 + 3 for the words, 10 for the name', () => {
    expect(search('Alice Martin')).toEqual({
      total: 1,
      hits: [
        {
          id: 'alice-martin',
          name: 'Alice Martin',
          type: 'person',
          degree: 0,
          score: 16,
          matched: { text: 'Alice Martin', field: 'name', how: 'exact' },
        },
      ],
    });
  });

  it('carries kind and description when the entity has them', () => {
    expect(search('acme holdings').hits).toEqual([
      {
        id: 'acme-holdings',
        name: 'Acme Holdings',
        type: 'organization',
        kind: 'company',
        description: 'A holding company.',
        degree: 0,
        score: 16,
        matched: { text: 'Acme Holdings', field: 'name', how: 'exact' },
      },
    ]);
  });

  it('ignores case and accents, in the query and in the name', () => {
    expect(ranking('RENÉE DUBOIS')).toEqual([['renee-dubois', 16, 'Renée Dubois', 'name', 'exact']]);
    expect(ranking('renee')).toEqual([['renee-dubois', 6.4, 'Renée Dubois', 'name', 'prefix']]);
    expect(ranking('Alicé Mártin')).toEqual([['alice-martin', 16, 'Alice Martin', 'name', 'exact']]);
  });

  it('finds an entity by an alias, which wins when it fits better than the name', () => {
    // "Acme": the alias is the whole query (3 + 10); the names only start with it (3 + 4 - 0.6).
    expect(ranking('acme')).toEqual([
      ['acme-holdings', 13, 'Acme', 'alias', 'exact'],
      ['acme-media', 6.4, 'Acme Media', 'name', 'prefix'],
    ]);
    // "Ali" is also the start of Alina (2 + 4 - 0.6); too short for typos, so nothing else.
    expect(ranking('ali')).toEqual([
      ['alice-martin', 13, 'Ali', 'alias', 'exact'],
      ['alina-martin', 5.4, 'Alina Martin', 'name', 'prefix'],
    ]);
  });

  it('keeps the name when an alias scores the same, and reports each entity once', () => {
    // Alice's name and her alias "A. Martin" both score 3 - 0.6 for "martin".
    expect(ranking('martin')).toEqual([
      ['martin-group', 6.4, 'Martin Group', 'name', 'prefix'],
      ['martin-group-uk', 6.4, 'Martin Group', 'name', 'prefix'],
      ['alina-martin', 2.4, 'Alina Martin', 'name', 'words'],
      ['alice-martin', 2.4, 'Alice Martin', 'name', 'words'],
    ]);
  });

  it('matches a prefix of a word anywhere in the name', () => {
    expect(ranking('hold')).toEqual([['acme-holdings', 1.4, 'Acme Holdings', 'name', 'words']]);
    expect(ranking('gro mar')).toEqual([
      ['martin-group', 4, 'Martin Group', 'name', 'words'],
      ['martin-group-uk', 4, 'Martin Group', 'name', 'words'],
    ]);
  });

  it('tolerates one typo in a word of four letters or more: a transposition, a deletion, a substitution', () => {
    expect(ranking('Alcie')).toEqual([['alice-martin', 0.4, 'Alice Martin', 'name', 'fuzzy']]);
    expect(ranking('Renee Dubis')).toEqual([['renee-dubois', 4, 'Renée Dubois', 'name', 'fuzzy']]);
    expect(ranking('Acne Media')).toEqual([['acme-media', 4, 'Acme Media', 'name', 'fuzzy']]);
    // Two typos in one word are too many.
    expect(ranking('Alcei')).toEqual([]);
  });

  it('gives no typo tolerance to words of three letters', () => {
    expect(ranking('aly')).toEqual([]);
  });

  it('orders ties by degree, then name, then id', () => {
    // All four score 1 - 0.6 for the typo; Alina has a relation, the rest none.
    expect(ranking('martn')).toEqual([
      ['alina-martin', 0.4, 'Alina Martin', 'name', 'fuzzy'],
      ['alice-martin', 0.4, 'Alice Martin', 'name', 'fuzzy'],
      ['martin-group', 0.4, 'Martin Group', 'name', 'fuzzy'],
      ['martin-group-uk', 0.4, 'Martin Group', 'name', 'fuzzy'],
    ]);
    expect(search('martn').hits.map((hit) => hit.degree)).toEqual([1, 0, 0, 0]);
  });

  it('puts an exact id first, above any name', () => {
    expect(ranking('acme-media')).toEqual([['acme-media', 100, 'acme-media', 'id', 'exact']]);
    expect(ranking('  martin-group  ')).toEqual([
      ['martin-group', 100, 'martin-group', 'id', 'exact'],
      ['martin-group-uk', 16, 'Martin Group', 'name', 'exact'],
    ]);
  });

  it('needs every query word to match the same name or alias', () => {
    expect(ranking('alice dubois')).toEqual([]);
    // "a" is also the start of Alina (2) and of Alice (2, beaten by her alias).
    expect(ranking('a martin')).toEqual([
      ['alice-martin', 16, 'A. Martin', 'alias', 'exact'],
      ['alina-martin', 5, 'Alina Martin', 'name', 'words'],
    ]);
  });

  it('finds nothing for a query of punctuation only', () => {
    expect(search('!!! ...')).toEqual({ total: 0, hits: [] });
  });

  it('keeps only the node types asked for, and total counts what is kept', () => {
    expect(search('martin', { types: ['person'] }).total).toBe(2);
    expect(ranking('martin', { types: ['person'] }).map(([id]) => id)).toEqual(['alina-martin', 'alice-martin']);
    expect(search('martin', { types: ['country'] })).toEqual({ total: 0, hits: [] });
  });

  it('pages with limit and offset over the ranked hits', () => {
    expect(search('martin', { limit: 2, offset: 1 })).toMatchObject({
      total: 4,
      hits: [{ id: 'martin-group-uk' }, { id: 'alina-martin' }],
    });
    expect(search('martin', { limit: 2, offset: 4 })).toEqual({ total: 4, hits: [] });
  });
});

describe('buildSearchIndex', () => {
  it('indexes the name and each distinct alias once, with their words', () => {
    const { graph: small } = literalGraph({
      entities: [{ id: 'zoe', type: 'person', name: 'Zoé Ng', aliases: ['zoe ng', 'Z. Ng', '...'] }],
    });
    const built = buildSearchIndex(small);
    // "zoe ng" normalises like the name, and "..." to nothing: neither is indexed again.
    expect(built.names).toEqual([
      { entity: 'zoe', text: 'Zoé Ng', field: 'name', normalized: 'zoe ng', words: ['zoe', 'ng'] },
      { entity: 'zoe', text: 'Z. Ng', field: 'alias', normalized: 'z ng', words: ['z', 'ng'] },
    ]);
    expect(Object.fromEntries(built.postings)).toEqual({ zoe: [0], ng: [0, 1], z: [1] });
    expect(built.sortedWords).toEqual(['ng', 'z', 'zoe']);
    // Only words of three letters or more get deletion variants (one typo needs four).
    expect(Object.fromEntries(built.deletions)).toEqual({ zoe: ['zoe'], oe: ['zoe'], ze: ['zoe'], zo: ['zoe'] });
  });
});
