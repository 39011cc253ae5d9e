// POST /api/documents takes an article as it came — Markdown, a saved web page, a PDF —
// converts it to the seeds' format, keeps the original, and GET
// /api/documents/{id}/original serves that file back as an attachment that never renders
// on this origin. A file with no text (a scanned PDF) and an unknown body type are refused
// with what to do, and nothing is stored. On both stores: a server on PostgreSQL keeps
// the originals in its own data folder, as one on a folder does.
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { storeApp, STORES, type StoreApp } from './storeApps';
import { auth } from './writeApp';

const fixtures = path.join(__dirname, '..', 'fixtures', 'documents');
const fixture = (name: string) => fs.readFileSync(path.join(fixtures, name));
const MUSK =
  'Elon Musk spoke with Kremlin spokesperson Dmitry Peskov about Starlink in October 2024, according to people familiar with the call.';

describe.each(STORES)('on the %s store', (kind) => {
  let made: StoreApp;
  beforeEach(async () => {
    made = await storeApp(kind);
  });

  function post(contentType: string, body: Buffer, query = '') {
    return request(made.app).post(`/api/documents${query}`).set(auth).set('Content-Type', contentType).send(body);
  }

  describe('POST /api/documents with a document body', () => {
    it('stores a saved web page as its article text, keeps the page, and serves it back', async () => {
      const page = fixture('news-page.html');
      const res = await post('text/html; charset=utf-8', page, '?fileName=210_news-page.txt');
      expect(res.status).toBe(201);
      expect(res.body.document).toEqual({
        id: '210_news-page',
        title: 'Musk and Peskov talk Starlink',
        date: '2024-11-02',
      });
      expect(res.body.proposals.length).toBeGreaterThan(0);
      const text = (await request(made.app).get('/api/documents/210_news-page').expect(200)).body;
      for (const proposal of res.body.proposals) expect(text.text).toContain(proposal.claim.quote);
      expect(text.text.split('\n')).toContain(MUSK);
      expect(text.original).toEqual({
        url: '/api/documents/210_news-page/original',
        contentType: 'text/html; charset=utf-8',
        bytes: page.length,
      });

      const original = await request(made.app)
        .get('/api/documents/210_news-page/original')
        .buffer(true)
        .parse((r, done) => {
          const chunks: Buffer[] = [];
          r.on('data', (chunk: Buffer) => chunks.push(chunk));
          r.on('end', () => done(null, Buffer.concat(chunks)));
        });
      expect(original.status).toBe(200);
      expect(original.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(original.headers['content-disposition']).toBe('attachment; filename="210_news-page.html"');
      expect(original.headers['content-security-policy']).toMatch(/; sandbox$/);
      expect(Buffer.compare(original.body as Buffer, page)).toBe(0);
    });

    it('takes Markdown and a PDF, the query giving what the file lacks', async () => {
      const markdown = await post('text/markdown', fixture('briefing.md'), '?fileName=211_briefing.txt');
      expect(markdown.status).toBe(201);
      expect(markdown.body.document.id).toBe('211_briefing');
      const pdf = await post(
        'application/pdf',
        fixture('article.pdf'),
        '?fileName=212_article.txt&title=Starlink%20call&date=2024-11-03',
      );
      expect(pdf.status).toBe(201);
      expect(pdf.body.document).toEqual({ id: '212_article', title: 'Starlink call', date: '2024-11-03' });
      const stored = (await request(made.app).get('/api/documents/212_article').expect(200)).body;
      expect(stored.original).toEqual({
        url: '/api/documents/212_article/original',
        contentType: 'application/pdf',
        bytes: fixture('article.pdf').length,
      });
      expect(fs.existsSync(path.join(made.dataDir, 'documents', 'originals', '212_article.pdf'))).toBe(true);
    });

    it('refuses a scanned PDF with what to do, and stores nothing', async () => {
      const res = await post('application/pdf', fixture('scanned.pdf'), '?fileName=213_scan.txt');
      expect(res.status).toBe(422);
      expect(res.body).toEqual({
        type: 'urn:claimgraph:problem:unreadable-document',
        title: 'Document has no text to take',
        status: 422,
        detail:
          '213_scan.txt has no text layer (a scanned PDF?): run OCR first (for example `ocrmypdf in.pdf out.pdf`), then send the PDF it writes',
      });
      await request(made.app).get('/api/documents/213_scan').expect(404);
      expect(fs.existsSync(path.join(made.dataDir, 'documents', 'originals'))).toBe(false);
    });

    it('refuses a body type it does not read, naming the ones it does', async () => {
      const res = await post('image/png', Buffer.from([0x89, 0x50, 0x4e, 0x47]));
      expect(res.status).toBe(415);
      expect(res.body.detail).toBe(
        'send the body as text/plain, text/markdown, text/html, application/pdf or application/json, not "image/png"',
      );
    });

    it('answers 404 for the original of a document that came as text', async () => {
      const res = await request(made.app).get('/api/documents/000_57d8c84b7f0fe012/original');
      expect(res.status).toBe(404);
      expect(res.body.detail).toBe('document "000_57d8c84b7f0fe012" came as text: it has no original file');
      expect((await request(made.app).get('/api/documents/nope/original')).body.detail).toBe(
        'no document with id "nope"',
      );
    });
  });
});
