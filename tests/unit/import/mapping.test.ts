// How imported types, attributes and FtM schemata map onto our records, on tiny literal
// fixtures (tests/fixtures/import/): the rules README.md's "Importing data" states.
import { importData, readInputFiles, defaultVocabulary } from '../../../server/import/importData';
import { IdAllocator, toIdentifier } from '../../../server/import/identifiers';
import { idFromKey } from '../../../server/model/slug';
import { VocabularyBuilder } from '../../../server/import/typeMapping';
import { fixture, importInto } from './helpers';

describe('VocabularyBuilder', () => {
  const builder = () => new VocabularyBuilder(defaultVocabulary());

  it('maps node type values by id, label, organisation kind and synonym, case-insensitively', () => {
    const b = builder();
    expect(b.nodeType('Person', 'type')).toEqual({ type: 'person' });
    expect(b.nodeType('ORGANIZATION', 'type')).toEqual({ type: 'organization' });
    expect(b.nodeType('org', 'type')).toEqual({ type: 'organization' });
    expect(b.nodeType('COMPANY', 'type')).toEqual({ type: 'organization', kind: 'company' });
    expect(b.nodeType('Companies', 'type')).toEqual({ type: 'organization', kind: 'company' });
    expect(b.nodeType('party', 'type')).toEqual({ type: 'organization', kind: 'party' });
    expect(b.nodeType('software', 'type')).toEqual({ type: 'service' });
    expect(b.nodeType('Countries', 'type')).toEqual({ type: 'country' });
    expect(b.added).toEqual({ nodeTypes: 0, edgeTypes: 0 });
  });

  it('adds a node type for any other value, once, named after it', () => {
    const b = builder();
    expect(b.nodeType('Research group', 'type')).toEqual({ type: 'research_group' });
    expect(b.nodeType('research  group', 'type')).toEqual({ type: 'research_group' });
    expect(b.nodeType('3', 'modularity_class')).toEqual({ type: 'modularity_class_3' });
    expect(b.nodeType('Компания', 'type')).toEqual({ type: 'type_3' });
    expect(b.result().nodeTypes.slice(4)).toEqual([
      {
        id: 'research_group',
        label: 'Research group',
        color: '#17becf',
        description: 'Imported: nodes whose "type" is "Research group".',
      },
      {
        id: 'modularity_class_3',
        label: '3',
        color: '#bcbd22',
        description: 'Imported: nodes whose "modularity_class" is "3".',
      },
      { id: 'type_3', label: 'Компания', color: '#8c564b', description: 'Imported: nodes whose "type" is "Компания".' },
    ]);
  });

  it('maps edge type values by id, label and synonym; adds the others open to any ends', () => {
    const b = builder();
    expect(b.edgeType('holds position', 'type', true)).toBe('holds_position');
    expect(b.edgeType('ASSOCIATE', 'type', false)).toBe('associate_of');
    expect(b.edgeType('sponsored', 'type', true)).toBe('funded');
    expect(b.edgeType('presented at', 'type', false)).toBe('presented_at');
    expect(b.edgeType('presented at', 'type', true)).toBe('presented_at');
    expect(b.result().edgeTypes.at(-1)).toEqual({
      id: 'presented_at',
      label: 'presented at',
      directed: true,
      subjectTypes: [],
      objectTypes: [],
      color: '#17becf',
      description: 'Imported: edges whose "type" is "presented at".',
    });
    expect(b.allows('holds_position', 'person', 'organization')).toBe(true);
    expect(b.allows('holds_position', 'organization', 'organization')).toBe(false);
    expect(b.allows('presented_at', 'paper', 'event')).toBe(true);
  });
});

describe('identifiers', () => {
  it('keeps valid ids, slugifies the others, and never hands out one twice', () => {
    const ids = new IdAllocator('node');
    expect(ids.take('elon-musk')).toBe('elon-musk');
    expect(ids.take('elon-musk')).toBe('elon-musk-2');
    expect(ids.take('Frau Dr. Irene Nierstenhöfer')).toBe('Frau-Dr.-Irene-Nierstenhofer');
    expect(ids.take('  ')).toBe('node');
    expect(ids.take('Мария')).toBe('Mariya');
    expect(ids.take('★')).toBe('node-2');
    expect(idFromKey('"CDU"')).toBe('CDU');
    expect(toIdentifier('Events/projects')).toBe('events_projects');
    expect(toIdentifier('42')).toBeUndefined();
  });
});

describe('generic graph mapping', () => {
  it('GraphML with --node-type-attr and --edge-type-attr: mapped, added and fallen-back types, ids and citations', () => {
    const { dataset, data } = importInto('graphml', [fixture('small.graphml')], {
      nodeTypeAttr: 'kind',
      edgeTypeAttr: 'relation',
    });
    expect([...dataset.entities.values()]).toEqual([
      { id: 'ada', type: 'person', name: 'Ada Lovelace', aliases: [], attributes: { since: 1815, kind: 'Person' } },
      {
        id: 'acme',
        type: 'organization',
        kind: 'company',
        name: 'Acme Corp',
        aliases: [],
        attributes: { kind: 'Company' },
      },
      { id: 'paper-1', type: 'paper', name: 'Notes on the Engine', aliases: [], attributes: { sourceKey: 'paper 1' } },
      { id: 'nobody', type: 'unspecified', name: 'nobody', aliases: [] },
    ]);
    expect(dataset.claims.map((c) => [c.id, c.subject, c.type, c.object, c.record?.id, c.attributes])).toEqual([
      ['small.graphml#e1', 'ada', 'holds_position', 'acme', 'e1', { weight: 2.5, relation: 'holds position' }],
      ['small.graphml#line 14', 'ada', 'wrote', 'paper-1', 'line 14', undefined],
      // owns may not point at a paper: kept as linked_to, with the source's word.
      ['small.graphml#line 15', 'acme', 'linked_to', 'paper-1', 'line 15', { relation: 'owns' }],
      ['small.graphml#line 16', 'acme', 'funded', 'ada', 'line 16', { relation: 'sponsored' }],
    ]);
    expect(
      dataset.claims.every(
        (c) => c.stance === 'asserts' && c.quote === undefined && c.record?.file === 'small.graphml',
      ),
    ).toBe(true);
    expect(data.notes).toEqual([
      'added to vocabulary.json: node types paper; edge types wrote',
      "1 edge imported as linked_to because their type does not allow the types of their ends (the original type is kept in the claim's attributes)",
    ]);
  });

  it('CSV nodes + edges files with column flags; empty cells dropped, quoted commas kept', () => {
    const { dataset } = importInto('csv', [fixture('nodes.csv'), fixture('edges.csv')], {
      sourceCol: 'from',
      targetCol: 'to',
      edgeTypeCol: 'rel',
    });
    expect([...dataset.entities.values()]).toEqual([
      { id: 'alice', type: 'person', name: 'Alice Smith', aliases: [], attributes: { note: 'quoted, with comma' } },
      { id: 'acme', type: 'organization', kind: 'company', name: 'Acme', aliases: [], attributes: { type: 'company' } },
      {
        id: 'gov',
        type: 'organization',
        kind: 'government',
        name: 'Ministry',
        aliases: [],
        attributes: { type: 'government' },
      },
    ]);
    expect(dataset.claims.map((c) => [c.subject, c.type, c.object, c.record, c.attributes])).toEqual([
      ['alice', 'owns', 'acme', { file: 'edges.csv', id: 'line 2' }, { amount: '100' }],
      ['gov', 'sanctioned', 'acme', { file: 'edges.csv', id: 'line 3' }, { rel: 'sanctions' }],
      ['acme', 'employs', 'alice', { file: 'edges.csv', id: 'line 4' }, undefined],
    ]);
  });
});

describe('FollowTheMoney mapping', () => {
  const { dataset, data } = importInto('ftm', [fixture('links.ftm.json')]);
  const claim = (id: string) => dataset.claims.find((c) => c.id === id);

  it('things become entities: names and aliases, kinds, description, unmapped properties as attributes, addresses as text', () => {
    expect(dataset.entities.get('p1')).toEqual({
      id: 'p1',
      type: 'person',
      name: 'Pat Doe',
      aliases: ['DOE, Pat', 'Patty'],
      attributes: {
        schema: 'Person',
        country: ['xx-unknown-code'],
        birthDate: ['1970'],
        addresses: ['1 Main St, Nicosia'],
        addressEntity: ['addr-missing'],
      },
    });
    expect(dataset.entities.get('c1')).toEqual({
      id: 'c1',
      type: 'organization',
      kind: 'company',
      name: 'Roe Holdings',
      aliases: [],
      description: 'A holding company.',
      attributes: { schema: 'Company' },
    });
    expect(dataset.entities.get('pb')).toMatchObject({ type: 'organization', kind: 'government' });
    // A Vessel is a Vehicle is an Asset in FtM's hierarchy: an asset entity, its schema kept.
    expect(dataset.entities.get('v1')).toMatchObject({
      type: 'asset',
      kind: 'vessel',
      name: 'MV Example',
      attributes: { schema: 'Vessel' },
    });
    expect(dataset.entities.has('addr1')).toBe(false);
  });

  it('country, jurisdiction and nationality become linked_to claims to country:XX entities', () => {
    expect(dataset.entities.get('country:RU')).toEqual({
      id: 'country:RU',
      type: 'country',
      name: 'Russia',
      aliases: ['Russian Federation'],
      countryCode: 'RU',
    });
    expect(claim('p1#nationality:RU')).toEqual({
      id: 'p1#nationality:RU',
      subject: 'p1',
      type: 'linked_to',
      object: 'country:RU',
      stance: 'asserts',
      record: { file: 'links.ftm.json', id: 'p1' },
      summary: 'nationality',
    });
    expect(claim('c1#jurisdiction:CY')).toMatchObject({ subject: 'c1', object: 'country:CY', summary: 'jurisdiction' });
  });

  it('interval schemata become claims with dates, role and an http(s) source URL; a reversed end date stays an attribute', () => {
    expect(claim('own1')).toEqual({
      id: 'own1',
      subject: 'p1',
      type: 'owns',
      object: 'c1',
      stance: 'asserts',
      record: { file: 'links.ftm.json', id: 'own1', url: 'https://example.org/own1' },
      startDate: '2019-05-01',
      attributes: { schema: 'Ownership', percentage: ['51'], sourceUrl: ['ftp://example.org/x'], endDate: ['2018'] },
    });
    expect(claim('fam1')).toMatchObject({ type: 'associate_of', role: 'spouse', attributes: { schema: 'Family' } });
    expect(claim('pay1')).toMatchObject({
      subject: 'c2',
      type: 'funded',
      object: 'pb',
      date: '2021-02-03',
      summary: 'Consulting',
      attributes: { schema: 'Payment', amount: ['1000'], currency: ['EUR'] },
    });
  });

  it('one claim per subject × object pair; an end that does not fit the type falls back to linked_to with the schema kept', () => {
    expect([claim('dir2')?.object, claim('dir2~2')?.object]).toEqual(['c1', 'c2']);
    expect(claim('dir2')).toMatchObject({ type: 'holds_position', role: 'CEO', startDate: '2020-01' });
    expect(claim('dir1')).toMatchObject({
      subject: 'c2',
      type: 'linked_to',
      object: 'c1',
      role: 'Nominee director',
      attributes: { schema: 'Directorship' },
    });
  });

  it('sanctions come from the sanctioning country, else from the authority', () => {
    expect(claim('san1')).toMatchObject({
      subject: 'country:US',
      type: 'sanctioned',
      object: 'p1',
      summary: 'RUSSIA-EO14024',
      record: { url: 'https://ofac.example/san1' },
      attributes: { schema: 'Sanction', authority: ['OFAC'] },
    });
    expect(claim('san2')).toMatchObject({ subject: 'authority-un-security-council', type: 'sanctioned', object: 'c1' });
    expect(dataset.entities.get('authority-un-security-council')).toMatchObject({
      type: 'organization',
      kind: 'government',
      name: 'UN Security Council',
    });
  });

  it('reports what it skipped and which references dangle', () => {
    expect(data.notes).toEqual([
      '1 Address entity is not a node: 1 address reference was copied as text into the "addresses" attribute of the entities that make them',
      '2 references to entities not in the input were left out: 1 addressEntity, 1 entity',
      "1 link imported as linked_to because the ends do not fit the mapped type (the FtM schema is kept in the claim's attributes)",
    ]);
    expect(dataset.claims.length).toBe(11);
  });

  it('applies yente delta operations in order: MOD replaces, DEL removes', () => {
    const text = [
      '{"op": "ADD", "entity": {"id": "p1", "schema": "Person", "properties": {"name": ["Old Name"]}}}',
      '{"op": "ADD", "entity": {"id": "p2", "schema": "Person", "properties": {"name": ["Gone"]}}}',
      '{"op": "MOD", "entity": {"id": "p1", "schema": "Person", "properties": {"name": ["New Name"]}}}',
      '{"op": "DEL", "entity": {"id": "p2"}}',
    ].join('\n');
    const data = importData('ftm', [{ path: 'delta.json', name: 'delta.json', text }]);
    expect(data.entities.map((e) => [e.id, e.name])).toEqual([['p1', 'New Name']]);
  });

  it('reads several files into one dataset, links across files included, each claim citing its own file', () => {
    const data = importData('ftm', readInputFiles([fixture('links.ftm.json'), fixture('more.ftm.json')]));
    expect(data.entities.length).toBe(11);
    expect(data.claims.find((c) => c.id === 'emp1')).toMatchObject({
      subject: 'p3',
      type: 'holds_position',
      object: 'c1',
      role: 'Accountant',
      record: { file: 'more.ftm.json', id: 'emp1' },
    });
    expect(data.claims.find((c) => c.id === 'own1')?.record).toEqual({
      file: 'links.ftm.json',
      id: 'own1',
      url: 'https://example.org/own1',
    });
  });
});
