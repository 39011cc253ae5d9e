// The served snapshot and what is derived from it: computed once per version, dropped
// when the data changes, and kept (but for what carries positions) when only the
// layout's positions changed; after a write that says what it changed, brought up to
// date by those that know how, and dropped otherwise.
import type { GraphSnapshot } from '../../../server/model/evidenceGraph';
import { GraphSnapshotHolder } from '../../../server/http/snapshotHolder';
import { buildGraph } from '../../../server/graph/buildGraph';
import { claim, dataset, person } from '../graph/fixtures';
import { applyToSnapshot } from '../../../server/store/applyToSnapshot';

function snapshot(version: string): GraphSnapshot {
  const data = dataset([person('a'), person('b')], [claim('a', 'in_contact_with', 'b', 'alleges')]);
  return { dataset: data, graph: buildGraph(data), version };
}

describe('GraphSnapshotHolder', () => {
  it('updates derived data that has an update after a write, and drops the rest', () => {
    const store = new GraphSnapshotHolder(snapshot('v1'));
    const seen: string[] = [];
    store.derived(store.current, 'names', () => ['a', 'b'], {
      update: (names, change) => {
        seen.push(`${change.from} → ${change.entitiesChanged.join(',')}`);
        return [...names, ...change.entitiesChanged];
      },
    });
    store.derived(store.current, 'stats', () => 'figures of v1');
    store.derived(store.current, 'serializedGraph', () => 'graph of v1', { positional: true });
    store.replace(applyToSnapshot(store.current, { entities: [person('c')] }, 'v2'));
    expect(seen).toEqual(['v1 → c']);
    expect(store.derived(store.current, 'names', () => ['rebuilt'])).toEqual(['a', 'b', 'c']);
    expect(store.derived(store.current, 'stats', () => 'figures of v2')).toBe('figures of v2');
    expect(store.derived(store.current, 'serializedGraph', () => 'graph of v2')).toBe('graph of v2');
  });

  it('keeps what does not carry the version after a write that changes no node or relation (a stored document)', () => {
    const store = new GraphSnapshotHolder(snapshot('v1'));
    store.derived(store.current, 'stats', () => 'figures of v1');
    store.derived(store.current, 'serializedGraph', () => 'graph of v1', { positional: true });
    const document = { id: 'd2', date: '2024-05-06', title: 'Doc two', text: 'more' };
    store.replace(applyToSnapshot(store.current, { documents: [document] }, 'v2'));
    expect(store.current.dataset.documents.get('d2')).toEqual(document);
    expect(store.derived(store.current, 'stats', () => 'figures of v2')).toBe('figures of v1');
    expect(store.derived(store.current, 'serializedGraph', () => 'graph of v2')).toBe('graph of v2');
  });

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
