// The streaming GEXF writer's static file is, byte for byte, what graphology-gexf's writer
// gives (with the viz namespace corrected): the library stays the reference, ours only
// makes it stream. The dynamic file is the static one plus the timeline.
import path from 'node:path';
import Graph from 'graphology';
import { exportGexf } from '../../../server/export/gexf';
import { exportGexfStreamed } from '../../../server/export/gexfStream';
import type { EvidenceGraph, EvidenceGraphAttributes } from '../../../server/model/evidenceGraph';
import { openGraph } from '../../../server/graph/openGraph';
import type { EdgeAttributes, NodeAttributes } from '../../../server/model/graph';
import { nastyEdges, nastyGraph, nastyNodes } from '../../fixtures/export/nastyGraph';

const seedDir = path.join(__dirname, '..', '..', '..', 'graph-data');

function emptyGraph(): EvidenceGraph {
  const graph: EvidenceGraph = new Graph<NodeAttributes, EdgeAttributes, EvidenceGraphAttributes>({
    type: 'mixed',
    multi: true,
    allowSelfLoops: true,
  });
  graph.replaceAttributes({ name: 'claimgraph', version: 'empty & <odd>' });
  return graph;
}

/** Only the undirected edge, a self-loop, and node attributes that vary in type. */
function oddGraph(): EvidenceGraph {
  const graph = emptyGraph();
  const [alice, bob] = nastyNodes.map(([, a]) => structuredClone(a));
  graph.addNode('alice', { ...alice, color: 'rgb(1, 2, 3)', degree: 2 ** 31, description: '' });
  graph.addNode('bob', { ...bob, color: 'rgba(4,5,6,0.5)', label: '' });
  graph.addNode('carol', { ...bob, color: 'plum', degree: 1.5 });
  const contact = nastyEdges.find((e) => e.undirected)!;
  graph.addUndirectedEdgeWithKey(contact.key, 'alice', 'bob', structuredClone(contact.attributes));
  graph.addUndirectedEdgeWithKey('bob|in_contact_with|bob', 'bob', 'bob', {
    ...structuredClone(contact.attributes),
    firstDate: undefined,
    lastDate: undefined,
  });
  return graph;
}

/** Text that breaks a careless fast path: markup, quotes, controls, lone surrogates, noncharacters, astral and RTL script. */
const NASTY_TEXT = `a"b&c<d>e'f\tg\nh\ri\u0000j\u001fk\ud800l\udc00m\ud83d\ude80n\ufffeo\uffffp\u2028q\u2029r\\s/t שלום`;

/**
 * Values the writer's fast paths (claims in their usual key order, strings with nothing
 * to escape, colours written once) must leave to the general path: claims with keys in
 * another order, unknown keys, nested records, toJSON, non-finite and huge numbers, -0,
 * null and undefined in lists; empty strings; lists of several documents.
 */
function arbitraryValuesGraph(): EvidenceGraph {
  const graph = emptyGraph();
  const [alice, bob, acme] = nastyNodes.map(([, a]) => structuredClone(a));
  graph.addNode(NASTY_TEXT, {
    ...alice,
    label: NASTY_TEXT,
    description: NASTY_TEXT,
    aliases: [NASTY_TEXT, '', '\ud800'],
    x: -0,
    y: 1e21,
    size: 1e-7,
  });
  graph.addNode('bob', {
    ...bob,
    label: '',
    description: '',
    kind: NASTY_TEXT,
    countryCode: '',
    color: 'rgba(1, 2, 3, 0.25)',
    degree: Number.NaN,
    x: Number.NaN,
  });
  graph.addNode('acme', {
    ...acme,
    attributes: {
      [NASTY_TEXT]: [1e21, -0, null, true, { deep: NASTY_TEXT }],
      '': '',
      when: new Date(Date.UTC(2020, 0, 2)),
      n: 12,
    },
    color: NASTY_TEXT,
    degree: 2 ** 40,
  });
  const [contact] = nastyEdges.map((e) => structuredClone(e.attributes));
  const usual = contact.claims[0];
  const odd: unknown[] = [
    usual,
    { subject: 'bob', id: 'out of order', object: NASTY_TEXT, stance: 'asserts' },
    {
      ...usual,
      extra: NASTY_TEXT,
      attributes: {
        amount: Number.POSITIVE_INFINITY,
        share: Number.NaN,
        big: 1e21,
        zero: -0,
        list: [undefined, null, NASTY_TEXT, () => 1],
        toJSON: 'not a function',
      },
    },
    {
      ...usual,
      quote: '',
      quoteStart: -0,
      quoteEnd: 1e21,
      date: undefined,
      record: { file: NASTY_TEXT, id: '' },
      attributes: { when: new Date(Date.UTC(2021, 5, 7)) },
    },
    { id: 'with toJSON', toJSON: () => ({ replaced: NASTY_TEXT }) },
    null,
    undefined,
    Object.assign(Object.create(null), { id: 'null prototype', subject: NASTY_TEXT }),
  ];
  graph.addDirectedEdgeWithKey(`${NASTY_TEXT}|funded|bob`, NASTY_TEXT, 'bob', {
    ...contact,
    type: NASTY_TEXT,
    label: NASTY_TEXT,
    typeLabel: '',
    status: NASTY_TEXT,
    color: 'rgb(10,20,30)',
    size: 1e21,
    documents: ['doc-1', NASTY_TEXT, ''],
    firstDate: '',
    claims: odd as EdgeAttributes['claims'],
  });
  graph.addDirectedEdgeWithKey('bob|funded|acme', 'bob', 'acme', {
    ...contact,
    label: '',
    type: '',
    claimCount: Number.NaN,
    size: -0,
    documents: [NASTY_TEXT],
    claims: [],
  });
  graph.addUndirectedEdgeWithKey('acme|in_contact_with|bob', 'acme', 'bob', {
    ...contact,
    color: '',
    claimCount: 2 ** 31,
    documents: [],
    claims: [{ ...usual, summary: NASTY_TEXT }],
  });
  return graph;
}

/** One special character per string, so that a fast path that misses any one of them changes the output. */
const ONE_SPECIAL_EACH = [
  '"',
  '&',
  '<',
  '>',
  "'",
  '\t',
  '\n',
  '\r',
  '\u0000',
  '\u0008',
  '\u000b',
  '\u001f',
  '\u007f',
  '\ud800',
  '\udc00',
  '\ud83d\ude80',
  '\ufffe',
  '\uffff',
  '\u2028',
  '\u2029',
  '\\',
  '/',
  'é',
  'ж',
];

function oneSpecialEachGraph(): EvidenceGraph {
  const graph = emptyGraph();
  const [alice] = nastyNodes.map(([, a]) => structuredClone(a));
  const [contact] = nastyEdges.map((e) => structuredClone(e.attributes));
  const usual = contact.claims[0];
  ONE_SPECIAL_EACH.forEach((special, i) => {
    const text = `x${special}y`;
    graph.addNode(`n${i}${special}`, {
      ...alice,
      label: text,
      description: text,
      aliases: [text],
      attributes: { [text]: text },
    });
    if (i === 0) return;
    graph.addDirectedEdgeWithKey(`e${i}${special}`, `n${i - 1}${ONE_SPECIAL_EACH[i - 1]}`, `n${i}${special}`, {
      ...contact,
      type: text,
      label: text,
      typeLabel: text,
      documents: [text],
      claims: [{ ...usual, quote: text, summary: text, attributes: { [text]: text } }],
    });
  });
  return graph;
}

/** Nodes an imported file coloured and sized (its `attributes`), one with a colour no reader can draw. */
function importedLookGraph(): EvidenceGraph {
  const graph = emptyGraph();
  const [alice, bob] = nastyNodes.map(([, a]) => structuredClone(a));
  graph.addNode('alice', { ...alice, attributes: { color: 'rgb(186,41,68)', size: 40.81072 } });
  graph.addNode('bob', { ...bob, attributes: { color: '#0af', size: 0 } });
  graph.addNode('carol', { ...bob, attributes: { color: 'plum', size: 'big' } });
  return graph;
}

describe('gexfChunks', () => {
  it('writes the colour and size an imported file gave a node, else its type colour and degree size', () => {
    const graph = importedLookGraph();
    const text = exportGexfStreamed(graph);
    const viz = (id: string) =>
      /<node id="([^"]+)"[^]*?<\/node>/g
        .exec(text.slice(text.indexOf(`<node id="${id}"`)))![0]
        .match(/<viz:[a-z]+[^>]*>/g);
    expect(viz('alice')).toEqual([
      '<viz:color r="186" g="41" b="68"/>',
      '<viz:size value="40.81072"/>',
      `<viz:position x="${graph.getNodeAttribute('alice', 'x')}" y="${graph.getNodeAttribute('alice', 'y')}"/>`,
    ]);
    expect(viz('bob')).toEqual([
      '<viz:color r="0" g="170" b="255"/>',
      `<viz:size value="${graph.getNodeAttribute('bob', 'size')}"/>`,
      `<viz:position x="${graph.getNodeAttribute('bob', 'x')}" y="${graph.getNodeAttribute('bob', 'y')}"/>`,
    ]);
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(graph.getNodeAttribute('carol', 'color').slice(i, i + 2), 16));
    expect(viz('carol')![0]).toBe(`<viz:color r="${r}" g="${g}" b="${b}"/>`);
    expect(exportGexf(graph)).toBe(text);
  });

  it.each([
    ['the nasty fixture', () => nastyGraph()],
    ['the seed dataset', () => openGraph(seedDir).graph],
    ['an empty graph', emptyGraph],
    ['an undirected-only graph with a self-loop, colours in rgb() and mixed number types', oddGraph],
    ['arbitrary values in claims, labels, keys, lists and numbers', arbitraryValuesGraph],
    ['one special character in each string', oneSpecialEachGraph],
  ])('writes exactly what graphology-gexf writes: %s', (_name, make) => {
    const graph = make();
    expect(exportGexfStreamed(graph)).toBe(exportGexf(graph));
  });

  it('writes claims in another key order, with unknown keys or with toJSON as JSON.stringify orders them', () => {
    const text = exportGexfStreamed(arbitraryValuesGraph());
    expect(text).toContain('{&quot;subject&quot;:&quot;bob&quot;,&quot;id&quot;:&quot;out of order&quot;,');
    expect(text).toContain('{&quot;replaced&quot;:&quot;a\\&quot;b&amp;c&lt;d>e');
    expect(text).toContain(',null,null,{&quot;id&quot;:&quot;null prototype&quot;,');
    expect(text).toContain('&quot;when&quot;:&quot;2021-06-07T00:00:00.000Z&quot;');
  });

  it.each([
    ['the nasty fixture', () => nastyGraph()],
    ['the seed dataset', () => openGraph(seedDir).graph],
    ['arbitrary values in claims, labels, keys, lists and numbers', arbitraryValuesGraph],
  ])('writes the dynamic file as the static one plus mode, timeformat and spells: %s', (_name, make) => {
    const graph = make();
    const dynamic = exportGexfStreamed(graph, { dynamic: true });
    const withoutTimeline = dynamic
      .replace(
        '<graph defaultedgetype="directed" mode="dynamic" timeformat="date">',
        '<graph defaultedgetype="directed">',
      )
      .replace(
        /\n {8}<spells>(?:\n {10}<spell start="\d{4}-\d{2}-\d{2}" end="\d{4}-\d{2}-\d{2}"\/>)+\n {8}<\/spells>/g,
        '',
      );
    expect(withoutTimeline).toBe(exportGexf(graph));
  });

  it('writes the claims days of each edge as spells, after its attvalues', () => {
    const dynamic = exportGexfStreamed(nastyGraph(), { dynamic: true });
    expect(dynamic).toContain(
      '</attvalues>\n        <spells>\n          <spell start="2019-01-01" end="2021-06-30"/>\n        </spells>\n        <viz:color r="89" g="161" b="79"/>',
    );
    expect(dynamic.match(/<spells>/g)).toHaveLength(3);
  });

  it('declares an integer attribute as double once a value is fractional, as the library does', () => {
    expect(exportGexfStreamed(oddGraph())).toContain('<attribute id="degree" title="degree" type="double"/>');
  });
});
