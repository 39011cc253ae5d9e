import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from '../../../server/cli/main';
import { DEFAULT_MAX_ARTICLE_BYTES } from '../../../server/ingest/extractionLimits';
import { extractionResultSchema } from '../../../server/ingest/extractionResult';

function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  return main(args, { out: (t) => out.push(t), err: (t) => err.push(t) }).then((code) => ({
    code,
    out: out.join('\n'),
    err: err.join('\n'),
  }));
}

describe('claimgraph extract', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimgraph-extract-'));
  afterAll(() => fs.rmSync(dir, { recursive: true }));

  it('prints the document, entities and claims as JSON, keeping known ids', async () => {
    const file = path.join(dir, '201_test.txt');
    fs.writeFileSync(
      file,
      ' date 2024-11-02 Musk meets Putin\nElon Musk met Russian President Vladimir Putin in October 2022.\n',
    );
    const { code, out } = await run(['extract', file]);
    expect(code).toBe(0);
    const result = extractionResultSchema.parse(JSON.parse(out));
    expect(result.document).toEqual({ id: '201_test', date: '2024-11-02', title: 'Musk meets Putin' });
    expect(result.entities.map((e) => [e.id, e.existing])).toEqual([
      ['elon-musk', true],
      ['country:RU', true],
      ['vladimir-putin', true],
    ]);
    expect(result.claims.map((c) => [c.subject, c.type, c.object, c.stance, c.date])).toEqual([
      ['elon-musk', 'in_contact_with', 'vladimir-putin', 'asserts', '2022-10'],
      ['vladimir-putin', 'holds_position', 'country:RU', 'asserts', undefined],
    ]);
    const body = fs.readFileSync(file, 'utf8').split('\n').slice(1).join('\n');
    for (const claim of result.claims) expect(body).toContain(claim.quote);
  });

  it('says what is wrong with an article without the header line', async () => {
    const file = path.join(dir, 'bad.txt');
    fs.writeFileSync(file, 'no header\nbody\n');
    expect(await run(['extract', file])).toEqual({
      code: 1,
      out: '',
      err: 'claimgraph extract: bad.txt: the first line must be " date YYYY-MM-DD Title", found "no header"',
    });
  });

  it('refuses an article larger than the extractor takes, saying to split it', async () => {
    const file = path.join(dir, 'huge.txt');
    fs.writeFileSync(file, ` date 2024-10-09 Huge\n${'x'.repeat(DEFAULT_MAX_ARTICLE_BYTES)}\n`);
    expect(await run(['extract', file])).toEqual({
      code: 1,
      out: '',
      err: 'claimgraph extract: huge.txt: the article is 262,167 bytes; the extractor takes articles of at most 262,144 bytes: split it into smaller documents (a few sections each) and send each one on its own',
    });
  });

  it('needs exactly one article', async () => {
    const { code, err } = await run(['extract']);
    expect(code).toBe(2);
    expect(err).toBe(
      'claimgraph extract: expected one article file, got 0\nusage: claimgraph extract ARTICLE.{txt,md,html,pdf}|- [--name FILE] [--format text|markdown|html|pdf] [--title T] [--date YYYY-MM-DD] [--url URL] [--data DIR]',
    );
  });
});
