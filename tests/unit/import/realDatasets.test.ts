// Imports the real third-party files in ../shared/datasets/ and checks what comes out
// against the figures in that folder's README.md: node and edge counts, parallel edges
// merged into one edge with several claims, typed attributes kept, FtM schemata mapped.
import fs from 'node:fs';
import path from 'node:path';
import { importData, readInputFiles } from '../../../server/import/importData';
import { dataset, importInto, tally, typeAndKind } from './helpers';

const claimTypes = (claims: Iterable<{ type: string }>) => tally(claims, (c) => c.type);

describe('GEXF import of the real files', () => {
  it('gephi-lite.gexf: 61 nodes / 88 edges, node and edge types from the "type" attribute', () => {
    const { dataset: loaded, graph, data, outDir } = importInto('gexf', [dataset('gephi-lite__gephi-lite.gexf')]);
    expect(loaded.entities.size).toBe(61);
    expect(loaded.claims.length).toBe(88);
    expect(graph.size).toBe(88);
    expect(tally(loaded.entities.values(), typeAndKind)).toEqual({
      event: 2,
      'organization/company': 3,
      paper: 12,
      person: 18,
      research_group: 7,
      service: 19,
    });
    expect(claimTypes(loaded.claims)).toEqual({
      created: 3,
      funded: 14,
      linked_to: 44,
      presented_at: 8,
      requires: 16,
      supported: 3,
    });
    // Typed attributes stay typed: integers and doubles as numbers, viz colour and size kept;
    // the viz position is the node's place in layout.json.
    expect(loaded.positions?.mathieu_jacomy).toEqual({ x: 36.46704864501953, y: -13.000205039978027 });
    expect(loaded.entities.get('mathieu_jacomy')).toEqual({
      id: 'mathieu_jacomy',
      type: 'person',
      name: 'Mathieu Jacomy',
      aliases: [],
      attributes: {
        degree: 7,
        rawSize: 3.0539197250103305,
        start_year: 2007,
        image: 'https://www.ouestware.com/talks/GephiLite@FOSDEM2024/images/mathieu-jacomy.jpg',
        color: 'rgb(172,150,67)',
        size: 3.0539197250103305,
      },
    });
    // "software" maps onto our service and the source's word is kept.
    expect(loaded.entities.get('gephi')).toMatchObject({
      type: 'service',
      attributes: { type: 'software', start_year: 2008 },
    });
    expect(loaded.claims.find((c) => c.id === 'gephi-lite__gephi-lite.gexf#gdotv_sigmajs')).toEqual({
      id: 'gephi-lite__gephi-lite.gexf#gdotv_sigmajs',
      subject: 'gdotv',
      type: 'funded',
      object: 'sigmajs',
      stance: 'asserts',
      record: { file: 'gephi-lite__gephi-lite.gexf', id: 'gdotv_sigmajs' },
      attributes: { weight: 0.5, rawWeight: 0.5, color: 'rgb(204,204,204)', type: 'sponsored' },
    });
    const vocabulary = JSON.parse(fs.readFileSync(path.join(outDir, 'vocabulary.json'), 'utf8'));
    expect(vocabulary.nodeTypes.map((t: { id: string }) => t.id)).toEqual([
      'person',
      'organization',
      'country',
      'service',
      'research_group',
      'paper',
      'event',
    ]);
    expect(
      vocabulary.edgeTypes
        .slice(-3)
        .map((t: { id: string; label: string; directed: boolean }) => [t.id, t.label, t.directed]),
    ).toEqual([
      ['requires', 'requires', true],
      ['created', 'created', true],
      ['presented_at', 'presented at', true],
    ]);
    expect(data.notes).toEqual([
      'added to vocabulary.json: node types research_group, paper, event; edge types requires, created, presented_at',
      'kept the positions of all 61 nodes from gephi-lite__gephi-lite.gexf in layout.json; --layout recompute lays the graph out with ForceAtlas2 instead',
    ]);
    expect(fs.readdirSync(outDir).sort()).toEqual([
      'claims.json',
      'entities.json',
      'import.json',
      'layout.json',
      'sources',
      'vocabulary.json',
    ]);
    expect(fs.readFileSync(path.join(outDir, 'sources', 'gephi-lite__gephi-lite.gexf'))).toEqual(
      fs.readFileSync(dataset('gephi-lite__gephi-lite.gexf')),
    );
  });

  it('les-miserables.gexf: 77 / 254, weight only where the file gives one, and a note that no type attribute exists', () => {
    const { dataset: loaded, graph, data } = importInto('gexf', [dataset('gephi-lite__les-miserables.gexf')]);
    expect([loaded.entities.size, loaded.claims.length, graph.size]).toEqual([77, 254, 254]);
    expect(tally(loaded.entities.values(), typeAndKind)).toEqual({ unspecified: 77 });
    const valjean = [...loaded.entities.values()].find((e) => e.name === 'Valjean');
    expect(valjean?.attributes).toMatchObject({ modularity_class: 1 });
    expect(loaded.claims.filter((c) => c.attributes?.weight !== undefined).length).toBe(157);
    expect(loaded.claims.every((c) => typeof c.attributes?.cooccurrence === 'number')).toBe(true);
    expect(data.notes).toEqual([
      'gephi-lite__les-miserables.gexf: no node has an attribute "type", so every node is imported as "unspecified"; name the node type attribute with --node-type-attr NAME (node attributes: color, label, modularity_class, size, x, y)',
      'gephi-lite__les-miserables.gexf: no edge has an attribute "type", so every edge is imported as "linked_to"; name the edge type attribute with --edge-type-attr NAME (edge attributes: cooccurrence, weight)',
      'kept the positions of all 77 nodes from gephi-lite__les-miserables.gexf in layout.json; --layout recompute lays the graph out with ForceAtlas2 instead',
    ]);
  });

  it('java.gexf (GEXF 1.3 namespace): 1,538 nodes / 8,032 edges; reciprocal A→B, B→A links share one linked_to edge', () => {
    const { dataset: loaded, graph } = importInto('gexf', [dataset('gephi-lite__java.gexf')]);
    expect([loaded.entities.size, loaded.claims.length, graph.size]).toEqual([1538, 8032, 7817]);
  });

  it('arctic.gexf (legacy gephi.org GEXF): 1,715 / 6,676, the 448 duplicated undirected pairs merged', () => {
    const { dataset: loaded, graph } = importInto('gexf', [dataset('sigma__arctic.gexf')]);
    expect([loaded.entities.size, loaded.claims.length, graph.size]).toEqual([1715, 6676, 6676 - 448]);
    expect([...loaded.entities.values()][0].attributes).toMatchObject({ nodedef: 'n0', occurrences: 1 });
  });

  it('divided-they-blog.gexf: 1,224 / 19,025 with its 3 self-loops kept', () => {
    const { dataset: loaded, graph } = importInto('gexf', [dataset('gephi-lite__divided-they-blog.gexf')]);
    expect([loaded.entities.size, loaded.claims.length, graph.size]).toEqual([1224, 19025, 16718]);
    expect(loaded.claims.filter((c) => c.subject === c.object).length).toBe(3);
  });
});

describe('GraphML import of the real files', () => {
  it('graphology miserables.graphml: 77 / 254 with typed keys, names with spaces included', () => {
    const { dataset: loaded, graph } = importInto('graphml', [dataset('graphology__miserables.graphml')]);
    expect([loaded.entities.size, loaded.claims.length, graph.size]).toEqual([77, 254, 254]);
    const valjean = [...loaded.entities.values()].find((e) => e.name === 'Valjean');
    expect(valjean?.attributes).toEqual({
      'Modularity Class': 1,
      size: 100,
      color: '#f55b5b',
    });
    expect(loaded.positions?.[valjean!.id]).toEqual({ x: -87.93029, y: 6.8120565 });
    expect(loaded.claims.every((c) => typeof c.attributes?.weight === 'number')).toBe(true);
  });

  it('airlines.graphml: 235 nodes / 2,101 edges, the 804 duplicates kept as claims on 1,297 edges', () => {
    const { dataset: loaded, graph } = importInto('graphml', [dataset('gephi-lite__airlines.graphml')]);
    expect([loaded.entities.size, loaded.claims.length, graph.size]).toEqual([235, 2101, 2101 - 804]);
    let claimsOnEdges = 0;
    graph.forEachEdge((_e, attributes) => (claimsOnEdges += attributes.claimCount));
    expect(claimsOnEdges).toBe(2101);
    // No label in the file: the name is the node id, the tooltip stays an attribute, the x and y keys are its place.
    expect(loaded.entities.get('0')).toEqual({
      id: '0',
      type: 'unspecified',
      name: '0',
      aliases: [],
      attributes: { tooltip: 'LIT(lngx=-92.224444,laty=34.729444)' },
    });
    expect(loaded.positions?.['0']).toEqual({ x: -922.24444, y: -347.29444 });
  });
});

describe('JSON import of the real files', () => {
  it('euroSIS.json (SerializedGraph, multi): 1,285 nodes / 7,524 edges, 1,062 parallel ones merged, 28 node attributes kept', () => {
    const { dataset: loaded, graph } = importInto('json', [dataset('sigma__euroSIS.json')], {
      nodeTypeAttr: 'actor_type',
    });
    expect([loaded.entities.size, loaded.claims.length, graph.size]).toEqual([1285, 7524, 7524 - 1062]);
    const node = loaded.entities.get('10')!;
    expect(node.name).toBe('Astronomical Institute');
    expect(node.type).toBe('research_centers');
    // All 28 kept, x and y as its place: actor_type too, as the source spelt it, since our type id differs from it.
    expect(Object.keys(node.attributes ?? {}).length).toBe(26);
    expect(node.attributes).toMatchObject({
      actor_type: 'Research centers',
      country: 'Czech Republic',
      tag_scienceedu: '1',
    });
    expect(loaded.positions?.['10']).toEqual({ x: -297.02410888671875, y: -606.6956176757812 });
    expect(tally(loaded.entities.values(), typeAndKind)).toEqual({
      advisory_bodies: 39,
      events_projects: 42,
      international: 47,
      network_of_organizations: 41,
      ngo_cso: 184,
      'organization/company': 43,
      'organization/media': 91,
      personal_websites: 27,
      policy_makers_and_governmental_organizations: 73,
      portal_or_other_independent_websites: 109,
      research_centers: 177,
      science_centres_and_museums: 124,
      subnational_and_local_actors: 31,
      universities_and_secondary_schools: 257,
    });
  });

  it('sigma les-miserables.json: 77 / 254 keyed edges cited by key', () => {
    const { dataset: loaded, graph } = importInto('json', [dataset('sigma__les-miserables.json')]);
    expect([loaded.entities.size, loaded.claims.length, graph.size]).toEqual([77, 254, 254]);
    expect(loaded.entities.get('0.0')).toMatchObject({
      name: 'Myriel',
      attributes: { color: 'rgb(216,72,45)', 'nansi-degree': 10 },
    });
    expect(loaded.claims[0]).toMatchObject({
      subject: '1.0',
      object: '0.0',
      type: 'linked_to',
      record: { file: 'sigma__les-miserables.json', id: '0' },
    });
  });

  it("sigma's demo dataset.json (its own shape): 2,085 nodes / 5,409 edges, cluster labels joined, ids slugified", () => {
    const { dataset: loaded, graph } = importInto('json', [dataset('sigma__demo-dataset.json')], {
      nodeTypeAttr: 'tag',
    });
    expect([loaded.entities.size, loaded.claims.length, graph.size]).toEqual([2085, 5409, 4906]);
    expect(loaded.entities.get('cytoscape')).toEqual({
      id: 'cytoscape',
      type: 'tool',
      name: 'Cytoscape',
      aliases: [],
      attributes: {
        tag: 'Tool',
        URL: 'https://en.wikipedia.org/wiki/Cytoscape',
        cluster: '0',
        score: 0.00006909602204225056,
        clusterLabel: 'Graph theory',
      },
    });
    expect(loaded.positions?.cytoscape).toEqual({ x: 643.82275390625, y: -770.3126220703125 });
    expect(loaded.entities.get('computational-genomics')).toMatchObject({
      name: 'Computational genomics',
      attributes: { sourceKey: 'computational genomics' },
    });
    expect(loaded.claims[0]).toMatchObject({
      subject: 'cytoscape',
      object: 'computational-genomics',
      record: { file: 'sigma__demo-dataset.json', id: 'edges[0]' },
    });
    expect(tally(loaded.entities.values(), typeAndKind)).toEqual({
      chart_type: 99,
      concept: 218,
      field: 223,
      list: 7,
      method: 212,
      'organization/company': 1,
      organization: 3,
      person: 18,
      technology: 81,
      tool: 29,
      unknown: 1194,
    });
  });
});

describe('CSV import of the real files', () => {
  it('donations.csv: 292 rows → 292 funded claims between 84 donors and 11 parties (keys trimmed), typed from DonorType', () => {
    const { dataset: loaded, graph } = importInto('csv', [dataset('nomenklatura__donations.csv')], {
      sourceCol: 'Donor',
      targetCol: 'Party',
      sourceTypeCol: 'DonorType',
      defaultNodeType: 'party',
      defaultEdgeType: 'funded',
      dateCol: 'DonationDate',
    });
    expect([loaded.entities.size, loaded.claims.length, graph.size]).toEqual([95, 292, 116]);
    expect(tally(loaded.entities.values(), typeAndKind)).toEqual({
      'organization/company': 56,
      'organization/party': 11,
      organization: 6,
      person: 22,
    });
    expect(claimTypes(loaded.claims)).toEqual({ funded: 292 });
    expect(loaded.claims[0]).toEqual({
      id: 'nomenklatura__donations.csv#line 2',
      subject: 'Frau-Lina-Dachner',
      type: 'funded',
      object: 'MLPD',
      stance: 'asserts',
      record: { file: 'nomenklatura__donations.csv', id: 'line 2' },
      date: '2011-12-29',
      attributes: {
        DonationEUR: '100000',
        Street: 'Schillerstraße 19',
        City: '76135 Karlsruhe',
        Country: 'Deutschland',
        ReportingDate: '2011-12-30',
      },
    });
    expect(loaded.entities.get('Frau-Lina-Dachner')).toEqual({
      id: 'Frau-Lina-Dachner',
      type: 'person',
      name: 'Frau Lina Dachner',
      aliases: [],
      attributes: { type: 'PERSON', sourceKey: 'Frau Lina Dachner' },
    });
  });

  it('musae facebook: a nodes file joined to 171,002 edges; page types mapped; 17-digit ids stay strings', () => {
    const inputs = readInputFiles([dataset('musae__facebook_target.csv'), dataset('musae__facebook_edges.csv')]);
    const data = importData('csv', inputs, {
      sourceCol: 'id_1',
      targetCol: 'id_2',
      labelCol: 'page_name',
      typeCol: 'page_type',
    });
    expect([data.entities.length, data.claims.length]).toEqual([22470, 171002]);
    expect(tally(data.entities, typeAndKind)).toEqual({
      'organization/company': 6495,
      'organization/government': 6880,
      politician: 5768,
      tvshow: 3327,
    });
    expect(data.entities[0]).toEqual({
      id: '0',
      type: 'tvshow',
      name: 'The Voice of China 中国好声音',
      aliases: [],
      attributes: { facebook_id: '145647315578475' },
    });
    const longIds = data.entities
      .map((e) => e.attributes?.facebook_id as string)
      .filter((id) => !Number.isSafeInteger(Number(id)));
    expect(longIds.length).toBeGreaterThan(0);
    expect(longIds.every((id) => /^\d{17}$/.test(id))).toBe(true);
    expect(data.claims.filter((c) => c.subject === c.object).length).toBe(179);
  });
});

describe('FollowTheMoney import of the real files', () => {
  it('yente zala: Person 6, Company 11, 13 countries; Ownership 14, Family 4, Directorship 3, Sanction 41; 16 dangling addresses', () => {
    const { dataset: loaded, data } = importInto('ftm', [dataset('yente__zala.entities.ftm.json')]);
    expect(loaded.entities.size).toBe(30);
    expect(tally(loaded.entities.values(), typeAndKind)).toEqual({
      country: 13,
      'organization/company': 11,
      person: 6,
    });
    expect(claimTypes(loaded.claims)).toEqual({
      associate_of: 4,
      holds_position: 3,
      linked_to: 29,
      owns: 14,
      sanctioned: 41,
    });
    expect(tally(loaded.claims, (c) => String(c.attributes?.schema ?? 'country link'))).toEqual({
      'country link': 29,
      Directorship: 3,
      Family: 4,
      Ownership: 14,
      Sanction: 41,
    });
    expect(data.notes).toEqual([
      '11 Address entities are not nodes: 11 address references were copied as text into the "addresses" attribute of the entities that make them',
      'skipped 1 entity of schemata with no mapping: 1 Passport',
      '16 references to entities not in the input were left out: 16 addressEntity',
    ]);
    const directorship = loaded.claims.find((c) => c.id === 'ofac-d8ecdd62dca8ba39b832a77c170926630683ea05');
    expect(directorship).toMatchObject({
      subject: 'NK-aU5ybkbRFJucf8YMwsJvDw',
      type: 'holds_position',
      object: 'NK-abdzbEBkqyT29GyREbiURZ',
      stance: 'asserts',
      role: 'Leader or official of',
      record: { file: 'yente__zala.entities.ftm.json', id: 'ofac-d8ecdd62dca8ba39b832a77c170926630683ea05' },
    });
    expect(directorship?.quote).toBeUndefined();
    const sanction = loaded.claims.find((c) => c.id === 'au-dfat-56600015954691cece058c2a3b0e3b27740701e6');
    expect(sanction).toMatchObject({
      subject: 'country:AU',
      type: 'sanctioned',
      startDate: '2023-02-24',
      record: { url: 'https://www.dfat.gov.au/international-relations/security/sanctions/Pages/sanctions' },
      attributes: {
        schema: 'Sanction',
        authority: ['Department of Foreign Affairs and Trade'],
        program: ['Autonomous (Russia)'],
      },
    });
    expect(loaded.entities.get('country:AU')).toEqual({
      id: 'country:AU',
      type: 'country',
      name: 'Australia',
      aliases: [],
      countryCode: 'AU',
    });
    const person = loaded.entities.get('NK-2Tbri3s6GgNtAwsSXh4qpL')!;
    expect(person.name).toBe('Maria Aleksandrovna Osetrova');
    expect(person.aliases).toContain('Мария Александровна Осетрова');
    expect(person.attributes).toMatchObject({
      schema: 'Person',
      birthDate: ['1988-01-07'],
      gender: ['female'],
      datasets: expect.any(Array),
    });
  });

  it('yente delta: 1,700 operations unwrapped to 1,129 entities; 1,463 dangling references tolerated', () => {
    const { dataset: loaded, data } = importInto('ftm', [dataset('yente__entities.delta.json')]);
    expect(tally(loaded.entities.values(), typeAndKind)).toEqual({
      country: 74,
      'organization/company': 1,
      'organization/other': 124,
      person: 451,
    });
    expect(claimTypes(loaded.claims)).toEqual({ linked_to: 1295, sanctioned: 539 });
    expect(data.notes).toEqual([
      '2 Address entities are not nodes: 5 address references were copied as text into the "addresses" attribute of the entities that make them',
      'skipped 1 entity of schemata with no mapping: 1 Passport',
      '1463 references to entities not in the input were left out: 1452 addressEntity, 8 entity, 2 object, 1 owner',
    ]);
  });

  it('donations.ijson: 290 Payment edges → funded claims with amount and date; all 683 references resolve', () => {
    const { dataset: loaded, data } = importInto('ftm', [dataset('nomenklatura__donations.ijson')]);
    expect(tally(loaded.entities.values(), typeAndKind)).toEqual({
      country: 4,
      'organization/company': 56,
      'organization/other': 17,
      person: 22,
    });
    expect(claimTypes(loaded.claims)).toEqual({ funded: 290, linked_to: 83 });
    expect(loaded.claims.find((c) => c.id === '2216b422a31242fe204654ce194864661f515921')).toEqual({
      id: '2216b422a31242fe204654ce194864661f515921',
      subject: 'f9c295f21b233ac878fbac4d271bb6fd13d7952a',
      type: 'funded',
      object: '6d03aec76fdeec8f9697d8b19954ab6fc2568bc8',
      stance: 'asserts',
      record: { file: 'nomenklatura__donations.ijson', id: '2216b422a31242fe204654ce194864661f515921' },
      date: '2011-12-29',
      attributes: { schema: 'Payment', amountEur: ['100000'], namesMentioned: ['Frau Lina Dachner', 'MLPD'] },
    });
    expect(loaded.entities.get('f9c295f21b233ac878fbac4d271bb6fd13d7952a')?.attributes).toEqual({
      schema: 'Person',
      addresses: ['Schillerstraße 19, 76135 Karlsruhe'],
    });
    expect(data.notes).toEqual([
      '89 Address entities are not nodes: 103 address references were copied as text into the "addresses" attribute of the entities that make them',
    ]);
  });

  it('the CSV and FtM versions of the donations agree on who the donors are', () => {
    const csv = importData('csv', readInputFiles([dataset('nomenklatura__donations.csv')]), {
      sourceCol: 'Donor',
      targetCol: 'Party',
      sourceTypeCol: 'DonorType',
      defaultNodeType: 'party',
      defaultEdgeType: 'funded',
    });
    const ftm = importData('ftm', readInputFiles([dataset('nomenklatura__donations.ijson')]));
    const names = (entities: Array<{ type: string; kind?: string; name: string }>, type: string) =>
      entities
        .filter((e) => typeAndKind(e) === type)
        .map((e) => e.name)
        .sort();
    expect(names(csv.entities, 'person')).toEqual(names(ftm.entities, 'person'));
    expect(names(csv.entities, 'organization/company')).toEqual(names(ftm.entities, 'organization/company'));
  });
});
