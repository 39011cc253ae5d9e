// Compaction folds the journal into the data files (documents/<id>.txt, entities.json,
// claims.json, proposals.json) and empties it; the folder then loads to the same data.
// A crash before the journal is emptied is harmless, and a live server's folder is refused.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { loadDataset } from '../../../server/load/loadDataset';
import { compactDataFolder } from '../../../server/store/compact';
import { DataFolderInUseError, LOCK_FILE } from '../../../server/store/dataFolderLock';
import { ARTICLE, openStore, tempDataFolder } from './storeFixtures';

const summary = (dir: string) => {
  const dataset = loadDataset(dir, { onWarning: () => {} });
  return {
    documents: [...dataset.documents.keys()].sort(),
    entities: [...dataset.entities.keys()].sort(),
    claims: dataset.claims.map((c) => ({ ...c })),
  };
};

async function folderWithDecisions(): Promise<string> {
  const dir = tempDataFolder();
  const { store } = openStore(dir);
  await store.ingest(ARTICLE, 'doc-2.txt', { author: 'cli' });
  await store.accept('doc-2.p1', {}, 'cli');
  await store.reject('doc-2.p2', 'cli');
  store.close();
  return dir;
}

describe('compactDataFolder', () => {
  it('folds every entry into the files, empties the journal, and loads to the same data', async () => {
    const dir = await folderWithDecisions();
    const before = summary(dir);
    expect(compactDataFolder(dir)).toEqual({ entries: 3, documents: 1, entities: 1, claims: 1, proposals: 2 });
    expect(fs.readFileSync(path.join(dir, 'journal.jsonl'), 'utf8')).toBe('');
    expect(fs.readFileSync(path.join(dir, 'documents', 'doc-2.txt'), 'utf8')).toBe(ARTICLE);
    const claims = JSON.parse(fs.readFileSync(path.join(dir, 'claims.json'), 'utf8'));
    expect(claims.map((c: { id: string }) => c.id)).toEqual(['c1', 'c2', 'c3', 'doc-2.c1']);
    const entities = JSON.parse(fs.readFileSync(path.join(dir, 'entities.json'), 'utf8'));
    expect(entities.at(-1)).toEqual({ id: 'carol-white', type: 'person', name: 'Carol White', aliases: ['White'] });
    const proposals = JSON.parse(fs.readFileSync(path.join(dir, 'proposals.json'), 'utf8')).proposals;
    expect(proposals.map((p: { id: string; status: string }) => [p.id, p.status])).toEqual([
      ['doc-2.p1', 'accepted'],
      ['doc-2.p2', 'rejected'],
    ]);
    expect(summary(dir)).toEqual(before);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('keeps the review queue working after compaction: accepting again still returns the claim', async () => {
    const dir = await folderWithDecisions();
    compactDataFolder(dir);
    const { store } = openStore(dir);
    const again = await store.accept('doc-2.p1', {}, 'cli');
    store.close();
    expect(again.created).toBe(false);
    expect(again.claim?.id).toBe('doc-2.c1');
  });

  it('is safe to crash before the journal is emptied: the replay skips what the files already hold', async () => {
    const dir = await folderWithDecisions();
    const journal = fs.readFileSync(path.join(dir, 'journal.jsonl'));
    const before = summary(dir);
    compactDataFolder(dir);
    fs.writeFileSync(path.join(dir, 'journal.jsonl'), journal); // as if the process died before truncating
    expect(summary(dir)).toEqual(before);
    expect(compactDataFolder(dir).entries).toBe(3);
    expect(summary(dir)).toEqual(before);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'claims.json'), 'utf8'))).toHaveLength(4);
  });

  it('does nothing when the journal is empty', () => {
    const dir = tempDataFolder();
    const claims = fs.readFileSync(path.join(dir, 'claims.json'), 'utf8');
    expect(compactDataFolder(dir)).toEqual({ entries: 0, documents: 0, entities: 0, claims: 0, proposals: 0 });
    expect(fs.readFileSync(path.join(dir, 'claims.json'), 'utf8')).toBe(claims);
  });

  it('refuses a folder whose lock is held by a live process, and takes over a dead one', async () => {
    const dir = await folderWithDecisions();
    const sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 20000)'], { stdio: 'ignore' });
    try {
      fs.writeFileSync(path.join(dir, LOCK_FILE), `${sleeper.pid}\n`);
      expect(() => compactDataFolder(dir)).toThrow(DataFolderInUseError);
      expect(() => compactDataFolder(dir)).toThrow(`the data folder ${dir} is in use by process ${sleeper.pid}`);
    } finally {
      const exited = new Promise((resolve) => sleeper.once('exit', resolve));
      sleeper.kill('SIGKILL');
      await exited;
    }
    expect(compactDataFolder(dir).entries).toBe(3);
    expect(fs.existsSync(path.join(dir, LOCK_FILE))).toBe(false);
  });
});
