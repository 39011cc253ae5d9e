// A shared link restored against the loaded dataset (client/src/restoreLink.ts): ids the
// dataset does not have are dropped, each with the note the user reads, after the URL's
// own problems; what the dataset has is kept.
import Graph from 'graphology';
import { restoreLink, restoreProblemsNotice } from '../../../client/src/restoreLink';
import { initialState } from '../../../client/src/state';
import type { EdgeAttributes, NodeAttributes } from '../../../server/model/graph';
import type { EvidenceGraph, EvidenceGraphAttributes } from '../../../server/model/evidenceGraph';

/** a → b, one relation. */
function twoEntities(): EvidenceGraph {
  const g: EvidenceGraph = new Graph<NodeAttributes, EdgeAttributes, EvidenceGraphAttributes>({
    type: 'mixed',
    multi: true,
  });
  for (const key of ['a', 'b'])
    g.addNode(key, {
      type: 'person',
      label: key.toUpperCase(),
      aliases: [],
      color: '#4e79a7',
      degree: 1,
      size: 3,
      x: 0,
      y: 0,
    });
  g.addDirectedEdgeWithKey('a|owns|b', 'a', 'b', {
    type: 'owns',
    label: 'owns',
    typeLabel: 'owns',
    status: 'reported',
    directed: true,
    color: '#e15759',
    size: 1,
    claimCount: 1,
    documents: [],
    claims: [],
  });
  return g;
}

describe('restoreLink', () => {
  const graph = twoEntities();

  it('keeps a link whose ids are all in the dataset', () => {
    expect(restoreLink('?node=a&depth=2&edge=a%7Cowns%7Cb&pathFrom=a&pathTo=b', graph)).toEqual({
      state: {
        ...initialState(),
        selectedNode: 'a',
        neighbourhoodDepth: 2,
        selectedEdge: 'a|owns|b',
        path: { from: 'a', to: 'b', strict: false },
      },
      problems: [],
    });
  });

  it('drops an unknown entity with its depth, an unknown relation and a path with an unknown end, and names each', () => {
    const restored = restoreLink(
      '?node=kremlin&depth=2&edge=a%7Cowns%7Cc&pathFrom=a&pathTo=nobody&size=pagerank',
      graph,
    );
    expect(restored.state).toEqual({ ...initialState(), sizeMode: 'pagerank' });
    expect(restored.problems).toEqual([
      'node: no entity "kremlin"',
      'edge: no relation "a|owns|c"',
      'path: an entity of the path is not in this dataset',
    ]);
  });

  it('lists the URL’s own problems first', () => {
    expect(restoreLink('?size=huge&node=kremlin', graph).problems).toEqual([
      'size: expected degree, pagerank or source, got "huge"',
      'node: no entity "kremlin"',
    ]);
  });
});

describe('restoreProblemsNotice', () => {
  it('joins the problems into one notice, and has none without problems', () => {
    expect(
      restoreProblemsNotice(['node: no entity "kremlin"', 'path: an entity of the path is not in this dataset']),
    ).toBe(
      'Some of the link could not be restored: node: no entity "kremlin"; path: an entity of the path is not in this dataset',
    );
    expect(restoreProblemsNotice([])).toBeUndefined();
  });
});
