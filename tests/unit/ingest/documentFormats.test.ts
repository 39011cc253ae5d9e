// Documents as they come: a saved news page, a Markdown note and a two-page PDF (literal
// fixtures in tests/fixtures/documents/) become the seeds' format text with the exact
// first line and paragraphs, the page's navigation, ads and comments left out; a scanned
// PDF is refused with the message users read; `claimgraph ingest` stores each with its
// proposals, quotes verbatim in the extracted text, and keeps the original byte for
// byte through compaction.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from '../../../server/cli/main';
import { convertDocument, formatFromContentType, formatFromFileName } from '../../../server/ingest/formats';
import { findOriginal } from '../../../server/load';
import { loadDataset } from '../../../server/load/loadDataset';

const fixtures = path.join(__dirname, '..', '..', 'fixtures', 'documents');
const fixture = (name: string) => fs.readFileSync(path.join(fixtures, name));
const graphData = path.join(__dirname, '..', '..', '..', 'graph-data');

const MUSK =
  'Elon Musk spoke with Kremlin spokesperson Dmitry Peskov about Starlink in October 2024, according to people familiar with the call.';
const ORBITAL = 'Orbital Relay Ltd, a new reseller, sells Starlink terminals in Kazakhstan, its filings show.';

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('document formats', () => {
  it('tells the format from the extension and the Content-Type', () => {
    expect(['a.txt', 'a.md', 'a.HTML', 'a.htm', 'a.pdf', 'a.doc'].map(formatFromFileName)).toEqual([
      'text',
      'markdown',
      'html',
      'html',
      'pdf',
      undefined,
    ]);
    expect(formatFromContentType('text/html; charset=utf-8')).toBe('html');
    expect(formatFromContentType('application/pdf')).toBe('pdf');
    expect(formatFromContentType('text/markdown')).toBe('markdown');
    expect(formatFromContentType('image/png')).toBeUndefined();
  });

  it('keeps the article of a saved news page, and not its navigation, ads or comments', async () => {
    const text = await convertDocument('news-page.html', fixture('news-page.html'), 'html');
    expect(text).toBe(
      [
        ' date 2024-11-02 Musk and Peskov talk Starlink url https://news.example.com/2024/11/02/musk-peskov-starlink',
        'By Anna Example',
        MUSK,
        'The conversation covered the terminals used near the front line, the people said, and lasted less than an hour.',
        ORBITAL,
        'Neither company answered a request for comment on Saturday.',
        '',
      ].join('\n'),
    );
    for (const elsewhere of [
      'World news',
      'Subscribe',
      'Zorbatron',
      'yacht',
      'Most read',
      'teapots',
      'lizard',
      'troll42',
      'Copyright',
    ])
      expect(text).not.toContain(elsewhere);
  });

  it('strips Markdown to its text, the first heading as the title', async () => {
    const text = await convertDocument('briefing.md', fixture('briefing.md'), 'markdown');
    expect(text).toBe(
      [
        ' date 2024-11-02 Musk and Peskov talk Starlink url https://notes.example.org/briefings/musk-peskov',
        MUSK,
        'What was said',
        'The conversation covered the terminals used near the front line.',
        'It lasted less than an hour.',
        ORBITAL,
        'a Starlink terminal',
        '',
      ].join('\n'),
    );
  });

  it("joins a PDF's lines into paragraphs across its two pages, without page numbers", async () => {
    const text = await convertDocument('article.pdf', fixture('article.pdf'), 'pdf');
    expect(text).toBe(
      [
        ' date 2024-11-02 Musk and Peskov talk Starlink',
        'By Anna Example, Staff Reporter',
        MUSK,
        'The conversation covered the terminals used near the front line, the people said.',
        ORBITAL,
        'Neither company answered a request for comment.',
        '',
      ].join('\n'),
    );
  });

  it('lets the caller give the title, date and URL', async () => {
    const text = await convertDocument('article.pdf', fixture('article.pdf'), 'pdf', {
      title: 'Starlink call',
      date: '2024-11-03',
      url: 'https://example.org/a',
    });
    expect(text.split('\n')[0]).toBe(' date 2024-11-03 Starlink call url https://example.org/a');
  });

  it('refuses a body that is no HTML page at all', async () => {
    await expect(convertDocument('body.html', Buffer.from('{}'), 'html')).rejects.toThrow(
      'body.html: this is not an HTML page (no element in it); send the saved page',
    );
  });

  it('refuses a scanned PDF, which has no text layer, and a page without a date', async () => {
    await expect(convertDocument('scanned.pdf', fixture('scanned.pdf'), 'pdf')).rejects.toThrow(
      'scanned.pdf has no text layer (a scanned PDF?): run OCR first (for example `ocrmypdf in.pdf out.pdf`), then send the PDF it writes',
    );
    const undated = Buffer.from(
      '<html><head><title>T</title></head><body><article><p>' + MUSK + '</p></article></body></html>',
    );
    await expect(convertDocument('undated.html', undated, 'html')).rejects.toThrow(
      'undated.html: no publication date found in it; give one (--date YYYY-MM-DD, or date=)',
    );
  });
});

describe('claimgraph ingest of converted documents', () => {
  it('stores each with verbatim quotes and keeps its original through compaction', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimgraph-formats-'));
    try {
      fs.cpSync(graphData, dir, { recursive: true });
      for (const name of ['news-page.html', 'briefing.md', 'article.pdf']) {
        const result = await run('ingest', path.join(fixtures, name), '--data', dir);
        expect(result.err).toBe('');
        expect(result.code).toBe(0);
        expect(result.out.split('\n')[0]).toBe(
          `stored document ${name.replace(/\..*$/, '')} (2024-11-02 "Musk and Peskov talk Starlink") with 2 proposals pending review:`,
        );
        expect(result.out).toContain('    "Elon Musk spoke with Kremlin spokesperson"');
      }
      const scanned = await run('ingest', path.join(fixtures, 'scanned.pdf'), '--data', dir);
      expect(scanned.code).not.toBe(0);
      expect(scanned.err).toBe(
        'claimgraph ingest: scanned.pdf has no text layer (a scanned PDF?): run OCR first (for example `ocrmypdf in.pdf out.pdf`), then send the PDF it writes',
      );
      expect((await run('compact', '--data', dir)).code).toBe(0);
      const dataset = loadDataset(dir);
      for (const [id, name, contentType] of [
        ['news-page', 'news-page.html', 'text/html; charset=utf-8'],
        ['briefing', 'briefing.md', 'text/markdown; charset=utf-8'],
        ['article', 'article.pdf', 'application/pdf'],
      ]) {
        expect(dataset.documents.get(id)!.text).toContain(MUSK);
        const original = findOriginal(dir, id)!;
        expect(original.contentType).toBe(contentType);
        expect(fs.readFileSync(path.join(dir, original.file)).equals(fixture(name))).toBe(true);
      }
      expect(findOriginal(dir, 'scanned')).toBeUndefined();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
