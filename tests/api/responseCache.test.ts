// Answers are rendered once per ETag and served from the cache after: the bytes must be
// the same as a fresh rendering, gzip when asked for, and never stale after a new version.
import request from 'supertest';
import { createApp } from '../../server/http/app';
import path from 'node:path';
import { openGraph } from '../../server/graph/openGraph';
import { GraphSnapshotHolder, snapshotOf } from '../../server/http/snapshotHolder';
import { noClientDir, seedApp } from './seedApp';

const { store } = seedApp();

function freshApp() {
  const own = new GraphSnapshotHolder(store.current);
  return { own, app: createApp({ store: own, clientDir: noClientDir }) };
}

const raw = (res: request.Response) => res.text;

describe('the rendered-answer cache', () => {
  it('a repeated request gets the same bytes as the first', async () => {
    const { app } = freshApp();
    const first = await request(app).get('/api/entities/elon-musk').set('Accept-Encoding', 'identity').expect(200);
    const second = await request(app).get('/api/entities/elon-musk').set('Accept-Encoding', 'identity').expect(200);
    expect(second.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(raw(second)).toBe(raw(first));
    expect(raw(second)).toContain('"elon-musk"');
    expect(second.headers['content-encoding']).toBeUndefined();
  });

  it('sends the cached gzip bytes to clients that accept gzip', async () => {
    const { app } = freshApp();
    const plain = await request(app).get('/api/graph').set('Accept-Encoding', 'identity').expect(200);
    for (let i = 0; i < 2; i++) {
      const zipped = await request(app)
        .get('/api/graph')
        .set('Accept-Encoding', 'gzip')
        .buffer(true)
        .parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        })
        .expect(200);
      expect(zipped.headers['content-encoding']).toBe('gzip');
      expect(zipped.headers.vary).toMatch(/Accept-Encoding/);
      // supertest inflates gzip before the parser: what arrives must be the plain answer.
      expect((zipped.body as Buffer).toString()).toBe(raw(plain));
    }
  });

  it('renders anew when the store serves a new version', async () => {
    const { own, app } = freshApp();
    const before = await request(app).get('/api/graph').expect(200);
    expect(before.body.nodes).toHaveLength(15);
    own.replace(snapshotOf(openGraph(path.join(__dirname, '..', 'fixtures', 'data', 'tiny'))));
    const after = await request(app).get('/api/graph').expect(200);
    expect(after.headers.etag).not.toBe(before.headers.etag);
    expect(after.body.nodes).toHaveLength(4);
  });
});

describe('HEAD on a cached answer', () => {
  it('carries the identity headers and no body, even when gzip is accepted', async () => {
    const { app } = freshApp();
    const get = await request(app).get('/api/graph').set('Accept-Encoding', 'identity').expect(200);
    const head = await request(app).head('/api/graph').set('Accept-Encoding', 'gzip').expect(200);
    expect(head.headers['content-encoding']).toBeUndefined();
    expect(head.headers['content-length']).toBe(String(Buffer.byteLength(get.text)));
    expect(head.text).toBeUndefined();
  });
});
