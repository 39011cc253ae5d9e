// The format registry that the CLI's `export` and the API's /api/export share: every
// export format by name, and streaming (`write`) giving exactly what `render` gives.
import path from 'node:path';
import { Writable } from 'node:stream';
import { exportFormats, findExportFormat } from '../../../server/export';
import { openGraph } from '../../../server/graph/openGraph';
import { nastyGraph } from '../../fixtures/export/nastyGraph';
import { largeGraph } from './largeGraph';

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

describe('export registry', () => {
  it('offers every export format, with content types and extensions', () => {
    expect(exportFormats.map((f) => [f.name, f.contentType, f.extension])).toEqual([
      ['json', 'application/json; charset=utf-8', 'json'],
      ['gexf', 'application/gexf+xml; charset=utf-8', 'gexf'],
      ['graphml', 'application/graphml+xml; charset=utf-8', 'graphml'],
      ['nodes.csv', 'text/csv; charset=utf-8; header=present', 'nodes.csv'],
      ['edges.csv', 'text/csv; charset=utf-8; header=present', 'edges.csv'],
      ['cypher', 'application/x-cypher-query; charset=utf-8', 'cypher'],
      ['neo4j-admin', 'application/x-tar', 'neo4j-admin.tar'],
    ]);
    expect(exportFormats.filter((f) => f.hasTimeline).map((f) => f.name)).toEqual(['gexf']);
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
      'neo4j-admin',
    ]);
  });

  it.each(['json', 'gexf', 'graphml', 'nodes.csv', 'edges.csv', 'cypher', 'neo4j-admin'])(
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

  it('writes the GEXF timeline by default and leaves it out when static', async () => {
    const gexf = findExportFormat('gexf')!;
    const graph = openGraph(seedDir).graph;
    const dynamic = gexf.render(graph);
    const fixed = gexf.render(graph, { static: true });
    expect(dynamic).toContain('<graph defaultedgetype="directed" mode="dynamic" timeformat="date">');
    expect(dynamic).toContain('<spell start="2022-10-01" end="2024-12-31"/>');
    expect(fixed).toContain('<graph defaultedgetype="directed">');
    expect(fixed).not.toContain('<spell');
    const sink = slowSink();
    await gexf.write(graph, sink.out, { static: true });
    expect(sink.text()).toBe(fixed);
    // Options a format has no use for change nothing.
    expect(findExportFormat('graphml')!.render(graph, { static: true })).toBe(
      findExportFormat('graphml')!.render(graph),
    );
  });

  it.each(exportFormats.map((format) => [format.name, format]))(
    'leastBytes() never counts more bytes than the export has: %s',
    (_name, format) => {
      for (const graph of [nastyGraph(), openGraph(seedDir).graph, largeGraph()]) {
        const steps = format.leastBytes(graph);
        let step = steps.next();
        while (!step.done) step = steps.next();
        expect(step.value).toBeGreaterThan(0);
        expect(step.value).toBeLessThanOrEqual(Buffer.byteLength(format.render(graph)));
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
