// GraphML export (our writer; graphology-graphml only parses): parsed back with
// graphology-graphml it gives the same nodes, edges and attributes, claims included.
import path from 'node:path';
import Graph from 'graphology';
import { parse } from 'graphology-graphml';
import { exportGraphml } from '../../../server/export/graphml';
import { openGraph } from '../../../server/graph/openGraph';
import { assertWellFormedXml } from './strictXml';
import { nastyEdges, nastyGraph } from '../../fixtures/export/nastyGraph';
import { expectSameGraph } from './expectSameGraph';

const seedDir = path.join(__dirname, '..', '..', '..', 'graph-data');

describe('exportGraphml', () => {
  const text = exportGraphml(nastyGraph());
  const back = parse(Graph, text);

  it('declares every key with its type before the graph', () => {
    expect(text).toContain('<key id="e_claims" for="edge" attr.name="claims" attr.type="string"/>');
    expect(text).toContain('<key id="n_degree" for="node" attr.name="degree" attr.type="int"/>');
    expect(text).toContain('<key id="e_weight" for="edge" attr.name="weight" attr.type="double"/>');
    expect(text).toContain('<graph id="claimgraph" edgedefault="directed">');
    expect(back.getAttributes()).toEqual({ id: 'claimgraph', name: 'claimgraph', version: 'fixture-v1' });
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
    // NetworkX refuses an edge whose own directed="…" disagrees with edgedefault: none has one.
    expect(text).not.toMatch(/<edge [^>]*directed=/);
    expect(back.getEdgeAttribute('alice|in_contact_with|bob', 'directed')).toBe(false);
    expect(back.getEdgeAttribute('acme|supported|alice', 'directed')).toBe(true);
    expect(back.extremities('acme|operates|widget')).toEqual(['acme', 'widget']);
  });

  it('keeps node attributes with their types, escaping markup, quotes, CR and tabs', () => {
    expect(back.getNodeAttributes('alice')).toEqual({
      type: 'person',
      label: `Alice "Al" O'Neil`,
      aliases: '["Al\\\\Ice","line one\\nline two"]',
      description: '<script>alert("x")</script> & more',
      color: '#4e79a7',
      degree: 3,
      size: 6.81,
      x: 1.5,
      y: -2.25,
    });
    expect(back.getNodeAttribute('bob', 'label')).toBe('=HYPERLINK("http://evil.example")');
    expect(back.getNodeAttribute('bob', 'description')).toBe('tab\there\r\nCRLF');
    expect(JSON.parse(back.getNodeAttribute('bob', 'aliases'))).toEqual(['Боб', 'rocket 🚀']);
    expect(JSON.parse(back.getNodeAttribute('acme', 'attributes'))).toEqual({ founded: 1999, 'weird key': 'a,b;c' });
  });

  it('replaces characters XML cannot carry by U+FFFD and keeps U+2028 verbatim', () => {
    expect(text).toContain('<data key="n_description">bell\ufffd and line\u2028separator</data>');
    // xmldom (not a spec-conforming reader here) turns U+2028 in text into a line feed.
    expect(back.getNodeAttribute('widget', 'description')).toBe('bell\ufffd and line\nseparator');
  });

  it('keeps each edge with its claims as JSON, losslessly', () => {
    const attributes = back.getEdgeAttributes('alice|in_contact_with|bob');
    expect(attributes).toEqual({
      type: 'in_contact_with',
      label: 'disputed contact',
      typeLabel: 'contact',
      status: 'disputed',
      directed: false,
      claimCount: 2,
      weight: 2,
      firstDate: '2023-03',
      lastDate: '2023-03',
      documents: 'doc-1',
      claims: attributes.claims,
      color: '#76b7b2',
      size: 2,
    });
    for (const edge of nastyEdges)
      expect(JSON.parse(back.getEdgeAttribute(edge.key, 'claims'))).toEqual(edge.attributes.claims);
    expect(back.getEdgeAttribute('acme|funded|alice', 'directed')).toBe(true);
  });

  it('is well-formed XML 1.0, for the fixture and the seed dataset', () => {
    expect(() => assertWellFormedXml(text)).not.toThrow();
    expect(() => assertWellFormedXml(exportGraphml(openGraph(seedDir).graph))).not.toThrow();
  });

  it('does not depend on insertion order', () => {
    expect(exportGraphml(nastyGraph('reversed'))).toBe(text);
  });

  it('round-trips the seed dataset', () => {
    const { graph } = openGraph(seedDir);
    const seedBack = parse(Graph, exportGraphml(graph));
    expect([seedBack.order, seedBack.size]).toEqual([15, 19]);
    expectSameGraph(graph, seedBack);
    expect(seedBack.getEdgeAttributes('elon-musk|in_contact_with|vladimir-putin')).toMatchObject({
      status: 'disputed',
      label: 'disputed contact',
      claimCount: 4,
      directed: false,
      firstDate: '2022-10',
      lastDate: '2024',
    });
  });
});
