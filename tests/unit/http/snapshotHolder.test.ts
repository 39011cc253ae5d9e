// The served snapshot and what is derived from it: computed once per version, dropped
// when the data changes, and kept (but for what carries positions) when only the
// layout's positions changed.
import type { GraphSnapshot } from '../../../server/model/evidenceGraph';
import { GraphSnapshotHolder } from '../../../server/http/snapshotHolder';
import { buildGraph } from '../../../server/graph/buildGraph';
import { claim, dataset, person } from '../graph/fixtures';

function snapshot(version: string): GraphSnapshot {
  const data = dataset([person('a'), person('b')], [claim('a', 'in_contact_with', 'b', 'alleges')]);
  return { dataset: data, graph: buildGraph(data), version };
}

describe('GraphSnapshotHolder', () => {
  it('computes derived data once per version and name', () => {
    const store = new GraphSnapshotHolder(snapshot('v1'));
    let runs = 0;
    const compute = () => ++runs;
    expect(store.derived(store.current, 'index', compute)).toBe(1);
    expect(store.derived(store.current, 'index', compute)).toBe(1);
    expect(store.derived(store.current, 'other', compute)).toBe(2);
  });

  it('drops everything derived when the data is replaced', () => {
    const store = new GraphSnapshotHolder(snapshot('v1'));
    store.derived(store.current, 'index', () => 'old');
    store.replace(snapshot('v2'));
    expect(store.current.version).toBe('v2');
    expect(store.derived(store.current, 'index', () => 'new')).toBe('new');
  });

  it('keeps what does not carry positions when only the positions changed, under the new version', () => {
    const first = snapshot('v1-start-positions');
    const store = new GraphSnapshotHolder(first);
    store.derived(store.current, 'searchIndex', () => 'index of v1');
    store.derived(store.current, 'serializedGraph', () => 'graph with start positions', { positional: true });
    store.replacePositions('v1');
    expect(store.current).toEqual({ dataset: first.dataset, graph: first.graph, version: 'v1' });
    expect(store.derived(store.current, 'searchIndex', () => 'rebuilt')).toBe('index of v1');
    expect(
      store.derived(store.current, 'serializedGraph', () => 'graph with final positions', { positional: true }),
    ).toBe('graph with final positions');
  });

  it('gives a request holding an older snapshot a fresh result without caching it', () => {
    const store = new GraphSnapshotHolder(snapshot('v1'));
    const old = store.current;
    store.replace(snapshot('v2'));
    expect(store.derived(old, 'index', () => 'for v1')).toBe('for v1');
    expect(store.derived(store.current, 'index', () => 'for v2')).toBe('for v2');
  });
});
