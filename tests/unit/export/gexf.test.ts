// GEXF export (the static file): parsed back with graphology-gexf it gives the same
// nodes, edges and attributes, claims included, for the nasty literal fixture and the
// seed dataset. The real readers (NetworkX, igraph) are in tests/readers/.
import path from 'node:path';
import Graph from 'graphology';
import { parse } from 'graphology-gexf';
import { exportGexf } from '../../../server/export/gexf';
import { openGraph } from '../../../server/graph/openGraph';
import { assertWellFormedXml } from './strictXml';
import { nastyEdges, nastyGraph, nastyNodes } from '../../fixtures/export/nastyGraph';
import { expectSameGraph, rgbOf } from './expectSameGraph';

const seedDir = path.join(__dirname, '..', '..', '..', 'graph-data');

describe('exportGexf', () => {
  const text = exportGexf(nastyGraph());
  const back = parse(Graph, text);

  it('writes GEXF 1.2 (what NetworkX and Gephi both read) with the 1.2 viz namespace and the dataset version in <meta>', () => {
    expect(
      text.startsWith(
        '<?xml version="1.0" encoding="UTF-8"?>\n<gexf version="1.2" xmlns="http://www.gexf.net/1.2draft" xmlns:viz="http://www.gexf.net/1.2draft/viz" ',
      ),
    ).toBe(true);
    expect(text).toContain('<graph defaultedgetype="directed">');
    expect(text).toContain('<description>claimgraph export of dataset fixture-v1</description>');
  });

  it('is a directed multigraph with the same node and edge keys; undirected relations say directed false', () => {
    expect(back.type).toBe('directed');
    expect(back.multi).toBe(true);
    expect(back.nodes()).toEqual(['acme', 'alice', 'bob', 'widget']);
    expect(back.edges()).toEqual([
      'acme|funded|alice',
      'acme|operates|widget',
      'acme|supported|alice',
      'alice|in_contact_with|bob',
    ]);
    expect(text).not.toContain('type="undirected"');
    expect(back.getEdgeAttribute('alice|in_contact_with|bob', 'directed')).toBe(false);
    expect(back.getEdgeAttribute('acme|funded|alice', 'directed')).toBe(true);
    expect(back.extremities('acme|operates|widget')).toEqual(['acme', 'widget']);
  });

  it('keeps node attributes, escaping quotes, markup, newlines and tabs', () => {
    expect(back.getNodeAttributes('alice')).toEqual({
      label: `Alice "Al" O'Neil`,
      type: 'person',
      aliases: '["Al\\\\Ice","line one\\nline two"]',
      description: '<script>alert("x")</script> & more',
      degree: 3,
      color: rgbOf('#4e79a7'),
      size: 6.81,
      x: 1.5,
      y: -2.25,
    });
    expect(back.getNodeAttribute('bob', 'description')).toBe('tab\there\r\nCRLF');
    expect(JSON.parse(back.getNodeAttribute('bob', 'aliases'))).toEqual(['Боб', 'rocket 🚀']);
    expect(JSON.parse(back.getNodeAttribute('acme', 'attributes'))).toEqual({ founded: 1999, 'weird key': 'a,b;c' });
    expect(text).toContain('<viz:color r="78" g="121" b="167"/>');
    expect(text).not.toContain('hex=');
  });

  it('replaces characters XML cannot carry by U+FFFD and keeps U+2028 verbatim', () => {
    expect(text).toContain('<attvalue for="description" value="bell\ufffd and line\u2028separator"/>');
    // xmldom (not a spec-conforming reader here) turns U+2028 in an attribute into a space.
    expect(back.getNodeAttribute('widget', 'description')).toBe('bell\ufffd and line separator');
  });

  it('keeps each edge with its claims as JSON, losslessly', () => {
    expect(back.getEdgeAttributes('alice|in_contact_with|bob')).toEqual({
      label: 'disputed contact',
      kind: 'in_contact_with',
      weight: 2,
      color: rgbOf('#76b7b2'),
      thickness: 2,
      type: 'in_contact_with',
      typeLabel: 'contact',
      status: 'disputed',
      directed: false,
      claimCount: 2,
      firstDate: '2023-03',
      lastDate: '2023-03',
      documents: 'doc-1',
      claims: back.getEdgeAttribute('alice|in_contact_with|bob', 'claims'),
    });
    for (const edge of nastyEdges)
      expect(JSON.parse(back.getEdgeAttribute(edge.key, 'claims'))).toEqual(edge.attributes.claims);
    expect(back.getEdgeAttribute('acme|operates|widget', 'documents')).toBe('imports/registry.csv');
  });

  it('keeps every node label', () => {
    expect(back.mapNodes((_key, a) => a.label)).toEqual([
      'Acme, Corp.',
      `Alice "Al" O'Neil`,
      '=HYPERLINK("http://evil.example")',
      '-Widget',
    ]);
    expect(nastyNodes).toHaveLength(4);
  });

  it('is well-formed XML 1.0, for the fixture and the seed dataset', () => {
    expect(() => assertWellFormedXml(text)).not.toThrow();
    expect(() => assertWellFormedXml(exportGexf(openGraph(seedDir).graph))).not.toThrow();
  });

  it('does not depend on insertion order', () => {
    expect(exportGexf(nastyGraph('reversed'))).toBe(text);
  });

  it('round-trips the seed dataset', () => {
    const { graph } = openGraph(seedDir);
    const seedBack = parse(Graph, exportGexf(graph));
    expect([seedBack.order, seedBack.size]).toEqual([15, 19]);
    expectSameGraph(graph, seedBack, 'rgb');
    expect(seedBack.getEdgeAttributes('elon-musk|in_contact_with|vladimir-putin')).toMatchObject({
      status: 'disputed',
      label: 'disputed contact',
      claimCount: 4,
      firstDate: '2022-10',
      lastDate: '2024',
      documents: '000_57d8c84b7f0fe012',
    });
  });
});
