// The write path with the real extractor (server/ingest): a dev article posted to the
// API becomes proposals whose quotes are verbatim passages at their offsets, and every
// proposal the vocabulary allows can be accepted onto the graph.
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { defaultExtractor } from '../../server/store/defaultExtractor';
import { expectProblem } from './seedApp';
import { auth, writeApp } from './writeApp';

const article = path.join(__dirname, '..', '..', '..', 'shared', 'dev-articles', '101_x-brazil-suspension.txt');

describe('ingest with the real extractor', () => {
  it('proposes verbatim quotes and accepts them onto the graph', async () => {
    const made = writeApp({ extract: defaultExtractor });
    try {
      const res = await request(made.app)
        .post('/api/documents')
        .set(auth)
        .send({ text: fs.readFileSync(article, 'utf8'), fileName: '101_x-brazil-suspension.txt' });
      expect(res.status).toBe(201);
      expect(res.body.proposals.length).toBeGreaterThan(3);
      const text = (await request(made.app).get('/api/documents/101_x-brazil-suspension')).body.text as string;
      for (const p of res.body.proposals as Array<{
        id: string;
        claim: { quote: string };
        quoteStart: number;
        quoteEnd: number;
      }>) {
        expect(text.slice(p.quoteStart, p.quoteEnd)).toBe(p.claim.quote);
      }
      let accepted = 0;
      for (const p of res.body.proposals as Array<{ id: string }>) {
        const decided = await request(made.app).post(`/api/proposals/${p.id}/accept`).set(auth);
        if (decided.status === 400) {
          expectProblem(decided, 400); // the vocabulary refuses it as extracted: the reviewer must correct it
          continue;
        }
        expect(decided.status).toBe(201);
        accepted++;
        const edge = await request(made.app).get(`/api/edges/${encodeURIComponent(decided.body.edge)}`);
        expect(edge.body.claims.map((c: { id: string }) => c.id)).toContain(decided.body.claim.id);
      }
      expect(accepted).toBeGreaterThan(3);
    } finally {
      made.close();
    }
  });
});
