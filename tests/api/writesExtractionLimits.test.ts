// POST /api/documents with the real extractor in its workers, at its limits: an article
// over the size limit is refused at once (413), one the extractor cannot finish within its
// time or heap is refused (422) while the server goes on answering; both say to split the
// article, and neither writes anything: no document, no proposal, no journal line. A
// request answered 503 by its time budget stops its extraction and writes nothing either.
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { openGraph } from '../../server/graph/openGraph';
import { createApp } from '../../server/http/app';
import { defaultHardening } from '../../server/http/hardeningConfig';
import { GraphSnapshotHolder, snapshotOf } from '../../server/http/snapshotHolder';
import {
  DEFAULT_EXTRACTION_LIMITS,
  DEFAULT_MAX_ARTICLE_BYTES,
  type ExtractionLimits,
} from '../../server/ingest/extractionLimits';
import { boundedExtractor } from '../../server/store/defaultExtractor';
import type { ExtractArticle } from '../../server/store/extraction';
import { openServedDataFolder } from '../../server/store/openWriteStore';
import { expectProblem, noClientDir } from './seedApp';
import { auth, TOKEN, tempSeedCopy } from './writeApp';

const SPLIT_IT = 'split it into smaller documents (a few sections each) and send each one on its own';
const misters = ` date 2024-10-09 Misters\n${'Mr. '.repeat(50_000)}\n`;

function limitedApp(
  limits: Partial<ExtractionLimits>,
  requestTimeoutMs = defaultHardening.requestTimeoutMs,
  wrap: (extract: ExtractArticle) => ExtractArticle = (e) => e,
) {
  const dataDir = tempSeedCopy();
  const extract = wrap(boundedExtractor({ ...DEFAULT_EXTRACTION_LIMITS, ...limits }));
  const { graphs: store, writes } = openServedDataFolder(
    dataDir,
    true,
    () => new GraphSnapshotHolder(snapshotOf(openGraph(dataDir))),
    extract,
    () => {},
  );
  const app = createApp({
    store,
    clientDir: noClientDir,
    writes: { writes, token: TOKEN, rateLimit: false },
    hardening: { ...defaultHardening, requestTimeoutMs },
  });
  return { app, dataDir, close: () => writes.close() };
}

/** Nothing of the article was stored: no document, no proposals, an empty journal. */
async function expectNothingWritten(made: ReturnType<typeof limitedApp>, documentId: string): Promise<void> {
  expect((await request(made.app).get(`/api/documents/${documentId}`)).status).toBe(404);
  expect((await request(made.app).get('/api/proposals?status=all').set(auth)).body.total).toBe(0);
  const journal = path.join(made.dataDir, 'journal.jsonl');
  expect(fs.existsSync(journal) ? fs.readFileSync(journal, 'utf8') : '').toBe('');
}

describe('POST /api/documents at the extractor limits', () => {
  it('refuses an article over the size limit with 413, saying to split it', async () => {
    const made = limitedApp({});
    try {
      const text = ` date 2024-10-09 Too long\n${'x'.repeat(DEFAULT_MAX_ARTICLE_BYTES)}\n`;
      const res = await request(made.app).post('/api/documents').set(auth).send({ text, fileName: 'too-long.txt' });
      expectProblem(res, 413);
      expect(res.body).toEqual({
        type: 'urn:claimgraph:problem:article-too-large',
        title: 'Article too large to extract',
        status: 413,
        detail: `the article is 262,171 bytes; the extractor takes articles of at most 262,144 bytes: ${SPLIT_IT}`,
      });
      await expectNothingWritten(made, 'too-long');
    } finally {
      made.close();
    }
  });

  it('refuses an article it cannot extract in time with 422, answering other requests meanwhile', async () => {
    const made = limitedApp({ timeLimitMs: 3000 });
    try {
      let postedAt = 0;
      const posted = request(made.app)
        .post('/api/documents')
        .set(auth)
        .send({ text: misters, fileName: 'misters.txt' })
        .then((res) => ((postedAt = Date.now()), res));
      // Asked once the extraction is under way (the upload is read by then), answered before it ends.
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const health = await request(made.app).get('/api/health');
      const answeredAt = Date.now();
      const res = await posted;
      expect(health.status).toBe(200);
      expect(answeredAt).toBeLessThan(postedAt);
      expectProblem(res, 422);
      expect(res.body).toEqual({
        type: 'urn:claimgraph:problem:extraction-limit',
        title: 'Article could not be extracted',
        status: 422,
        detail: `the article could not be extracted within the extractor's limits (it took longer than 3 s): ${SPLIT_IT}`,
      });
      await expectNothingWritten(made, 'misters');
    } finally {
      made.close();
    }
  });

  it('refuses an article that needs more memory than its worker has with 422', async () => {
    const made = limitedApp({ heapMb: 64, timeLimitMs: 120_000 });
    try {
      const res = await request(made.app)
        .post('/api/documents')
        .set(auth)
        .send({ text: misters, fileName: 'misters.txt' });
      expectProblem(res, 422);
      expect(res.body.detail).toBe(
        `the article could not be extracted within the extractor's limits (it needed more than 64 MB of memory): ${SPLIT_IT}`,
      );
      await expectNothingWritten(made, 'misters');
      // The server is unharmed: a normal article is stored next.
      const seed = fs.readFileSync(path.join(made.dataDir, 'documents', '000_57d8c84b7f0fe012.txt'), 'utf8');
      const stored = await request(made.app)
        .post('/api/documents')
        .set(auth)
        .send({ text: seed.replace(/^ date \S+/, ' date 2024-10-10'), fileName: 'next.txt' });
      expect(stored.status).toBe(201);
    } finally {
      made.close();
    }
  }, 150_000);

  it('stops the extraction of a request answered 503 by its time budget, and writes nothing', async () => {
    const outcomes: string[] = [];
    const made = limitedApp({ timeLimitMs: 60_000 }, 1500, (extract) => (...args) => {
      const running = extract(...args) as Promise<unknown>;
      running.catch((error: Error) => outcomes.push(error.name));
      return running;
    });
    try {
      const res = await request(made.app)
        .post('/api/documents')
        .set(auth)
        .send({ text: misters, fileName: 'misters.txt' });
      expectProblem(res, 503);
      // The extraction is stopped as the answer goes out, not when its own minute is up.
      for (let waited = 0; outcomes.length === 0 && waited < 5000; waited += 50)
        await new Promise((resolve) => setTimeout(resolve, 50));
      expect(outcomes).toEqual(['ExtractionAbortedError']);
      await expectNothingWritten(made, 'misters');
    } finally {
      made.close();
    }
  });
});
