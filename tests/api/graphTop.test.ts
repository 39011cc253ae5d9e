// GET /api/graph?top=N: the opening view of a graph too large to draw whole,
// the N most connected entities and the relations among them, saying what it left out.
import request from 'supertest';
import { graphResponseSchema } from '../../server/model/api';
import { expectProblem, seedApp } from './seedApp';

const { app, store } = seedApp();

describe('GET /api/graph?top=', () => {
  it('keeps the most connected entities and only the relations among them', async () => {
    const res = await request(app).get('/api/graph?top=3').expect(200);
    expect(graphResponseSchema.parse(res.body)).toEqual(res.body);
    const degrees = new Map(store.current.graph.mapNodes((node, attributes) => [node, attributes.degree] as const));
    const kept = res.body.nodes.map((node: { key: string }) => node.key);
    expect(kept).toHaveLength(3);
    const lowestKept = Math.min(...kept.map((id: string) => degrees.get(id)!));
    expect([...degrees.values()].filter((degree) => degree > lowestKept).length).toBeLessThan(3);
    for (const edge of res.body.edges)
      expect([kept.includes(edge.source), kept.includes(edge.target)]).toEqual([true, true]);
    expect(res.body.attributes).toEqual({
      name: 'claimgraph',
      version: store.current.version,
      top: 3,
      omittedNodes: 12,
    });
  });

  it('is the whole graph, unmarked, when top is not below its size', async () => {
    const res = await request(app).get('/api/graph?top=15').expect(200);
    expect(res.body.nodes).toHaveLength(15);
    expect(res.body.attributes).toEqual({ name: 'claimgraph', version: store.current.version });
  });

  it('refuses a top that is not a whole number of at least 1', async () => {
    const res = await request(app).get('/api/graph?top=0').expect(400);
    expectProblem(res, 400);
    expect(res.body.errors).toEqual([{ path: 'top', message: 'must be at least 1' }]);
  });
});
