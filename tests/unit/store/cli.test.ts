// `claimgraph ingest` and `claimgraph compact` as a user meets them: what they print,
// their exit codes, and a folder locked by a running server refused with a clear message.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { main } from '../../../server/cli/main';
import { readJournal } from '../../../server/load/readJournal';
import { DEFAULT_MAX_ARTICLE_BYTES } from '../../../server/ingest/extractionLimits';
import { LOCK_FILE } from '../../../server/store/dataFolderLock';
import { ARTICLE, tempDataFolder } from './storeFixtures';

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

function articleFile(dir: string): string {
  // Beside the data files, where the loader does not look; removed with the folder.
  fs.mkdirSync(path.join(dir, 'incoming'), { recursive: true });
  const file = path.join(dir, 'incoming', '202_carol-joins-acme.txt');
  fs.writeFileSync(file, ARTICLE);
  return file;
}

describe('claimgraph ingest', () => {
  it('stores the article with its proposals in the journal and lists them', async () => {
    const dir = tempDataFolder();
    const file = articleFile(dir);
    const result = await run('ingest', file, '--data', dir);
    const id = path.basename(file, '.txt');
    expect(result.code).toBe(0);
    expect(result.err).toBe('');
    const journal = readJournal(dir).lines.map((l) => l.entry);
    expect(journal).toHaveLength(1);
    expect(journal[0]).toMatchObject({ kind: 'ingest', author: 'cli', document: { id, source: ARTICLE } });
    const proposals = journal[0].kind === 'ingest' ? journal[0].proposals : [];
    const lines = result.out.split('\n');
    expect(lines[0]).toBe(
      `stored document ${id} (2024-02-01 "Carol joins Acme") with ${proposals.length} proposal${proposals.length === 1 ? '' : 's'} pending review:`,
    );
    for (const proposal of proposals) expect(lines).toContain(`    "${proposal.claim.quote}"`);
    expect(lines.at(-1)).toBe(
      `Review them in the client's review panel or with POST /api/proposals/<id>/accept or /reject; \`claimgraph compact\` folds ${path.join(dir, 'journal.jsonl')} into the data files.`,
    );
    expect(fs.existsSync(path.join(dir, LOCK_FILE))).toBe(false);

    const again = await run('ingest', file, '--data', dir);
    expect(again).toEqual({
      code: 0,
      err: '',
      out: `document ${id} is already stored (${proposals.length} proposals); nothing was written`,
    });
  });

  it('explains a file that is not an article, with exit code 1', async () => {
    const dir = tempDataFolder();
    fs.mkdirSync(path.join(dir, 'incoming'));
    const file = path.join(dir, 'incoming', 'bad.txt');
    fs.writeFileSync(file, 'no header\nbody\n');
    expect(await run('ingest', file, '--data', dir)).toEqual({
      code: 1,
      out: '',
      err: `claimgraph ingest: ${file}: text: line 1: the first line must be " date YYYY-MM-DD Title", found "no header"`,
    });
  });

  it('refuses an article larger than the extractor takes, saying to split it, and writes nothing', async () => {
    const dir = tempDataFolder();
    fs.mkdirSync(path.join(dir, 'incoming'));
    const file = path.join(dir, 'incoming', 'huge.txt');
    fs.writeFileSync(file, ` date 2024-10-09 Huge\n${'x'.repeat(DEFAULT_MAX_ARTICLE_BYTES)}\n`);
    expect(await run('ingest', file, '--data', dir)).toEqual({
      code: 1,
      out: '',
      err: `claimgraph ingest: ${file}: the article is 262,167 bytes; the extractor takes articles of at most 262,144 bytes: split it into smaller documents (a few sections each) and send each one on its own`,
    });
    expect(
      fs.existsSync(path.join(dir, 'journal.jsonl')) ? fs.readFileSync(path.join(dir, 'journal.jsonl'), 'utf8') : '',
    ).toBe('');
  });

  it('asks for the article file', async () => {
    const result = await run('ingest');
    expect(result.code).toBe(2);
    expect(result.err).toBe(
      'claimgraph ingest: the article file is missing\nusage: claimgraph ingest ARTICLE.{txt,md,html,pdf}|- [--name FILE] [--format text|markdown|html|pdf] [--title T] [--date YYYY-MM-DD] [--url URL] [--data DIR]',
    );
  });

  it('refuses a folder a running server holds, pointing at the API', async () => {
    const dir = tempDataFolder();
    const sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 20000)'], { stdio: 'ignore' });
    try {
      fs.writeFileSync(path.join(dir, LOCK_FILE), `${sleeper.pid}\n`);
      const result = await run('ingest', articleFile(dir), '--data', dir);
      expect(result.code).toBe(1);
      expect(result.err).toBe(
        `claimgraph ingest: the data folder ${dir} is in use by process ${sleeper.pid} (a running claimgraph server?); stop it first, or delete ${path.join(dir, LOCK_FILE)} if no such process is claimgraph; while the server runs, send the article to it: POST /api/documents`,
      );
      expect(fs.existsSync(path.join(dir, 'journal.jsonl'))).toBe(false);
    } finally {
      const exited = new Promise((resolve) => sleeper.once('exit', resolve));
      sleeper.kill('SIGKILL');
      await exited;
    }
  });
});

describe('claimgraph compact', () => {
  it('folds the journal and says what it wrote; then there is nothing to do', async () => {
    const dir = tempDataFolder();
    await run('ingest', articleFile(dir), '--data', dir);
    const result = await run('compact', '--data', dir);
    const proposals = JSON.parse(fs.readFileSync(path.join(dir, 'proposals.json'), 'utf8')).proposals.length;
    expect(result).toEqual({
      code: 0,
      err: '',
      out: `${dir}: folded 1 journal entry: 1 document(s), 0 entities, 0 claim(s); ${proposals} proposal(s) kept in proposals.json`,
    });
    expect(await run('compact', '--data', dir)).toEqual({
      code: 0,
      err: '',
      out: `${dir}: the journal is empty; nothing to compact`,
    });
    expect((await run('validate', '--data', dir)).code).toBe(0);
  });
});
