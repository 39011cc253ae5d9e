// A view survives the round trip through the URL; bad values are dropped and named.
import { filtersToQuery, stateFromSearch, stateToSearch } from '../../../client/src/url';
import { initialState, toggleInList, type UiState } from '../../../client/src/state';

describe('the URL of a view', () => {
  it('is empty for the default view', () => {
    expect(stateToSearch(initialState())).toBe('');
    expect(stateFromSearch('')).toEqual({ state: initialState(), problems: [] });
  });

  it('round-trips filters, selection, document, depth, path, size, colour and camera', () => {
    const state: UiState = {
      filters: {
        nodeTypes: ['person', 'country'],
        edgeTypes: [],
        status: ['reported', 'confirmed'],
        from: '2022-01-01',
        to: '2024-12-31',
        knownAt: '2024-10-25',
      },
      sizeMode: 'pagerank',
      colourBy: 'attribute:modularity class',
      selectedNode: 'elon-musk',
      selectedEdge: 'elon-musk|in_contact_with|vladimir-putin',
      openDocument: { id: '000_57d8c84b7f0fe012', claim: 'seed-04' },
      neighbourhoodDepth: 2,
      path: { from: 'elon-musk', to: 'xi-jinping', strict: true },
      camera: { x: 0.51234, y: 0.4, ratio: 0.75 },
    };
    const search = stateToSearch(state);
    expect(search).toBe(
      '?nodeTypes=person%2Ccountry&edgeTypes=&status=reported%2Cconfirmed&from=2022-01-01&to=2024-12-31&knownAt=2024-10-25&size=pagerank' +
        '&colour=attribute%3Amodularity+class' +
        '&node=elon-musk&edge=elon-musk%7Cin_contact_with%7Cvladimir-putin&doc=000_57d8c84b7f0fe012&claim=seed-04&depth=2' +
        '&pathFrom=elon-musk&pathTo=xi-jinping&pathStrict=1&cam=0.5123%2C0.4%2C0.75',
    );
    expect(stateFromSearch(search)).toEqual({
      state: { ...state, camera: { x: 0.5123, y: 0.4, ratio: 0.75 } },
      problems: [],
    });
  });

  it('keeps an empty list apart from "all": nothing ticked is not everything ticked', () => {
    expect(stateFromSearch('?nodeTypes=').state.filters).toEqual({ nodeTypes: [] });
    expect(stateFromSearch('?status=reported,,confirmed').state.filters).toEqual({ status: ['reported', 'confirmed'] });
  });

  it('drops bad values and says which and why', () => {
    const { state, problems } = stateFromSearch(
      '?knownAt=2024-13&depth=9&size=huge&cam=1,2&from=yesterday&node=kremlin',
    );
    expect(state).toEqual({ ...initialState(), selectedNode: 'kremlin' });
    expect(problems).toEqual([
      'from: expected a date as YYYY-MM-DD, got "yesterday"',
      'knownAt: expected a date as YYYY-MM-DD, got "2024-13"',
      'size: expected degree, pagerank or source, got "huge"',
      'depth: expected 1, 2 or 3, got "9"',
      'cam: expected x,y,ratio as numbers, got "1,2"',
    ]);
  });

  it('needs both ends for a path', () => {
    expect(stateFromSearch('?pathFrom=elon-musk').state.path).toBeUndefined();
  });

  it('gives the API query of the filters with the same names', () => {
    expect(filtersToQuery({ nodeTypes: ['person'], knownAt: '2024-10-25' }).toString()).toBe(
      'nodeTypes=person&knownAt=2024-10-25',
    );
  });
});

describe('toggleInList', () => {
  const universe = ['person', 'organization', 'country'];
  it('turns "all" into the list without the unticked value', () => {
    expect(toggleInList(undefined, 'organization', false, universe)).toEqual(['person', 'country']);
  });
  it('goes back to "all" (undefined) when every value is ticked again', () => {
    expect(toggleInList(['person', 'country'], 'organization', true, universe)).toBeUndefined();
  });
  it('keeps the universe order and can become empty', () => {
    expect(toggleInList(['country'], 'person', true, universe)).toEqual(['person', 'country']);
    expect(toggleInList(['country'], 'country', false, universe)).toEqual([]);
  });
});
