// Duplicate candidates on a literal graph: the ranking and the reasons for one entity and
// for the whole graph, exactly. The names cover a transliterated alias, initials, words in
// another order, a middle initial and a title; shared neighbours and countries move the
// score; an organization is a candidate for a person only under the very same name, and a
// pair judged not the same is left out in either direction.
import { buildDuplicateIndex, candidatesOf, MAX_BLOCK } from '../../../server/queries/duplicateIndex';
import { crossReference, findDuplicates } from '../../../server/queries/duplicates';
import { literalGraph } from './literalGraph';

const TEXT = 'Musk owns SpaceX and Tesla. Putin holds office in Russia. Musk works in the US.';

const claim = (id: string, subject: string, type: string, object: string, quote: string) => ({
  id,
  subject,
  type,
  object,
  stance: 'asserts',
  document: 'd1',
  quote,
});

const { graph } = literalGraph({
  entities: [
    { id: 'elon-musk', type: 'person', name: 'Elon Musk' },
    { id: 'e-musk', type: 'person', name: 'E. Musk', aliases: ['Mr Musk'] },
    { id: 'musk-elon', type: 'person', name: 'Musk, Elon' },
    { id: 'elon-r-musk', type: 'person', name: 'Elon R. Musk' },
    { id: 'kimbal-musk', type: 'person', name: 'Kimbal Musk' },
    { id: 'vladimir-putin', type: 'person', name: 'Vladimir Putin' },
    { id: 'putin-ru', type: 'person', name: 'Владимир Путин', aliases: ['Путин'] },
    { id: 'elon-musk-ltd', type: 'organization', name: 'Elon Musk Ltd' },
    { id: 'musk-foundation', type: 'organization', name: 'Musk Foundation' },
    { id: 'spacex', type: 'organization', name: 'SpaceX' },
    { id: 'tesla', type: 'organization', name: 'Tesla' },
    { id: 'country:RU', type: 'country', name: 'Russia', countryCode: 'RU' },
    { id: 'country:US', type: 'country', name: 'United States', countryCode: 'US' },
  ],
  documents: [{ id: 'd1', date: '2024-01-01', title: 'Literal', text: TEXT }],
  claims: [
    claim('c1', 'elon-musk', 'owns', 'spacex', 'Musk owns SpaceX'),
    claim('c2', 'elon-musk', 'owns', 'tesla', 'Musk owns SpaceX and Tesla'),
    claim('c3', 'e-musk', 'owns', 'spacex', 'Musk owns SpaceX'),
    claim('c4', 'e-musk', 'owns', 'tesla', 'Musk owns SpaceX and Tesla'),
    claim('c5', 'vladimir-putin', 'holds_position', 'country:RU', 'Putin holds office in Russia'),
    claim('c6', 'putin-ru', 'holds_position', 'country:RU', 'Putin holds office in Russia'),
    claim('c7', 'elon-musk', 'holds_position', 'country:US', 'Musk works in the US'),
    claim('c8', 'elon-r-musk', 'holds_position', 'country:RU', 'Putin holds office in Russia'),
  ],
});
const index = buildDuplicateIndex(graph);

const line = (pair: ReturnType<typeof crossReference>['pairs'][number]) =>
  `${pair.score} ${pair.a.id} ~ ${pair.b.id}: ${pair.reasons.join('; ')}`;

describe('findDuplicates', () => {
  it('ranks the candidates of an entity, best first and ties by id, each with its reasons', () => {
    expect(findDuplicates(graph, index, 'elon-musk', { limit: 10 })).toEqual({
      total: 4,
      candidates: [
        {
          id: 'e-musk',
          name: 'E. Musk',
          type: 'person',
          score: 0.95,
          reasons: ['name "Elon Musk" ~ name "E. Musk": initials match', '2 shared neighbours: SpaceX, Tesla'],
        },
        {
          id: 'musk-elon',
          name: 'Musk, Elon',
          type: 'person',
          score: 0.95,
          reasons: ['name "Elon Musk" ~ name "Musk, Elon": the same words in another order'],
        },
        {
          id: 'elon-musk-ltd',
          name: 'Elon Musk Ltd',
          type: 'organization',
          score: 0.8,
          reasons: [
            'name "Elon Musk" ~ name "Elon Musk Ltd": the same name, leaving out "ltd"',
            'different types: person and organization',
          ],
        },
        {
          id: 'elon-r-musk',
          name: 'Elon R. Musk',
          type: 'person',
          score: 0.789,
          reasons: [
            'name "Elon Musk" ~ name "Elon R. Musk": the same but for a middle initial',
            'different countries: US and RU',
          ],
        },
      ],
    });
  });

  it('says the reasons from the side of the entity asked about', () => {
    const found = findDuplicates(graph, index, 'e-musk', { limit: 10 })!;
    expect(found.candidates.map((c) => [c.id, c.score, c.reasons])).toEqual([
      ['elon-musk', 0.95, ['name "E. Musk" ~ name "Elon Musk": initials match', '2 shared neighbours: SpaceX, Tesla']],
      ['musk-elon', 0.808, ['name "E. Musk" ~ name "Musk, Elon": initials match']],
      ['elon-r-musk', 0.756, ['name "E. Musk" ~ name "Elon R. Musk": initials match, but for a middle initial']],
      ['kimbal-musk', 0.5, ['alias "Mr Musk" ~ name "Kimbal Musk": one name is part of the other, leaving out "mr"']],
    ]);
    expect(findDuplicates(graph, index, 'kimbal-musk', { limit: 10 })!.candidates.map((c) => c.id)).toEqual(['e-musk']);
  });

  it('finds a name written in another script, with the country both hold office in', () => {
    expect(findDuplicates(graph, index, 'vladimir-putin', { limit: 10 })).toEqual({
      total: 1,
      candidates: [
        {
          id: 'putin-ru',
          name: 'Владимир Путин',
          type: 'person',
          score: 1,
          reasons: ['name "Vladimir Putin" ~ name "Владимир Путин": the same name, transliterated', 'same country: RU'],
        },
      ],
    });
  });

  it('proposes no organization for a person without the same name, and nothing for an entity without a namesake', () => {
    expect(findDuplicates(graph, index, 'musk-foundation', { limit: 10 })).toEqual({ total: 0, candidates: [] });
    expect(findDuplicates(graph, index, 'spacex', { limit: 10 })).toEqual({ total: 0, candidates: [] });
  });

  it('cuts at limit and minScore, leaves out pairs judged not the same, and knows no unknown entity', () => {
    expect(findDuplicates(graph, index, 'elon-musk', { limit: 1 })!).toMatchObject({
      total: 4,
      candidates: [{ id: 'e-musk' }],
    });
    expect(
      findDuplicates(graph, index, 'elon-musk', { limit: 10, minScore: 0.9 })!.candidates.map((c) => c.id),
    ).toEqual(['e-musk', 'musk-elon']);
    const judged = new Set(['e-musk|elon-musk']);
    const notSame = (a: string, b: string) => judged.has(a < b ? `${a}|${b}` : `${b}|${a}`);
    expect(findDuplicates(graph, index, 'elon-musk', { limit: 10, notSame })!.candidates.map((c) => c.id)).toEqual([
      'musk-elon',
      'elon-musk-ltd',
      'elon-r-musk',
    ]);
    expect(findDuplicates(graph, index, 'e-musk', { limit: 10, notSame })!.candidates.map((c) => c.id)).toEqual([
      'musk-elon',
      'elon-r-musk',
      'kimbal-musk',
    ]);
    expect(findDuplicates(graph, index, 'nobody', { limit: 10 })).toBeUndefined();
  });
});

describe('crossReference', () => {
  it('lists every candidate pair of the graph once, the smaller id first, best first', () => {
    const { total, pairs } = crossReference(graph, index, { limit: 100 });
    expect(total).toBe(10);
    expect(pairs.map(line)).toEqual([
      '1 putin-ru ~ vladimir-putin: name "Владимир Путин" ~ name "Vladimir Putin": the same name, transliterated; same country: RU',
      '0.95 e-musk ~ elon-musk: name "E. Musk" ~ name "Elon Musk": initials match; 2 shared neighbours: SpaceX, Tesla',
      '0.95 elon-musk ~ musk-elon: name "Elon Musk" ~ name "Musk, Elon": the same words in another order',
      '0.844 elon-r-musk ~ musk-elon: name "Elon R. Musk" ~ name "Musk, Elon": the same but for a middle initial',
      '0.808 e-musk ~ musk-elon: name "E. Musk" ~ name "Musk, Elon": initials match',
      '0.8 elon-musk ~ elon-musk-ltd: name "Elon Musk" ~ name "Elon Musk Ltd": the same name, leaving out "ltd"; different types: person and organization',
      '0.789 elon-musk ~ elon-r-musk: name "Elon Musk" ~ name "Elon R. Musk": the same but for a middle initial; different countries: US and RU',
      '0.756 e-musk ~ elon-r-musk: name "E. Musk" ~ name "Elon R. Musk": initials match, but for a middle initial',
      '0.75 elon-musk-ltd ~ musk-elon: name "Elon Musk Ltd" ~ name "Musk, Elon": the same words in another order, leaving out "ltd"; different types: organization and person',
      '0.5 e-musk ~ kimbal-musk: alias "Mr Musk" ~ name "Kimbal Musk": one name is part of the other, leaving out "mr"',
    ]);
  });

  it('agrees with findDuplicates on every score, and leaves out judged pairs in either direction', () => {
    const { pairs } = crossReference(graph, index, { limit: 100 });
    for (const pair of pairs) {
      const fromA = findDuplicates(graph, index, pair.a.id, { limit: 100 })!.candidates.find((c) => c.id === pair.b.id);
      expect(fromA?.score).toBe(pair.score);
    }
    const notSame = (a: string, b: string) => a === 'putin-ru' && b === 'vladimir-putin';
    const judged = crossReference(graph, index, { limit: 2, minScore: 0.9, notSame });
    expect({ total: judged.total, pairs: judged.pairs.map((p) => `${p.a.id} ~ ${p.b.id}`) }).toEqual({
      total: 2,
      pairs: ['e-musk ~ elon-musk', 'elon-musk ~ musk-elon'],
    });
  });
});

describe('the blocking index', () => {
  it('takes no candidates from a word shared by more than MAX_BLOCK entities, but from a rarer pair of words', () => {
    const many = Array.from({ length: MAX_BLOCK + 1 }, (_, n) => ({
      id: `p${n}`,
      type: 'person',
      name: `Ivanov ${String.fromCharCode(97 + (n % 26))}${String.fromCharCode(97 + Math.floor(n / 26))}x`,
    }));
    const crowded = literalGraph({
      entities: [...many, { id: 'twin', type: 'person', name: `${many[0].name}`, aliases: ['Ivanov'] }],
    }).graph;
    const crowdedIndex = buildDuplicateIndex(crowded);
    expect(crowdedIndex.blocks.get('ivanov')!.length).toBe(MAX_BLOCK + 2);
    expect(
      [...candidatesOf(crowdedIndex, crowdedIndex.position.get('twin')!)].map((at) => crowdedIndex.entries[at].id),
    ).toEqual(['p0']);
  });
});
