// The edge-key index answers "relations of these types, in key order" exactly as a scan
// and sort of every edge does.
import { buildGraph } from '../../../server/graph/buildGraph';
import { buildEdgeKeyIndex, edgeKeysOfTypes } from '../../../server/queries/edgeKeyIndex';
import { listEdges } from '../../../server/queries/edges';
import { claim, dataset, person } from '../graph/fixtures';

const graph = buildGraph(
  dataset(
    ['a', 'b', 'c'].map((id) => person(id)),
    [
      claim('c', 'funded', 'a', 'asserts'),
      claim('a', 'funded', 'b', 'asserts'),
      claim('b', 'in_contact_with', 'a', 'alleges'),
      claim('a', 'criticized', 'c', 'asserts'),
    ],
  ),
);
const index = buildEdgeKeyIndex(graph);

describe('edgeKeyIndex', () => {
  it('holds every key in order, and by type', () => {
    expect(index.all).toEqual(['a|criticized|c', 'a|funded|b', 'a|in_contact_with|b', 'c|funded|a']);
    expect(edgeKeysOfTypes(index, new Set(['funded']))).toEqual(['a|funded|b', 'c|funded|a']);
    expect(edgeKeysOfTypes(index, new Set(['funded', 'criticized']))).toEqual([
      'a|criticized|c',
      'a|funded|b',
      'c|funded|a',
    ]);
    expect(edgeKeysOfTypes(index, new Set(['attacked']))).toEqual([]);
  });

  it('gives listEdges the same pages as scanning', () => {
    for (const types of [undefined, ['funded'], ['funded', 'in_contact_with'], ['used']]) {
      for (const offset of [0, 1, 3]) {
        const params = { types, limit: 2, offset };
        expect(listEdges(graph, params, index)).toEqual(listEdges(graph, params));
      }
    }
  });
});
