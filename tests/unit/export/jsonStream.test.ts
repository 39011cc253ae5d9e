// The streamed JSON export is the JSON export, byte for byte, only written in pieces:
// on the seed graph, on a graph with undirected and self-loop edges and on an empty one.
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { writeChunks } from '../../../server/export/chunks';
import { exportJson } from '../../../server/export/json';
import { exportJsonStreamed, jsonChunks } from '../../../server/export/jsonStream';
import { buildGraph } from '../../../server/graph/buildGraph';
import { loadDataset } from '../../../server/load/loadDataset';
import { claim, dataset, person } from '../graph/fixtures';

const root = path.join(__dirname, '..', '..', '..');

describe('jsonChunks', () => {
  it('gives exactly the JSON export of the seed graph', () => {
    const graph = buildGraph(loadDataset(path.join(root, 'graph-data')));
    expect(exportJsonStreamed(graph)).toBe(exportJson(graph));
  });

  it('gives exactly the JSON export with undirected edges, a self-loop and a node without attributes', () => {
    const graph = buildGraph(
      dataset(
        [person('a'), person('b')],
        [claim('a', 'in_contact_with', 'b', 'alleges'), claim('a', 'criticized', 'a', 'asserts')],
      ),
    );
    graph.addNode('bare');
    const text = exportJsonStreamed(graph);
    expect(text).toBe(exportJson(graph));
    expect(
      JSON.parse(text).edges.map((e: { key: string; undirected?: boolean }) => [e.key, e.undirected ?? false]),
    ).toEqual([
      ['a|criticized|a', false],
      ['a|in_contact_with|b', true],
    ]);
  });

  it('gives exactly the JSON export of an empty graph', () => {
    const graph = buildGraph(dataset([], []));
    expect(exportJsonStreamed(graph)).toBe(exportJson(graph));
  });

  it('streams in pieces, none the whole document', async () => {
    const graph = buildGraph(loadDataset(path.join(root, 'graph-data')));
    const pieces = [...jsonChunks(graph)];
    expect(pieces.length).toBe(graph.order + graph.size + 3);
    const out = new PassThrough();
    const received: string[] = [];
    out.on('data', (chunk: Buffer) => received.push(chunk.toString()));
    await writeChunks(jsonChunks(graph), out);
    expect(received.join('')).toBe(exportJson(graph));
  });
});
