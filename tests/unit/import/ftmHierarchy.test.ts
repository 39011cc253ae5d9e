// FollowTheMoney things map through FtM's schema hierarchy: a Vessel is a Vehicle is an
// Asset, so it becomes an asset entity (with its FtM schema kept as an attribute)
// instead of being skipped; a schema outside the things stays skipped, and said so.
import { importData } from '../../../server/import/importData';
import { ftmNodeMapping } from '../../../server/import/ftmSchemata';
import { writeDataFolder } from '../../../server/import/writeDataFolder';
import { buildGraph } from '../../../server/graph/buildGraph';
import { temporaryFolder } from './helpers';
import path from 'node:path';

const LINES = [
  '{"id": "v1", "schema": "Vessel", "properties": {"name": ["Sea Breeze"], "imoNumber": ["IMO9241061"], "flag": ["pa"]}}',
  '{"id": "a1", "schema": "Airplane", "properties": {"name": ["A7-LAE"], "manufacturer": ["Airbus"]}}',
  '{"id": "s1", "schema": "Security", "properties": {"name": ["Roe Holdings 5% 2030"], "isin": ["CY0001234567"]}}',
  '{"id": "r1", "schema": "Land", "properties": {"name": ["Plot 7, Limassol"]}}',
  '{"id": "x1", "schema": "Asset", "properties": {"name": ["A painting"]}}',
  '{"id": "o1", "schema": "Company", "properties": {"name": ["Roe Holdings"]}}',
  '{"id": "own1", "schema": "Ownership", "properties": {"owner": ["o1"], "asset": ["v1"], "startDate": ["2019-03-01"]}}',
  '{"id": "own2", "schema": "Ownership", "properties": {"owner": ["o1"], "asset": ["a1"]}}',
  '{"id": "e1", "schema": "Event", "properties": {"name": ["A launch party"]}}',
].join('\n');

describe('ftmNodeMapping', () => {
  it.each([
    ['Person', { type: 'person' }],
    ['Company', { type: 'organization', kind: 'company' }],
    ['Vessel', { type: 'asset', kind: 'vessel' }],
    ['Airplane', { type: 'asset', kind: 'airplane' }],
    ['Land', { type: 'asset', kind: 'real_estate' }],
    ['License', { type: 'asset', kind: 'contract' }],
    ['Asset', { type: 'asset', kind: 'other' }],
    ['Event', undefined],
    ['Thing', undefined],
    ['constructor', undefined],
  ])('%s → %j', (schema, mapping) => {
    expect(ftmNodeMapping(schema)).toEqual(mapping);
  });
});

describe('FtM import of assets', () => {
  const data = importData('ftm', [{ path: 'assets.ftm.json', name: 'assets.ftm.json', text: LINES }]);
  const byName = new Map(data.entities.map((e) => [e.name, e]));

  it('makes Vessel, Airplane, Security, Land and Asset entities of the type asset, their schema an attribute', () => {
    expect(
      ['Sea Breeze', 'A7-LAE', 'Roe Holdings 5% 2030', 'Plot 7, Limassol', 'A painting'].map((name) => {
        const entity = byName.get(name)!;
        return [entity.type, entity.kind, entity.attributes?.schema];
      }),
    ).toEqual([
      ['asset', 'vessel', 'Vessel'],
      ['asset', 'airplane', 'Airplane'],
      ['asset', 'security', 'Security'],
      ['asset', 'real_estate', 'Land'],
      ['asset', 'other', 'Asset'],
    ]);
    expect(byName.get('Sea Breeze')!.attributes).toMatchObject({ imoNumber: ['IMO9241061'] });
  });

  it('adds the asset type to the vocabulary and lets Ownership own an asset', () => {
    const asset = data.vocabulary.nodeTypes.find((t) => t.id === 'asset')!;
    expect(asset.label).toBe('Asset');
    expect(data.vocabulary.edgeTypes.find((t) => t.id === 'owns')!.objectTypes).toContain('asset');
    const owns = data.claims.filter((c) => c.type === 'owns').map((c) => [c.subject, c.object, c.startDate]);
    expect(owns).toEqual([
      ['o1', 'v1', '2019-03-01'],
      ['o1', 'a1', undefined],
    ]);
    // A vessel's flag is a country, linked like a nationality.
    expect(data.claims.find((c) => c.subject === 'v1' && c.type === 'linked_to')).toMatchObject({
      object: 'country:PA',
      summary: 'flag',
    });
  });

  it('still skips schemata outside the things, and says which', () => {
    expect(byName.has('A launch party')).toBe(false);
    expect(data.notes).toContain('skipped 1 entity of schemata with no mapping: 1 Event');
  });

  it('writes a data folder the loader accepts', () => {
    const outDir = path.join(temporaryFolder(), 'out');
    const dataset = writeDataFolder(outDir, data, [], { format: 'ftm', options: {}, notes: data.notes });
    expect(dataset.entities.get('v1')).toMatchObject({ type: 'asset', kind: 'vessel', name: 'Sea Breeze' });
    expect(buildGraph(dataset).hasEdge('o1|owns|v1')).toBe(true);
  });
});
