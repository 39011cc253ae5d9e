// GET /api/stats: counts, top entities by degree and PageRank, Louvain communities.
import request from 'supertest';
import { statsResponseSchema } from '../../server/model/api';
import { expectProblem, seedApp } from './seedApp';

const { app } = seedApp();
const stats = async (query: string) => {
  const res = await request(app).get(`/api/stats${query}`).expect(200);
  expect(statsResponseSchema.parse(res.body)).toEqual(res.body);
  return res.body;
};
const ranked = (list: Array<{ id: string; value: number }>) => list.map((entry) => [entry.id, entry.value]);

describe('GET /api/stats', () => {
  it('counts by node type, edge type and status, listing every vocabulary entry', async () => {
    const body = await stats('');
    expect(body.counts).toEqual({ entities: 15, edges: 19, claims: 23, documents: 1 });
    expect(body.byNodeType).toEqual({ person: 5, organization: 4, country: 5, service: 1 });
    expect(body.byStatus).toEqual({ confirmed: 1, reported: 13, alleged: 4, disputed: 1, denied: 0 });
    expect(body.byEdgeType).toEqual({
      holds_position: 3,
      owns: 1,
      operates: 0,
      part_of: 2,
      member_of: 0,
      associate_of: 0,
      in_contact_with: 2,
      requested: 1,
      acted_on_behalf_of: 1,
      provided_access: 1,
      restricted_access: 1,
      funded: 0,
      supported: 2,
      criticized: 1,
      used: 2,
      attacked: 1,
      sanctioned: 0,
      linked_to: 1,
    });
  });

  it('ranks entities by degree and by PageRank (graphology-metrics)', async () => {
    const body = await stats('?top=5');
    expect(ranked(body.topByDegree)).toEqual([
      ['elon-musk', 8],
      ['country:UA', 6],
      ['starlink', 4],
      ['vladimir-putin', 4],
      ['country:RU', 3],
    ]);
    expect(ranked(body.topByPageRank)).toEqual([
      ['elon-musk', 0.222279],
      ['vladimir-putin', 0.130388],
      ['country:UA', 0.120866],
      ['starlink', 0.085382],
      ['country:US', 0.069127],
    ]);
    const all = await stats('?top=100');
    expect(all.topByPageRank).toHaveLength(15);
    const total = all.topByPageRank.reduce((sum: number, entry: { value: number }) => sum + entry.value, 0);
    expect(total).toBeCloseTo(1, 4);
  });

  it('finds Louvain communities, the same ones on every call', async () => {
    const body = await stats('');
    expect(body.communities).toEqual({
      count: 5,
      modularity: 0.305293,
      groups: [
        {
          id: 0,
          label: 'Ukraine',
          size: 5,
          members: ['country:UA', 'starlink', 'country:RU', 'country:TW', 'ukrainian-military-intelligence'],
        },
        {
          id: 1,
          label: 'Elon Musk',
          size: 5,
          members: ['elon-musk', 'vladimir-putin', 'kremlin', 'dmitry-peskov', 'donald-trump'],
        },
        { id: 2, label: 'United States', size: 2, members: ['country:US', 'white-house'] },
        { id: 3, label: 'Xi Jinping', size: 2, members: ['xi-jinping', 'country:CN'] },
        { id: 4, label: 'The Wall Street Journal', size: 1, members: ['the-wall-street-journal'] },
      ],
    });
  });

  it('describes the filtered graph under the shared filters', async () => {
    const body = await stats('?status=alleged');
    expect(body.counts).toEqual({ entities: 15, edges: 4, claims: 4, documents: 1 });
    expect(body.byStatus).toEqual({ confirmed: 0, reported: 0, alleged: 4, disputed: 0, denied: 0 });
    const none = await stats('?knownAt=2024-10-24');
    expect(none.counts).toEqual({ entities: 15, edges: 0, claims: 0, documents: 0 });
    expect(none.communities.count).toBe(15);
    expect(none.communities.modularity).toBe(0);
  });

  it.each([
    ['?top=101', [{ path: 'top', message: 'must be at most 100' }]],
    [
      '?status=rumoured',
      [
        {
          path: 'status',
          message: 'unknown status "rumoured"; expected one of confirmed, reported, alleged, disputed, denied',
        },
      ],
    ],
    [
      '?metric=pagerank',
      [{ path: 'metric', message: expect.stringMatching(/^unknown query parameter; expected one of /) }],
    ],
  ])('rejects %s', async (query, errors) => {
    expectProblem(await request(app).get(`/api/stats${query}`), 400, errors);
  });
});
