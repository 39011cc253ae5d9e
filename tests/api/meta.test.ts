// GET /api/health and GET /api/vocabulary on the seed dataset.
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { healthResponseSchema, vocabularyResponseSchema } from '../../server/model/api';
import { expectProblem, seedApp, seedDir } from './seedApp';

const { app, store } = seedApp();

describe('GET /api/health', () => {
  it('answers ok with the dataset version and counts', async () => {
    const res = await request(app).get('/api/health').expect(200);
    expect(res.body).toEqual({
      status: 'ok',
      version: store.current.dataset.contentHash,
      counts: { entities: 15, edges: 19, claims: 23, documents: 1 },
    });
    expect(healthResponseSchema.parse(res.body)).toEqual(res.body);
  });

  it('is never cached: no ETag, Cache-Control no-store', async () => {
    const res = await request(app).get('/api/health').expect(200);
    expect(res.headers.etag).toBeUndefined();
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('rejects any query parameter, naming it', async () => {
    const res = await request(app).get('/api/health?verbose=1');
    expectProblem(res, 400, [{ path: 'verbose', message: 'unknown query parameter; this route takes none' }]);
    expect(res.body.detail).toBe('verbose: unknown query parameter; this route takes none');
  });
});

describe('GET /api/vocabulary', () => {
  it('returns the node types, edge types, stances and statuses of graph-data/vocabulary.json', async () => {
    const res = await request(app).get('/api/vocabulary').expect(200);
    const { $comment: _comment, ...file } = JSON.parse(fs.readFileSync(path.join(seedDir, 'vocabulary.json'), 'utf8'));
    expect(res.body).toEqual(vocabularyResponseSchema.parse(file));
    expect(res.body.nodeTypes.map((t: { id: string }) => t.id)).toEqual([
      'person',
      'organization',
      'country',
      'service',
    ]);
    expect(res.body.statuses.map((s: { id: string; color: string }) => s.id)).toEqual([
      'confirmed',
      'reported',
      'alleged',
      'disputed',
      'denied',
    ]);
    expect(res.body.edgeTypes).toHaveLength(18);
  });
});
