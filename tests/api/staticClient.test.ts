// The built client is served at /, with index.html for client routes, while /api stays JSON.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { createApp } from '../../server/http/app';
import { expectProblem, noClientDir, seedApp } from './seedApp';

const { store } = seedApp();

describe('the static client', () => {
  const clientDir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimgraph-client-'));
  fs.writeFileSync(path.join(clientDir, 'index.html'), '<!doctype html><title>claimgraph</title>');
  fs.mkdirSync(path.join(clientDir, 'assets'));
  fs.writeFileSync(path.join(clientDir, 'assets', 'app.js'), 'console.log(1);');
  afterAll(() => fs.rmSync(clientDir, { recursive: true, force: true }));
  const app = createApp({ store, clientDir });

  it('serves index.html at /', async () => {
    const res = await request(app).get('/').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.text).toBe('<!doctype html><title>claimgraph</title>');
  });

  it('serves assets', async () => {
    const res = await request(app).get('/assets/app.js').expect(200);
    expect(res.headers['content-type']).toMatch(/javascript/);
  });

  it('falls back to index.html for client routes', async () => {
    const res = await request(app).get('/entity/elon-musk').expect(200);
    expect(res.text).toBe('<!doctype html><title>claimgraph</title>');
  });

  it('keeps unknown /api routes JSON', async () => {
    expectProblem(await request(app).get('/api/entity/elon-musk'), 404);
  });

  it('without a built client, / is a 404 problem that says so', async () => {
    const res = await request(createApp({ store, clientDir: noClientDir })).get('/');
    expectProblem(res, 404);
    expect(res.body.detail).toContain('the web client is not built');
  });
});
