// The format registry that the CLI's `export` and the API's /api/export share: every
// export format by name, and streaming (`write`) giving exactly what `render` gives.
import path from 'node:path';
import { Writable } from 'node:stream';
import Graph from 'graphology';
import { exportFormats, findExportFormat } from '../../../server/export';
import type { EvidenceGraph, EvidenceGraphAttributes } from '../../../server/model/evidenceGraph';
import { openGraph } from '../../../server/graph/openGraph';
import type { EdgeAttributes, NodeAttributes } from '../../../server/model/graph';
import { nastyEdges, nastyGraph, nastyNodes } from '../../fixtures/export/nastyGraph';

const seedDir = path.join(__dirname, '..', '..', '..', 'graph-data');

/** A slow sink with a tiny buffer, so writers must wait for 'drain'. */
function slowSink(): { out: Writable; text: () => string } {
  const parts: string[] = [];
  const out = new Writable({
    highWaterMark: 16,
    decodeStrings: false,
    write(chunk: string, _encoding, callback) {
      parts.push(chunk);
      setImmediate(callback);
    },
  });
  return { out, text: () => parts.join('') };
}

/** The nasty fixture copied 300 times: about a megabyte in every format, many writes. */
function largeGraph(): EvidenceGraph {
  const graph: EvidenceGraph = new Graph<NodeAttributes, EdgeAttributes, EvidenceGraphAttributes>({
    type: 'mixed',
    multi: true,
    allowSelfLoops: true,
  });
  graph.replaceAttributes({ name: 'claimgraph', version: 'large' });
  for (let i = 0; i < 300; i++) {
    for (const [key, attributes] of nastyNodes) graph.addNode(`${key}-${i}`, attributes);
    for (const edge of nastyEdges) {
      const key = `${edge.key}-${i}`;
      if (edge.undirected)
        graph.addUndirectedEdgeWithKey(key, `${edge.source}-${i}`, `${edge.target}-${i}`, edge.attributes);
      else graph.addDirectedEdgeWithKey(key, `${edge.source}-${i}`, `${edge.target}-${i}`, edge.attributes);
    }
  }
  return graph;
}

describe('export registry', () => {
  it('offers every export format, with content types and extensions', () => {
    expect(exportFormats.map((f) => [f.name, f.contentType, f.extension])).toEqual([
      ['json', 'application/json; charset=utf-8', 'json'],
      ['gexf', 'application/gexf+xml; charset=utf-8', 'gexf'],
      ['graphml', 'application/graphml+xml; charset=utf-8', 'graphml'],
      ['nodes.csv', 'text/csv; charset=utf-8; header=present', 'nodes.csv'],
      ['edges.csv', 'text/csv; charset=utf-8; header=present', 'edges.csv'],
      ['cypher', 'application/x-cypher-query; charset=utf-8', 'cypher'],
    ]);
  });

  it('finds a format by exact name only', () => {
    expect(findExportFormat('graphml')?.extension).toBe('graphml');
    expect(findExportFormat('GEXF')).toBeUndefined();
    expect(findExportFormat('csv')).toBeUndefined();
  });

  it('keeps the quotes and sources of claims in every format that holds edges', () => {
    const graph = nastyGraph();
    // nodes.csv is the entity table of the edges.csv pair: entities carry no claims.
    for (const format of exportFormats.filter((f) => f.name !== 'nodes.csv')) {
      const text = format.render(graph);
      // Each format escapes differently; the plain quote must survive in a readable form somewhere.
      expect([format.name, text.includes('Acme confirmed it backs her')]).toEqual([format.name, true]);
      expect([format.name, text.includes('imports/registry.csv')]).toEqual([format.name, true]);
    }
  });

  it('streams the formats that can stream, only those', () => {
    expect(exportFormats.filter((f) => f.write).map((f) => f.name)).toEqual([
      'json',
      'gexf',
      'graphml',
      'nodes.csv',
      'edges.csv',
      'cypher',
    ]);
  });

  it.each(['json', 'gexf', 'graphml', 'nodes.csv', 'edges.csv', 'cypher'])(
    'write() gives exactly what render() gives: %s',
    async (name) => {
      const format = findExportFormat(name)!;
      for (const graph of [nastyGraph(), openGraph(seedDir).graph, largeGraph()]) {
        const sink = slowSink();
        await format.write!(graph, sink.out);
        expect(sink.text()).toBe(format.render(graph));
      }
    },
  );

  it('write() rejects with the error of a failing output', async () => {
    const out = new Writable({
      highWaterMark: 1,
      write(_chunk, _encoding, callback) {
        callback(new Error('disk full'));
      },
    });
    await expect(findExportFormat('cypher')!.write!(nastyGraph(), out)).rejects.toThrow('disk full');
  });

  it('write() rejects when the output is already closed', async () => {
    const { out } = slowSink();
    out.destroy();
    await expect(findExportFormat('edges.csv')!.write!(nastyGraph(), out)).rejects.toThrow(
      'export: the output closed before the export was written',
    );
  });
});
